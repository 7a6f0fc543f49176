package io.dyntables.query.rows;

import java.util.Map;

import io.dyntables.query.rows.ListingRequest.Count;
import io.dyntables.query.sql.RowSql;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Runs a {@link ListingPlan}: the rows it selects, streamed as the database returns them
 * or read a page at a time, and their count. It answers what is to be written, and knows
 * nothing of how.
 */
@Component
class ListingRunner {

	/** Rows a listing reads from the database per round trip. */
	private static final int FETCH_SIZE = 1000;

	private final DatabaseClient db;

	private final JsonMapper mapper;

	/**
	 * Where a page's statement runs: a connection of the request's event loop, or the
	 * pool.
	 */
	private final LoopConnections connections;

	ListingRunner(DatabaseClient db, LoopConnections connections, JsonMapper mapper) {
		this.db = db;
		this.connections = connections;
		this.mapper = mapper;
	}

	/**
	 * A listing, ready to be written; nothing runs before its publishers are subscribed
	 * to.
	 *
	 * @param plan the listing's plan
	 * @param count the row count asked for, or empty
	 * @param page the rows answered
	 */
	record Listed(ListingPlan plan, Mono<Long> count, Mono<Page> page) {

	}

	/**
	 * The rows of a listing.
	 *
	 * @param rows the rows answered
	 * @param next the cursor of the next page, or null on the last (and when not paged)
	 */
	record Page(Flux<Map<String, Object>> rows, String next) {

	}

	Listed run(ListingPlan plan) {
		Mono<Long> count = (plan.count() != null) ? count(plan) : Mono.empty();
		Mono<Page> page = plan.paged() ? page(plan) : Mono.fromSupplier(() -> new Page(rows(plan), null));
		return new Listed(plan, count, page);
	}

	/** Every row the listing selects, streamed from the database as it is read. */
	private Flux<Map<String, Object>> rows(ListingPlan plan) {
		RowSql.Statement statement = plan.selection().select();
		return RowBinding.bindAll(this.db.sql(statement.sql()), statement.parameters())
			.filter((s) -> s.fetchSize(FETCH_SIZE))
			.map((result) -> RowBinding.read(plan.columns(), plan.types(), result))
			.all()
			.map(plan::answered)
			.onErrorMap((error) -> DatabaseErrors.readFailure(error, plan.searched()));
	}

	/**
	 * One page, read whole (one row more than the page, to know whether a next page
	 * exists).
	 */
	private Mono<Page> page(ListingPlan plan) {
		int limit = plan.selection().limit();
		RowSql.Statement statement = plan.selection().limited(limit + 1).select();
		return this.connections
			.run((connection) -> DirectStatement.of(connection, statement.sql())
				.bind(statement.parameters())
				.all((row) -> RowBinding.read(plan.columns(), plan.types(), row)))
			.map((rows) -> {
				String next = null;
				if (rows.size() > limit) {
					rows = rows.subList(0, limit);
					next = plan.next().after(rows.get(rows.size() - 1));
				}
				return new Page(Flux.fromIterable(rows).map(plan::answered), next);
			})
			.onErrorMap((error) -> DatabaseErrors.readFailure(error, plan.searched()));
	}

	private Mono<Long> count(ListingPlan plan) {
		if (plan.count() == Count.EXACT) {
			RowSql.Statement statement = plan.selection().count();
			return RowBinding.bindAll(this.db.sql(statement.sql()), statement.parameters())
				.map((result) -> result.get(0, Long.class))
				.one()
				.onErrorMap((error) -> DatabaseErrors.readFailure(error, plan.searched()));
		}
		RowSql.Statement statement = plan.selection().estimate();
		return RowBinding.bindAll(this.db.sql(statement.sql()), statement.parameters())
			.map((result) -> result.get(0, String.class))
			.one()
			.map((explained) -> {
				JsonNode rows = this.mapper.readTree(explained).path(0).path("Plan").path("Plan Rows");
				return rows.asLong();
			})
			.onErrorMap((error) -> DatabaseErrors.readFailure(error, plan.searched()));
	}

}
