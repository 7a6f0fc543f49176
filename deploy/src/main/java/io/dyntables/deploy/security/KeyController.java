package io.dyntables.deploy.security;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.dyntables.api.error.ErrorCode;
import io.dyntables.api.error.Refusal;
import io.dyntables.api.error.RefusedException;
import io.dyntables.api.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * API keys over the API, for admin callers: create one (its secret is in that answer and
 * never again), list them, revoke one. A revocation takes effect on every instance within
 * about a second.
 */
@RestController
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@RequestMapping("/api/admin/keys")
@Tag(name = "Administration")
class KeyController {

	static final int MAX_NAME_LENGTH = 100;

	static final int MAX_ENTRIES = 50;

	static final int MAX_VALUE_LENGTH = 200;

	private static final Pattern ROLE = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

	private static final Pattern ATTRIBUTE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

	private static final Pattern PREFIX = Pattern.compile("[a-z0-9]{8}");

	private final ApiKeys keys;

	private final KeyCallers callers;

	private final Clock clock;

	KeyController(ApiKeys keys, KeyCallers callers, Clock clock) {
		this.keys = keys;
		this.callers = callers;
		this.clock = clock;
	}

	/**
	 * A key to create.
	 *
	 * @param name what the key is for (required)
	 * @param roles the roles whose grants apply to it
	 * @param attributes values a row filter may bind to, for example {@code tenant}
	 * @param expiresAt when it stops working (in the future), or none
	 */
	record NewKey(String name, List<String> roles, Map<String, String> attributes, Instant expiresAt) {
	}

	/**
	 * A created key.
	 *
	 * @param key the key to send as {@code Authorization: Bearer <key>}; shown only now
	 * @param prefix the key's id
	 * @param principal who it proves, as history records it
	 * @param name what it is for
	 * @param roles its roles
	 * @param attributes its attributes
	 * @param createdBy who created it
	 * @param createdAt when
	 * @param expiresAt when it stops working, or null
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record CreatedKey(String key, String prefix, String principal, String name, List<String> roles,
			Map<String, String> attributes, String createdBy, Instant createdAt, Instant expiresAt) {
	}

	@PostMapping
	@Operation(summary = "Create an API key; its secret is in this answer only")
	Mono<ResponseEntity<CreatedKey>> create(@RequestBody NewKey request) {
		return CallerAuthentication.current()
			.map(Caller::principal)
			.defaultIfEmpty(Caller.LOCAL.principal())
			.flatMap((creator) -> Mono.fromCallable(() -> create(request, creator))
				.subscribeOn(Schedulers.boundedElastic()))
			.map((created) -> ResponseEntity.created(URI.create("/api/admin/keys/" + created.prefix())).body(created));
	}

	@GetMapping
	@Operation(summary = "List the API keys (never their secrets)")
	Mono<List<ApiKey>> list() {
		return Mono.fromCallable(this.keys::list).subscribeOn(Schedulers.boundedElastic());
	}

	@DeleteMapping("/{prefix}")
	@Operation(summary = "Revoke an API key, on every instance within about a second")
	Mono<ResponseEntity<Void>> revoke(@PathVariable String prefix) {
		if (!PREFIX.matcher(prefix).matches()) {
			return Mono.error(notFound(prefix));
		}
		return Mono.fromCallable(() -> this.keys.revoke(prefix, this.clock.instant()))
			.subscribeOn(Schedulers.boundedElastic())
			.flatMap((revoked) -> {
				if (!revoked) {
					return Mono.error(notFound(prefix));
				}
				this.callers.forget(prefix);
				return Mono.just(ResponseEntity.noContent().<Void>build());
			});
	}

	private CreatedKey create(NewKey request, String creator) {
		Instant now = this.clock.instant();
		// checked before they are copied: a copy refuses nulls
		check(request, (request.roles() != null) ? request.roles() : List.of(),
				(request.attributes() != null) ? request.attributes() : Map.of(), now);
		List<String> roles = (request.roles() != null) ? List.copyOf(request.roles()) : List.of();
		Map<String, String> attributes = (request.attributes() != null) ? Map.copyOf(request.attributes()) : Map.of();
		for (int attempt = 1;; attempt++) {
			String key = ApiKeyFormat.generate();
			try {
				ApiKey created = this.keys.create(key, request.name().strip(), roles, attributes, creator, now,
						request.expiresAt());
				return new CreatedKey(key, created.prefix(), created.principal(), created.name(), created.roles(),
						created.attributes(), created.createdBy(), created.createdAt(), created.expiresAt());
			}
			catch (DuplicateKeyException ex) {
				// another key drew the same prefix: draw again
				if (attempt == 3) {
					throw ex;
				}
			}
		}
	}

	private static void check(NewKey request, List<String> roles, Map<String, String> attributes, Instant now) {
		List<Refusal> refusals = new ArrayList<>();
		String name = request.name();
		if (name == null || name.isBlank() || name.length() > MAX_NAME_LENGTH
				|| name.chars().anyMatch(Character::isISOControl)) {
			refusals.add(refusal("/name",
					"'name' is required: 1 to " + MAX_NAME_LENGTH + " characters without control characters"));
		}
		if (roles.size() > MAX_ENTRIES) {
			refusals.add(refusal("/roles", "at most " + MAX_ENTRIES + " roles"));
		}
		for (int i = 0; i < roles.size(); i++) {
			if (roles.get(i) == null || !ROLE.matcher(roles.get(i)).matches()) {
				refusals.add(refusal("/roles/" + i, "a role is 1 to 64 of A-Z a-z 0-9 _ . : -"));
			}
		}
		if (attributes.size() > MAX_ENTRIES) {
			refusals.add(refusal("/attributes", "at most " + MAX_ENTRIES + " attributes"));
		}
		attributes.forEach((attribute, value) -> {
			String pointer = Refusal.pointer("/attributes", attribute);
			if (!ATTRIBUTE.matcher(attribute).matches()) {
				refusals.add(refusal(pointer, "an attribute name is 1 to 64 of A-Z a-z 0-9 _ . -"));
			}
			else if (value == null || value.length() > MAX_VALUE_LENGTH
					|| value.chars().anyMatch(Character::isISOControl)) {
				refusals
					.add(refusal(pointer, "an attribute value is text of at most " + MAX_VALUE_LENGTH + " characters"));
			}
		});
		if (request.expiresAt() != null && !request.expiresAt().isAfter(now)) {
			refusals.add(refusal("/expiresAt", "'expiresAt' must be in the future"));
		}
		if (!refusals.isEmpty()) {
			throw new RefusedException(refusals);
		}
	}

	private static Refusal refusal(String pointer, String detail) {
		return Refusal.of(ErrorCode.INVALID_KEY_REQUEST, pointer, detail);
	}

	private static RefusedException notFound(String prefix) {
		return new RefusedException(ErrorCode.NOT_FOUND, "/path/prefix", "no API key with prefix " + prefix);
	}

}
