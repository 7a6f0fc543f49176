package io.dyntables.query.rows;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

import static org.assertj.core.api.Assertions.assertThat;

class EmptyContextTest {

	@Test
	void workSeesAnEmptyContextWhateverTheAnswersIs() {
		Boolean monoEmpty = EmptyContext.mono(Mono.deferContextual((context) -> Mono.just(context.isEmpty())))
			.contextWrite(Context.of("request", "r-1"))
			.block();
		Boolean fluxEmpty = EmptyContext.flux(Flux.deferContextual((context) -> Flux.just(context.isEmpty())))
			.contextWrite(Context.of("request", "r-1"))
			.blockLast();
		assertThat(monoEmpty).isTrue();
		assertThat(fluxEmpty).isTrue();
	}

	@Test
	void fluxAsksTheWorkForNoMoreThanTheAnswerAsksFor() {
		AtomicLong requested = new AtomicLong();
		Flux<Integer> work = Flux.range(0, 1_000_000).doOnRequest((n) -> requested.addAndGet(n));
		assertThat(EmptyContext.flux(work).limitRate(10).take(25).collectList().block()).hasSize(25);
		assertThat(requested.get()).isLessThan(100);
	}

	@Test
	void cancellingTheAnswerCancelsTheWork() {
		AtomicBoolean fluxCancelled = new AtomicBoolean();
		AtomicBoolean monoCancelled = new AtomicBoolean();
		EmptyContext.flux(Flux.never().doOnCancel(() -> fluxCancelled.set(true))).subscribe().dispose();
		EmptyContext.mono(Mono.never().doOnCancel(() -> monoCancelled.set(true))).subscribe().dispose();
		assertThat(fluxCancelled).isTrue();
		assertThat(monoCancelled).isTrue();
	}

	@Test
	void errorsAndEmptinessCrossAsTheyAre() {
		assertThat(EmptyContext.mono(Mono.empty()).blockOptional()).isEmpty();
		assertThat(EmptyContext.flux(Flux.error(new IllegalStateException("refused")))
			.onErrorResume((error) -> Flux.just(error.getMessage()))
			.blockLast()).isEqualTo("refused");
	}

}
