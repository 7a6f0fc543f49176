package io.dyntables.command.access;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.dyntables.api.access.Grant;
import io.dyntables.api.access.RoleCommands.DeleteRole;
import io.dyntables.api.access.RoleCommands.SetRole;
import io.dyntables.api.access.RoleNames;
import io.dyntables.api.access.RoleQueries.FindRole;
import io.dyntables.api.access.RoleQueries.RoleView;
import io.dyntables.api.access.RoleResponse;
import io.dyntables.api.error.ErrorCode;
import io.dyntables.api.error.RefusedException;
import io.dyntables.api.history.Audit;
import io.dyntables.api.roles.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.queryhandling.QueryGateway;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Creates, replaces and deletes roles (admin only, as every route under
 * {@code /api/admin}). Answers once the role read model has the change, so the next
 * request is checked against the new grants (or, past a bounded wait, 202).
 */
@RestController
@ConditionalOnExpression(Roles.IF_COMMANDS)
@RequestMapping("/api/admin/roles")
@Tag(name = "Access", description = "Roles and their grants")
class RoleCommandController {

	private static final Duration POLL = Duration.ofMillis(50);

	private final CommandGateway commands;

	private final QueryGateway queries;

	private final Duration wait;

	RoleCommandController(CommandGateway commands, QueryGateway queries,
			@Value("${dyntables.projection-wait:10s}") Duration wait) {
		this.commands = commands;
		this.queries = queries;
		this.wait = wait;
	}

	@PutMapping("/{name}")
	@Operation(summary = "Create or replace a role",
			description = "Body: {\"grants\": [{\"actions\": [\"rows:read\"], \"tables\": \"sales_*\", "
					+ "\"readFields\": [\"region\", \"total\"], \"rows\": \"tenant = ${claim.tenant}\"}]}. "
					+ "'tables' is \"*\", a label pattern or an array of table ids.")
	Mono<ResponseEntity<Object>> set(@PathVariable String name, @RequestBody Map<String, Object> body,
			@RequestHeader(name = "If-Match", required = false) String ifMatch, @Parameter(hidden = true) Audit audit) {
		checkName(name);
		for (String key : body.keySet()) {
			if (!key.equals("grants")) {
				throw new RefusedException(ErrorCode.MALFORMED_REQUEST, "/" + key,
						"unknown member '" + key + "'; allowed: " + Set.of("grants"));
			}
		}
		List<Grant> grants = GrantSpecs.parse(body.get("grants"));
		return send(new SetRole(name, grants, version(ifMatch)), audit).flatMap((version) -> applied(name, version))
			.map((view) -> view
				.map((role) -> ResponseEntity.ok()
					.eTag("\"" + role.version() + "\"")
					.<Object>body(RoleResponse.of(role)))
				.orElseGet(() -> ResponseEntity.status(HttpStatus.ACCEPTED).build()));
	}

	@DeleteMapping("/{name}")
	@Operation(summary = "Delete a role", description = "Its grants stop applying; its history stays readable.")
	Mono<ResponseEntity<Object>> delete(@PathVariable String name,
			@RequestHeader(name = "If-Match", required = false) String ifMatch, @Parameter(hidden = true) Audit audit) {
		checkName(name);
		return send(new DeleteRole(name, version(ifMatch)), audit).flatMap((version) -> applied(name, version))
			.map((view) -> view.isPresent() ? ResponseEntity.noContent().build()
					: ResponseEntity.status(HttpStatus.ACCEPTED).build());
	}

	private static void checkName(String name) {
		if (RoleNames.ADMIN.equals(name)) {
			throw new RefusedException(ErrorCode.INVALID_PARAMETER, "/path/name",
					"the admin role is built in: it grants every action on every table, and cannot be changed");
		}
		RoleNames.problem(name).ifPresent((problem) -> {
			throw new RefusedException(ErrorCode.NOT_FOUND, "", problem);
		});
	}

	private static Long version(String ifMatch) {
		if (ifMatch == null || ifMatch.isBlank()) {
			return null;
		}
		try {
			return Long.parseLong(ifMatch.trim().replace("W/", "").replace("\"", ""));
		}
		catch (NumberFormatException ex) {
			throw new RefusedException(ErrorCode.INVALID_PARAMETER, "", "If-Match must name one role version (\"3\")");
		}
	}

	/** Sends the command with its audit, off the event loop; answers the new version. */
	private Mono<Long> send(Object command, Audit audit) {
		return Mono
			.fromCallable(() -> this.commands
				.<Long>send(GenericCommandMessage.asCommandMessage(command).andMetaData(audit.metaData())))
			.subscribeOn(Schedulers.boundedElastic())
			.flatMap(Mono::fromFuture)
			.onErrorMap(RoleCommandController::unknownRole,
					(error) -> new RefusedException(ErrorCode.NOT_FOUND, "", "no such role"));
	}

	private static boolean unknownRole(Throwable error) {
		for (Throwable cause = error; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof AggregateNotFoundException) {
				return true;
			}
		}
		return false;
	}

	/** The role once the read model has reached the version, or empty past the wait. */
	private Mono<Optional<RoleView>> applied(String name, long version) {
		return Mono
			.fromFuture(() -> this.queries.query(new FindRole(name), ResponseTypes.optionalInstanceOf(RoleView.class)))
			.subscribeOn(Schedulers.boundedElastic())
			.flatMap(Mono::justOrEmpty)
			.filter((view) -> view.version() >= version)
			.repeatWhenEmpty((empty) -> empty.delayElements(POLL))
			.map(Optional::of)
			.timeout(this.wait, Mono.just(Optional.empty()));
	}

}
