package io.dyntables.command.web;

import io.dyntables.api.roles.Roles;
import io.dyntables.api.error.ErrorCode;
import io.dyntables.api.error.RefusedException;
import io.dyntables.api.history.Audit;
import io.dyntables.api.security.Caller;
import io.dyntables.api.table.Commands.RevertSchema;
import io.dyntables.api.table.ConversionMode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Brings a table's schema back to an earlier version as new changes; the history keeps
 * everything in between.
 */
@RestController
@ConditionalOnExpression(Roles.IF_COMMANDS)
@RequestMapping("/api/table")
@Tag(name = "History")
class RevertController {

	private final TableCommands commands;

	private final LabelChecks labels;

	RevertController(TableCommands commands, LabelChecks labels) {
		this.commands = commands;
		this.labels = labels;
	}

	@PostMapping("/{id}/revert")
	@Operation(summary = "Bring the schema back to an earlier version",
			description = "As new changes: renamed fields are renamed back, fields added since removed, removed "
					+ "ones added again (empty), types and options changed back (narrowing ones need "
					+ "convert=lenient). With dryRun=true, answers what it would do as every dry run does, "
					+ "with the data it would drop.")
	Mono<ResponseEntity<Object>> revert(@PathVariable long id, @RequestParam(required = false) String to,
			@RequestParam(defaultValue = "false") boolean dryRun, @RequestParam(required = false) String convert,
			@RequestHeader(name = "If-Match", required = false) String ifMatch, @Parameter(hidden = true) Audit audit,
			@Parameter(hidden = true) Caller caller) {
		long toVersion = version(to);
		ConversionMode conversion = Bodies.conversion(convert, ErrorCode.INVALID_PARAMETER);
		Long stated = Bodies.ifMatch(ifMatch);
		// the label the table had then comes back with the schema: the caller must be
		// able
		// to give it
		return this.labels.allowedAt(caller, id, toVersion)
			.then(this.commands.onTable(id, stated, dryRun, audit,
					(expected) -> new RevertSchema(id, toVersion, expected, conversion, dryRun)));
	}

	private static long version(String to) {
		if (to == null) {
			throw new RefusedException(ErrorCode.INVALID_PARAMETER, "/to",
					"'to' is required: the version to bring back");
		}
		try {
			long version = Long.parseLong(to.strip());
			if (version >= 1) {
				return version;
			}
		}
		catch (NumberFormatException ex) {
			// refused below
		}
		throw new RefusedException(ErrorCode.INVALID_PARAMETER, "/to", "'to' must be a table version, 1 or more");
	}

}
