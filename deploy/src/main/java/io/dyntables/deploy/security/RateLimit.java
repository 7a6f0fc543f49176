package io.dyntables.deploy.security;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.dyntables.api.error.ErrorCode;
import io.dyntables.api.security.Caller;
import io.dyntables.deploy.web.ProblemWriter;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * The per-credential request rate limit of this instance: each principal has a token
 * bucket (Bucket4j: lock-free, and it says when the next token comes, which is the
 * {@code Retry-After} a refused client needs) holding {@code burst} requests and refilled
 * at {@code per-second}. Past it: 429 with {@code Retry-After}. The unrestricted local
 * caller of protected mode is never limited; buckets of credentials unused for ten
 * minutes are dropped.
 */
final class RateLimit implements WebFilter {

	private final SecuritySettings.RateLimit settings;

	private final ProblemWriter problems;

	private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
		.expireAfterAccess(Duration.ofMinutes(10))
		.maximumSize(100_000)
		.build();

	RateLimit(SecuritySettings.RateLimit settings, ProblemWriter problems) {
		this.settings = settings;
		this.problems = problems;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return CallerAuthentication.current()
			.filter((caller) -> caller != Caller.LOCAL)
			.map((caller) -> Optional
				.of(this.buckets.get(caller.principal(), (principal) -> bucket()).tryConsumeAndReturnRemaining(1)))
			.defaultIfEmpty(Optional.empty())
			.flatMap((probe) -> (probe.isEmpty() || probe.get().isConsumed()) ? chain.filter(exchange)
					: refuse(exchange, probe.get()));
	}

	private Bucket bucket() {
		return Bucket.builder()
			.addLimit((limit) -> limit.capacity(this.settings.capacity())
				.refillGreedy(this.settings.perSecond(), Duration.ofSeconds(1)))
			.build();
	}

	private Mono<Void> refuse(ServerWebExchange exchange, ConsumptionProbe probe) {
		long seconds = Math.max(1,
				(long) Math.ceil(probe.getNanosToWaitForRefill() / (double) TimeUnit.SECONDS.toNanos(1)));
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		return this.problems.write(exchange, ErrorCode.RATE_LIMITED,
				"this credential sent more requests than its rate limit allows; retry after " + seconds + " s",
				headers);
	}

}
