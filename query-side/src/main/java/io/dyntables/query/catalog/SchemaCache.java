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
	 * The newest change announced of each table: a schema read while it was announced may
	 * be older than the change, and is kept only if it is as new.
	 */
	private final RecentlyUsed<Long, Long> announced;

	/**
	 * Counts the clears (announcements of changes to any table, after which no read in
	 * flight is known to be current).
	 */
	private final AtomicLong clears = new AtomicLong();

	public SchemaCache(TableReferences references, @Value("${dyntables.rows.cached-schemas:20000}") int capacity) {
		this.references = references;
		this.schemas = new RecentlyUsed<>(capacity);
		this.announced = new RecentlyUsed<>(capacity);
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
	 * Reads the schema from the reference table (blocking), keeping it unless a newer
	 * change of the table, or a clear, was announced while it was read. A change
	 * announced of another table does not stop it being kept: a command waiting for its
	 * change reads through here, and the rows that follow its answer must meet the schema
	 * it read.
	 */
	Optional<TableSchema> read(long tableId) {
		long clearsBefore = this.clears.get();
		Optional<TableSchema> schema = this.references.find(tableId);
		if (schema.isPresent() && this.clears.get() == clearsBefore && !announcedAfter(schema.get())) {
			put(schema.get());
		}
		return schema;
	}

	private boolean announcedAfter(TableSchema schema) {
		Long sequence = this.announced.get(schema.tableId());
		return sequence != null && sequence > schema.sequence();
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
		this.announced.merge(tableId, sequence, Math::max);
		TableSchema cached = this.schemas.get(tableId);
		if (cached == null || cached.sequence() < sequence) {
			this.schemas.remove(tableId);
		}
	}

	public void clear() {
		this.clears.incrementAndGet();
		this.schemas.clear();
	}

	/** The cached schemas, for their metrics. */
	RecentlyUsed<Long, TableSchema> entries() {
		return this.schemas;
	}

}
