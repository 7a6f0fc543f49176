package io.dyntables.query.rows;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.Supplier;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Abandons a stream of rows whose client stops sending, so a stalled upload does not hold
 * its database connection: the stream fails when no row has come for the timeout. One
 * periodic check per stream looks whether rows came since the last check, where
 * {@code Flux.timeout} would schedule a timer for every row and cancel it at the next,
 * which on a fast load costs more than the row itself. A stall is noticed between the
 * timeout and the timeout plus about one check interval (a tenth of the timeout, at most
 * 1 s).
 */
final class StallGuard {

	private static final Duration LONGEST_CHECK_INTERVAL = Duration.ofSeconds(1);

	private final Duration timeout;

	private final Duration checkInterval;

	StallGuard(Duration timeout) {
		if (timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException("the stall timeout must be positive, not " + timeout);
		}
		this.timeout = timeout;
		Duration tenth = timeout.dividedBy(10);
		this.checkInterval = (tenth.compareTo(LONGEST_CHECK_INTERVAL) > 0) ? LONGEST_CHECK_INTERVAL
				: tenth.isZero() ? Duration.ofMillis(1) : tenth;
	}

	/**
	 * The rows, failing with the given error (and cancelling the rows) once none has come
	 * for the timeout, the first one included.
	 */
	<T> Flux<T> guard(Flux<T> rows, Supplier<? extends Throwable> stalled) {
		return Flux.defer(() -> {
			AtomicLong received = new AtomicLong();
			AtomicBoolean stall = new AtomicBoolean();
			Mono<Long> noticed = Flux.interval(this.checkInterval, this.checkInterval)
				.filter(new Check(received, this.timeout.toNanos()))
				.next()
				.doOnNext((tick) -> stall.set(true));
			// takeUntilOther cancels the rows when the stall is noticed (an error of the
			// other
			// publisher would not), then the stream ends with the error
			return rows.doOnNext((row) -> received.lazySet(received.get() + 1))
				.takeUntilOther(noticed)
				.concatWith(Mono.defer(() -> stall.get() ? Mono.error(stalled) : Mono.empty()));
		});
	}

	/**
	 * Whether the rows stalled, asked at each tick (ticks come one after the other): the
	 * time the count of rows last changed, the timeout past it.
	 */
	private static final class Check implements Predicate<Long> {

		private final AtomicLong received;

		private final long timeoutNanos;

		private long lastCount;

		private long lastChange = System.nanoTime();

		Check(AtomicLong received, long timeoutNanos) {
			this.received = received;
			this.timeoutNanos = timeoutNanos;
		}

		@Override
		public boolean test(Long tick) {
			long now = System.nanoTime();
			long count = this.received.get();
			if (count != this.lastCount) {
				this.lastCount = count;
				this.lastChange = now;
				return false;
			}
			return now - this.lastChange >= this.timeoutNanos;
		}

	}

}
