package io.dyntables.query.catalog;

import io.dyntables.api.table.TableSchema;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Current schemas in memory, so rows are validated without a catalog query. The projector
 * puts every schema it commits; a miss, or a schema another instance changed, is read
 * from the reference table. It holds the most recently used schemas only, so memory stays
 * bounded however many tables there are.
 */
@Component
public class SchemaCache {

	private final RecentlyUsed<Long, TableSchema> schemas;

	private final TableReferences references;

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
		return Mono.fromCallable(() -> this.references.find(tableId).orElse(null))
			.subscribeOn(Schedulers.boundedElastic())
			.doOnNext(this::put);
	}

	/** Keeps the newer of the cached and the given schema. */
	public void put(TableSchema schema) {
		this.schemas.merge(schema.tableId(), schema,
				(cached, given) -> (given.sequence() >= cached.sequence()) ? given : cached);
	}

	public void clear() {
		this.schemas.clear();
	}

	/** The cached schemas, for their metrics. */
	RecentlyUsed<Long, TableSchema> entries() {
		return this.schemas;
	}

}
