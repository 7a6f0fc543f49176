package io.dyntables.query.rows;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The stall check of streamed uploads, in real time with short timeouts. */
class StallGuardTest {

	private final StallGuard guard = new StallGuard(Duration.ofMillis(400));

	@Test
	void rowsThatKeepComingPassUntouched() {
		// 30 rows 50 ms apart: 1.5 s in all, far longer than the timeout, never a pause
		// as long
		List<Long> rows = this.guard.guard(Flux.interval(Duration.ofMillis(50)).take(30), IllegalStateException::new)
			.collectList()
			.block(Duration.ofSeconds(10));
		assertThat(rows).hasSize(30);
	}

	@Test
	void aStreamThatStopsSendingFailsAfterTheTimeoutAndIsCancelled() {
		Sinks.Many<String> client = Sinks.many().unicast().onBackpressureBuffer();
		AtomicBoolean cancelled = new AtomicBoolean();
		client.tryEmitNext("one");
		long start = System.nanoTime();
		Flux<String> guarded = this.guard.guard(client.asFlux().doOnCancel(() -> cancelled.set(true)),
				() -> new IllegalStateException("stalled"));
		assertThatThrownBy(() -> guarded.collectList().block(Duration.ofSeconds(10)))
			.isInstanceOf(IllegalStateException.class)
			.hasMessage("stalled");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
		assertThat(cancelled).isTrue();
	}

	@Test
	void aStreamWithoutAFirstRowFailsToo() {
		Flux<String> guarded = this.guard.guard(Flux.never(), () -> new IllegalStateException("stalled"));
		assertThatThrownBy(() -> guarded.blockLast(Duration.ofSeconds(10))).isInstanceOf(IllegalStateException.class)
			.hasMessage("stalled");
	}

	@Test
	void theCheckEndsWithTheStream() throws InterruptedException {
		AtomicInteger stalls = new AtomicInteger();
		List<String> rows = this.guard.guard(Flux.just("a", "b"), () -> {
			stalls.incrementAndGet();
			return new IllegalStateException("stalled");
		}).collectList().block(Duration.ofSeconds(5));
		assertThat(rows).containsExactly("a", "b");
		// a check left running would find no rows for twice the timeout and make its
		// error
		Thread.sleep(800);
		assertThat(stalls).hasValue(0);
	}

	@Test
	void refusesANonPositiveTimeout() {
		assertThatIllegalArgumentException().isThrownBy(() -> new StallGuard(Duration.ZERO));
	}

}
