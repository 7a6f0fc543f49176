package io.dyntables.query.rows;

import java.util.concurrent.Semaphore;

import io.dyntables.api.table.TableSchema;
import io.dyntables.query.sql.RowSql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Refreshes the planner statistics of a table a load just filled, in the background.
 * Until autovacuum gets to it (up to a minute later), a freshly filled table looks empty
 * to the planner, which then reads it whole instead of through its indexes. It runs over
 * JDBC, as the tables' owner: the role rows connect as may read and write rows but not
 * maintain tables. One at a time, so that loads never take more than one connection from
 * the projector's pool; a refresh asked for while one runs is left to autovacuum.
 */
@Component
class TableStatistics {

	private static final Logger log = LoggerFactory.getLogger(TableStatistics.class);

	private final JdbcTemplate jdbc;

	private final Semaphore running = new Semaphore(1);

	TableStatistics(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Starts refreshing the table's statistics, unless a refresh is running. */
	void refresh(TableSchema schema) {
		if (!this.running.tryAcquire()) {
			log.debug("statistics of {} left to autovacuum: another refresh is running", schema.physicalName());
			return;
		}
		Mono.fromRunnable(() -> this.jdbc.execute(RowSql.analyze(schema)))
			.subscribeOn(Schedulers.boundedElastic())
			.doFinally((signal) -> this.running.release())
			.subscribe(null, (error) -> log.debug("statistics of {} not refreshed: {}", schema.physicalName(),
					error.toString()));
	}

}
