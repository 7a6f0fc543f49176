package io.dyntables.command.web;

import io.dyntables.api.roles.Roles;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.dyntables.api.error.ErrorCode;
import io.dyntables.api.error.RefusedException;
import io.dyntables.api.history.Audit;
import io.dyntables.api.history.Summaries;
import io.dyntables.api.table.CommandOutcome;
import io.dyntables.api.table.Commands.RevertSchema;
import io.dyntables.api.table.ConversionMode;
import io.dyntables.api.table.Events.FieldRemoved;
import io.dyntables.api.table.Events.FieldTypeChanged;
import io.dyntables.api.table.Events.TableEvent;
import io.dyntables.api.table.TableResponse;
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

	private final ProjectionWaiter waiter;

	RevertController(ProjectionWaiter waiter) {
		this.waiter = waiter;
	}

	/**
	 * What a revert would do, changing nothing.
	 *
	 * @param dryRun always true
	 * @param version the version the table would have afterwards
	 * @param changes each change, for people
	 * @param drops the data the revert would lose: each sentence names a field
	 * @param events the events it would emit
	 */
	record RevertPreview(boolean dryRun, long version, List<String> changes, List<String> drops,
			List<TableEvent> events) {

		static RevertPreview of(CommandOutcome outcome) {
			List<String> drops = new ArrayList<>();
			for (TableEvent event : outcome.events()) {
				if (event instanceof FieldRemoved removed) {
					drops.add("the values of field " + removed.field().name() + " are dropped");
				}
				else if (event instanceof FieldTypeChanged changed && changed.keptColumn() != null) {
					drops.add("values of field " + changed.to().name() + " that are not valid "
							+ Summaries.describe(changed.to()) + " become null (the originals are kept in "
							+ changed.keptColumn() + ")");
				}
			}
			return new RevertPreview(true, outcome.version(), outcome.events().stream().map(Summaries::of).toList(),
					drops, outcome.events());
		}

	}

	@PostMapping("/{id}/revert")
	@Operation(summary = "Bring the schema back to an earlier version",
			description = "As new changes: renamed fields are renamed back, fields added since removed, removed "
					+ "ones added again (empty), types and options changed back (narrowing ones need "
					+ "convert=lenient). With dryRun=true, says what it would do and which data it would drop.")
	Mono<ResponseEntity<Object>> revert(@PathVariable long id, @RequestParam(required = false) String to,
			@RequestParam(defaultValue = "false") boolean dryRun, @RequestParam(required = false) String convert,
			@RequestHeader(name = "If-Match", required = false) String ifMatch, @Parameter(hidden = true) Audit audit) {
		long toVersion = version(to);
		ConversionMode conversion = conversion(convert);
		Long stated = Bodies.ifMatch(ifMatch);
		return this.waiter.basis(id, stated).flatMap((expected) -> {
			RevertSchema command = new RevertSchema(id, toVersion, expected, conversion, dryRun);
			if (dryRun) {
				return this.waiter.send(command, audit)
					.map((outcome) -> ResponseEntity.ok((Object) RevertPreview.of(outcome)));
			}
			return this.waiter.sendAndAwait(id, command, audit)
				.map((applied) -> ResponseEntity.ok()
					.eTag("\"" + applied.version() + "\"")
					.body((Object) TableResponse.of(applied)));
		});
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

	private static ConversionMode conversion(String convert) {
		if (convert == null) {
			return ConversionMode.STRICT;
		}
		try {
			return ConversionMode.valueOf(convert.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new RefusedException(ErrorCode.INVALID_PARAMETER, "/convert",
					"'convert' is \"strict\" (the default) or \"lenient\"");
		}
	}

}
