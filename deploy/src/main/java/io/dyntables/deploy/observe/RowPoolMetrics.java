package io.dyntables.deploy.observe;

import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.PoolMetrics;

/**
 * The R2DBC row pool's usage, under the names Boot gives r2dbc-pool metrics
 * ({@code r2dbc.pool.acquired}, {@code .allocated}, {@code .idle}, {@code .pending},
 * {@code .max.allocated}, {@code .max.pending}, tagged with the pool's name). Bound here
 * because the pool is built by hand, not by Boot's R2DBC configuration.
 */
class RowPoolMetrics implements MeterBinder {

	private final ConnectionPool pool;

	private final String name;

	RowPoolMetrics(ConnectionPool pool, String name) {
		this.pool = pool;
		this.name = name;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		if (this.pool.getMetrics().isEmpty()) {
			return;
		}
		gauge(registry, "acquired", "Connections in use", PoolMetrics::acquiredSize);
		gauge(registry, "allocated", "Connections open, in use or idle", PoolMetrics::allocatedSize);
		gauge(registry, "idle", "Connections idle", PoolMetrics::idleSize);
		gauge(registry, "pending", "Requests waiting for a connection", PoolMetrics::pendingAcquireSize);
		gauge(registry, "max.allocated", "Most connections the pool opens", PoolMetrics::getMaxAllocatedSize);
		gauge(registry, "max.pending", "Most requests that may wait for a connection",
				PoolMetrics::getMaxPendingAcquireSize);
	}

	private void gauge(MeterRegistry registry, String metric, String description, ToDoubleFunction<PoolMetrics> value) {
		Gauge
			.builder("r2dbc.pool." + metric, this.pool,
					(pool) -> pool.getMetrics().map(value::applyAsDouble).orElse(Double.NaN))
			.description(description)
			.tag("name", this.name)
			.baseUnit("connections")
			.register(registry);
	}

}
