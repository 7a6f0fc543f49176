package io.dyntables.query.catalog;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import io.dyntables.api.table.TableSchema;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Current schemas in memory, so rows are validated without a catalog query. The projector
 * puts every schema it commits; every instance drops a table's schema when it hears that
 * the table changed (see {@link SchemaChangeListener}); a miss is read from the reference
 * table. It holds the most recently used schemas only, so memory stays bounded however
 * many tables there are.
 */
@Component
public class SchemaCache {

	private final RecentlyUsed<Long, TableSchema> schemas;

	private final TableReferences references;

	/**
	 * Counts the drops: a schema read before a drop may be older than the change that
	 * caused it, and is not kept.
	 */
	private final AtomicLong drops = new AtomicLong();

	public SchemaCache(TableReferences references, @Value("${dyntables.rows.cached-schemas:20000}") int capacity) {
		this.references = references;
		this.schemas = new RecentlyUsed<>(capacity);
	}

	/** The table's schema, deleted ones included; empty when the table is unknown. */
	public Mono<TableSchema> get(long tableId) {
		TableSchema cached = this.schemas.get(tableId);
		return (cached != null) ? Mono.just(cached) : refresh(tableId);
	}

	/** Reads the schema from the reference table again. */
	public Mono<TableSchema> refresh(long tableId) {
		return Mono.fromCallable(() -> read(tableId).orElse(null)).subscribeOn(Schedulers.boundedElastic());
	}

	/**
	 * Reads the schema from the reference table (blocking), keeping it unless a drop came
	 * in while it was read.
	 */
	Optional<TableSchema> read(long tableId) {
		long dropsBefore = this.drops.get();
		Optional<TableSchema> schema = this.references.find(tableId);
		if (schema.isPresent() && this.drops.get() == dropsBefore) {
			put(schema.get());
		}
		return schema;
	}

	/** Keeps the newer of the cached and the given schema. */
	public void put(TableSchema schema) {
		this.schemas.merge(schema.tableId(), schema,
				(cached, given) -> (given.sequence() >= cached.sequence()) ? given : cached);
	}

	/**
	 * Drops the table's schema unless the cached one is already as new as the change.
	 */
	public void changed(long tableId, long sequence) {
		this.drops.incrementAndGet();
		TableSchema cached = this.schemas.get(tableId);
		if (cached == null || cached.sequence() < sequence) {
			this.schemas.remove(tableId);
		}
	}

	public void clear() {
		this.drops.incrementAndGet();
		this.schemas.clear();
	}

	/** The cached schemas, for their metrics. */
	RecentlyUsed<Long, TableSchema> entries() {
		return this.schemas;
	}

}
