package io.dyntables.deploy.security;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.dyntables.api.security.Caller;
import io.dyntables.query.catalog.OtherChannel;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * Turns an API key into its {@link Caller}, at almost no cost per request: a key found
 * once is kept for {@code dyntables.security.key-cache-ttl} (an unknown prefix too, so
 * made-up keys cannot make every request read the database), and each use only hashes the
 * key and compares. A revocation on any instance is announced, and every instance drops
 * the key as soon as it hears it; the short lifetime bounds how long a lost announcement
 * could keep a revoked key working.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
class KeyCallers implements OtherChannel {

	private final ApiKeys keys;

	private final LastUsed lastUsed;

	private final Clock clock;

	private final Cache<String, Optional<ApiKeys.Stored>> found;

	KeyCallers(ApiKeys keys, LastUsed lastUsed, Clock clock, SecuritySettings settings) {
		this.keys = keys;
		this.lastUsed = lastUsed;
		this.clock = clock;
		this.found = Caffeine.newBuilder().expireAfterWrite(settings.keyCacheTtl()).maximumSize(100_000).build();
	}

	/**
	 * The caller the key proves, or empty when it proves none (unknown, wrong, expired,
	 * revoked).
	 */
	Mono<Caller> caller(String key) {
		if (!ApiKeyFormat.wellFormed(key)) {
			return Mono.empty();
		}
		String prefix = ApiKeyFormat.prefix(key);
		Optional<ApiKeys.Stored> cached = this.found.getIfPresent(prefix);
		Mono<Optional<ApiKeys.Stored>> stored = (cached != null) ? Mono.just(cached)
				: Mono.fromCallable(() -> this.keys.find(prefix))
					.subscribeOn(Schedulers.boundedElastic())
					.doOnNext((read) -> this.found.put(prefix, read));
		return stored.flatMap((read) -> Mono.justOrEmpty(read.flatMap((one) -> check(key, one))));
	}

	private Optional<Caller> check(String key, ApiKeys.Stored stored) {
		ApiKey found = stored.key();
		Instant now = this.clock.instant();
		if (found.revokedAt() != null || (found.expiresAt() != null && !now.isBefore(found.expiresAt()))
				|| !ApiKeyFormat.matches(key, stored.hash())) {
			return Optional.empty();
		}
		this.lastUsed.used(found.prefix(), now);
		return Optional.of(new Caller(found.principal(), new HashSet<>(found.roles()), found.attributes(), false));
	}

	/** Forgets the key, so its next use reads it again. */
	void forget(String prefix) {
		this.found.invalidate(prefix);
	}

	@Override
	public String channel() {
		return ApiKeys.CHANNEL;
	}

	@Override
	public void heard(String prefix) {
		forget(prefix);
	}

	@Override
	public void mayHaveMissed() {
		this.found.invalidateAll();
	}

}
