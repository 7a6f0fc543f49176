package io.dyntables.query.catalog;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.cache.CacheMeterBinder;

import org.springframework.stereotype.Component;

/**
 * The schema cache in Micrometer's cache terms ({@code cache.gets} by hit or miss,
 * {@code cache.puts}, {@code cache.evictions}, {@code cache.size}, tagged
 * {@code cache=schemas}), so the usual cache dashboards read it.
 */
@Component
class SchemaCacheMetrics extends CacheMeterBinder<RecentlyUsed<Long, ?>> {

	SchemaCacheMetrics(SchemaCache cache) {
		super(cache.entries(), "schemas", Tags.empty());
	}

	@Override
	protected Long size() {
		RecentlyUsed<Long, ?> cache = getCache();
		return (cache != null) ? (long) cache.size() : null;
	}

	@Override
	protected long hitCount() {
		RecentlyUsed<Long, ?> cache = getCache();
		return (cache != null) ? cache.hits() : 0;
	}

	@Override
	protected Long missCount() {
		RecentlyUsed<Long, ?> cache = getCache();
		return (cache != null) ? cache.misses() : null;
	}

	@Override
	protected Long evictionCount() {
		RecentlyUsed<Long, ?> cache = getCache();
		return (cache != null) ? cache.evictions() : null;
	}

	@Override
	protected long putCount() {
		RecentlyUsed<Long, ?> cache = getCache();
		return (cache != null) ? cache.puts() : 0;
	}

	@Override
	protected void bindImplementationSpecificMetrics(MeterRegistry registry) {
	}

}
