package io.dyntables.query.access;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.dyntables.api.access.RoleNames;
import io.dyntables.api.access.RoleResponse;
import io.dyntables.api.error.ErrorCode;
import io.dyntables.api.error.RefusedException;
import io.dyntables.api.roles.Roles;
import io.dyntables.query.Params;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reads roles (admin only, as every route under {@code /api/admin}): the list, one role
 * now or as it was at a version or time, and its history with who changed it.
 */
@RestController
@ConditionalOnExpression(Roles.IF_QUERIES)
@RequestMapping("/api/admin/roles")
@Tag(name = "Access")
class RoleQueryController {

	private final RoleStore store;

	private final RoleHistory history;

	RoleQueryController(RoleStore store, RoleHistory history) {
		this.store = store;
		this.history = history;
	}

	@GetMapping
	@Operation(summary = "List the roles", description = "Every role that is not deleted, by name.")
	Mono<List<RoleResponse>> all() {
		return Mono
			.fromCallable(
					() -> this.store.all().stream().filter((role) -> !role.deleted()).map(RoleResponse::of).toList())
			.subscribeOn(Schedulers.boundedElastic());
	}

	@GetMapping("/{name}")
	@Operation(summary = "Read a role",
			description = "With 'version' (a number) or 'at' (an ISO-8601 time), the role as it was then.")
	Mono<ResponseEntity<RoleResponse>> one(@PathVariable String name, @RequestParam(required = false) String version,
			@RequestParam(required = false) String at) {
		checkName(name);
		Long asOfVersion = Params.number("version", version, 1, Long.MAX_VALUE);
		Instant asOf = Params.instant("at", at);
		if (asOfVersion != null && asOf != null) {
			throw new RefusedException(ErrorCode.INVALID_PARAMETER, "/at", "give 'version' or 'at', not both");
		}
		if (asOfVersion != null || asOf != null) {
			return Mono.fromCallable(() -> this.history.asOf(name, asOfVersion, asOf))
				.subscribeOn(Schedulers.boundedElastic())
				.flatMap(Mono::justOrEmpty)
				.switchIfEmpty(Mono.error(() -> new RefusedException(ErrorCode.NOT_FOUND, "",
						"role " + name + " did not exist " + ((asOf != null) ? "at " + asOf : "at that version"))))
				.map((role) -> ResponseEntity.ok(RoleResponse.of(role)));
		}
		return Mono.fromCallable(() -> this.store.find(name))
			.subscribeOn(Schedulers.boundedElastic())
			.flatMap(Mono::justOrEmpty)
			.filter((role) -> !role.deleted())
			.switchIfEmpty(Mono.error(() -> new RefusedException(ErrorCode.NOT_FOUND, "", "no role named " + name)))
			.map((role) -> ResponseEntity.ok().eTag("\"" + role.version() + "\"").body(RoleResponse.of(role)));
	}

	@GetMapping("/{name}/history")
	@Operation(summary = "A role's history",
			description = "Every change, oldest first: its version, type, time, actor, request id, reason and the "
					+ "grants after it.")
	Mono<List<Map<String, Object>>> history(@PathVariable String name) {
		checkName(name);
		return Mono.fromCallable(() -> this.history.all(name))
			.subscribeOn(Schedulers.boundedElastic())
			.filter((events) -> !events.isEmpty())
			.switchIfEmpty(Mono.error(() -> new RefusedException(ErrorCode.NOT_FOUND, "", "no role named " + name)))
			.map((events) -> events.stream().map(RoleQueryController::entry).toList());
	}

	private static Map<String, Object> entry(RoleHistory.Recorded recorded) {
		Map<String, Object> entry = new java.util.LinkedHashMap<>();
		entry.put("version", recorded.event().version());
		entry.put("type", recorded.event().getClass().getSimpleName());
		entry.put("time", recorded.time());
		entry.put("actor", recorded.audit().actor());
		if (recorded.audit().onBehalfOf() != null) {
			entry.put("onBehalfOf", recorded.audit().onBehalfOf());
		}
		entry.put("requestId", recorded.audit().requestId());
		if (recorded.audit().reason() != null) {
			entry.put("reason", recorded.audit().reason());
		}
		entry.put("grants", RoleResponse.written(recorded.event().grantsAfter()));
		return entry;
	}

	private static void checkName(String name) {
		RoleNames.problem(name).ifPresent((problem) -> {
			throw new RefusedException(ErrorCode.NOT_FOUND, "", "no role named so: " + problem);
		});
	}

}
