package io.dyntables.query.rows;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Counts the rows the service writes: {@code dyntables.rows.written} by operation
 * ({@code insert}, {@code update}, {@code delete}, {@code load} for the rows of bulk
 * loads, upserts included) and {@code dyntables.rows.loads} by format, each counted once
 * its statement succeeded.
 */
@Component
class RowMetrics {

	private static final String WRITTEN = "dyntables.rows.written";

	private static final String LOADS = "dyntables.rows.loads";

	private final Counter inserted;

	private final Counter updated;

	private final Counter deleted;

	private final Counter loaded;

	private final Counter jsonLoads;

	private final Counter ndjsonLoads;

	RowMetrics(MeterRegistry registry) {
		this.inserted = written(registry, "insert");
		this.updated = written(registry, "update");
		this.deleted = written(registry, "delete");
		this.loaded = written(registry, "load");
		this.jsonLoads = loads(registry, "json");
		this.ndjsonLoads = loads(registry, "ndjson");
	}

	private static Counter written(MeterRegistry registry, String operation) {
		return Counter.builder(WRITTEN).description("Rows written").tag("operation", operation).register(registry);
	}

	private static Counter loads(MeterRegistry registry, String format) {
		return Counter.builder(LOADS).description("Bulk loads completed").tag("format", format).register(registry);
	}

	void inserted() {
		this.inserted.increment();
	}

	void updated() {
		this.updated.increment();
	}

	void deleted() {
		this.deleted.increment();
	}

	void loaded(boolean ndjson, long rows) {
		this.loaded.increment(rows);
		(ndjson ? this.ndjsonLoads : this.jsonLoads).increment();
	}

}
