package io.dyntables.query.rows;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

import io.dyntables.api.error.ErrorCode;
import io.dyntables.api.error.RefusedException;
import reactor.core.publisher.Mono;

/**
 * Caps the loads (JSON array and NDJSON bulk inserts) running at once on this instance. A
 * load holds a row connection for as long as its client sends rows, so without a cap a
 * few slow uploaders could take every connection and stall every other request. A load
 * over the cap is refused at once (503, retry later), never queued.
 */
public final class LoadLimiter {

	private final int permits;

	private final Semaphore running;

	/**
	 * @param permits the most loads running at once
	 */
	public LoadLimiter(int permits) {
		if (permits < 1) {
			throw new IllegalArgumentException("at least one load must be allowed, not " + permits);
		}
		this.permits = permits;
		this.running = new Semaphore(permits);
	}

	/** Runs the load if a place is free, and frees the place when the load ends. */
	public <T> Mono<T> run(Supplier<Mono<T>> load) {
		return Mono.defer(() -> {
			if (!this.running.tryAcquire()) {
				return Mono.error(new RefusedException(ErrorCode.BUSY, "", "this instance already runs " + this.permits
						+ " loads, its limit; retry after the time given in Retry-After"));
			}
			return Mono.defer(load).doFinally((signal) -> this.running.release());
		});
	}

	/** Loads running now. */
	public int running() {
		return this.permits - this.running.availablePermits();
	}

}
