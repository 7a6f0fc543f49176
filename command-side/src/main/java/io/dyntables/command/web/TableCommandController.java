package io.dyntables.command.web;

import io.dyntables.api.roles.Roles;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.dyntables.api.error.ErrorCode;
import io.dyntables.api.history.Audit;
import io.dyntables.api.schema.FieldDefinition;
import io.dyntables.api.security.Caller;
import io.dyntables.api.table.CommandOutcome;
import io.dyntables.api.table.Commands.ChangeSchema;
import io.dyntables.api.table.Commands.CreateTable;
import io.dyntables.api.table.Commands.DeleteTable;
import io.dyntables.api.table.Commands.RenameField;
import io.dyntables.api.table.Commands.RenameTable;
import io.dyntables.api.table.ConversionMode;
import io.dyntables.api.table.Events.TableEvent;
import io.dyntables.command.TableIdAllocator;
import io.dyntables.command.domain.PlannedDdl;
import io.dyntables.command.domain.SchemaPlanner;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Schema commands over HTTP. Each request maps to one command; the answer comes once the
 * projection has applied it, so the table can be used at once (or, past a bounded wait,
 * as 202 with where to follow it).
 */
@RestController
@ConditionalOnExpression(Roles.IF_COMMANDS)
@RequestMapping("/api/table")
@Tag(name = "Tables", description = "Create tables and change their schemas")
class TableCommandController {

	private static final String CREATE_EXAMPLE = """
			{"name": "Person", "fields": {"first_name": "string", "last_name": "string", "age": "integer", "address": "string"}}""";

	private static final String CHANGE_EXAMPLE = """
			{"fields": {"first_name": "string", "age": "string", "address": "string", "married": "boolean"}}""";

	private final TableCommands commands;

	private final TableIdAllocator ids;

	private final LabelChecks labels;

	TableCommandController(TableCommands commands, TableIdAllocator ids, LabelChecks labels) {
		this.commands = commands;
		this.ids = ids;
		this.labels = labels;
	}

	@PostMapping
	@Operation(summary = "Create a table",
			description = "Fields are a type name (string, integer, boolean, ...) or an object with options. "
					+ "Answers 201 with the table once it can take rows.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(examples = @ExampleObject(name = "Person", value = CREATE_EXAMPLE))))
	Mono<ResponseEntity<Object>> create(@RequestBody Map<String, Object> body,
			@RequestParam(defaultValue = "false") boolean dryRun, @Parameter(hidden = true) Audit audit,
			@Parameter(hidden = true) Caller caller) {
		Bodies.allowOnly(body, Set.of("name", "fields"));
		String name = Bodies.requiredString(body, "name");
		List<FieldDefinition> fields = FieldSpecs.parse(Bodies.required(body, "fields"));
		if (dryRun) {
			return labelAllowed(caller, -1, name).then(Mono.fromCallable(() -> {
				List<TableEvent> planned = List.of(SchemaPlanner.create(0, name, fields));
				return CommandAnswers.dryRun(
						DryRunResponse.of(new CommandOutcome(0, 1, planned, 0, true, PlannedDdl.of(null, planned))));
			}));
		}
		return labelAllowed(caller, -1, name).then(Mono.fromCallable(this.ids::next))
			.subscribeOn(Schedulers.boundedElastic())
			.flatMap((id) -> this.commands.apply(id, new CreateTable(id, name, fields), audit))
			.map(CommandAnswers::created);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Change a table's schema",
			description = "Declarative, as the original: the fields given become the table's fields. "
					+ "Widening type changes convert the data; narrowing ones need \"convert\": \"lenient\".",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
					examples = @ExampleObject(name = "Person, second version", value = CHANGE_EXAMPLE))))
	Mono<ResponseEntity<Object>> change(@PathVariable long id, @RequestBody Map<String, Object> body,
			@RequestParam(defaultValue = "false") boolean dryRun,
			@RequestHeader(name = "If-Match", required = false) String ifMatch, @Parameter(hidden = true) Audit audit,
			@Parameter(hidden = true) Caller caller) {
		Bodies.allowOnly(body, Set.of("name", "fields", "convert"));
		String name = Bodies.optionalString(body, "name");
		List<FieldDefinition> fields = FieldSpecs.parse(Bodies.required(body, "fields"));
		ConversionMode conversion = Bodies.conversion(Bodies.optionalString(body, "convert"),
				ErrorCode.MALFORMED_REQUEST);
		Long stated = Bodies.ifMatch(ifMatch);
		return ((name != null) ? labelAllowed(caller, id, name) : Mono.<Void>empty()).then(this.commands.onTable(id,
				stated, dryRun, audit, (expected) -> new ChangeSchema(id, name, fields, expected, conversion, dryRun)));
	}

	@PatchMapping("/{id}")
	@Operation(summary = "Rename a table",
			description = "Body: {\"name\": \"New name\"}. The database table keeps its name.")
	Mono<ResponseEntity<Object>> renameTable(@PathVariable long id, @RequestBody Map<String, Object> body,
			@RequestParam(defaultValue = "false") boolean dryRun,
			@RequestHeader(name = "If-Match", required = false) String ifMatch, @Parameter(hidden = true) Audit audit,
			@Parameter(hidden = true) Caller caller) {
		Bodies.allowOnly(body, Set.of("name"));
		String name = Bodies.requiredString(body, "name");
		Long stated = Bodies.ifMatch(ifMatch);
		return labelAllowed(caller, id, name).then(this.commands.onTable(id, stated, dryRun, audit,
				(expected) -> new RenameTable(id, name, expected, dryRun)));
	}

	/** Refuses a label the caller may not give a table. */
	private Mono<Void> labelAllowed(Caller caller, long id, String name) {
		return this.labels.allowed(caller, id, name, "/name");
	}

	@PatchMapping("/{id}/fields/{field}")
	@Operation(summary = "Rename a field, keeping its data", description = "Body: {\"name\": \"new_name\"}.")
	Mono<ResponseEntity<Object>> renameField(@PathVariable long id, @PathVariable String field,
			@RequestBody Map<String, Object> body, @RequestParam(defaultValue = "false") boolean dryRun,
			@RequestHeader(name = "If-Match", required = false) String ifMatch, @Parameter(hidden = true) Audit audit) {
		Bodies.allowOnly(body, Set.of("name"));
		String to = Bodies.requiredString(body, "name");
		return this.commands.onTable(id, Bodies.ifMatch(ifMatch), dryRun, audit,
				(expected) -> new RenameField(id, field, to, expected, dryRun));
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Delete a table",
			description = "Drops the database table and its rows; the schema's history stays readable.")
	Mono<ResponseEntity<Object>> delete(@PathVariable long id, @RequestParam(defaultValue = "false") boolean dryRun,
			@RequestHeader(name = "If-Match", required = false) String ifMatch, @Parameter(hidden = true) Audit audit) {
		return this.commands.onTable(id, Bodies.ifMatch(ifMatch), dryRun, audit,
				(expected) -> new DeleteTable(id, expected, dryRun));
	}

}
