package io.dyntables.query.history;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.dyntables.api.history.HistoryQueries.FetchProjectionStatus;
import io.dyntables.api.history.HistoryQueries.FetchSchemaDiff;
import io.dyntables.api.history.HistoryQueries.FetchSchemaHistory;
import io.dyntables.api.history.HistoryQueries.FindTableAsOf;
import io.dyntables.api.history.ProjectionStatus;
import io.dyntables.api.history.SchemaDiff;
import io.dyntables.api.history.SchemaHistory;
import io.dyntables.api.history.SchemaHistory.Ddl;
import io.dyntables.api.history.SchemaHistory.Entry;
import io.dyntables.api.history.HiddenChanges;
import io.dyntables.api.history.HiddenChanges.Told;
import io.dyntables.api.table.TableSchema;
import io.dyntables.api.table.Events.TableEvent;
import io.dyntables.api.table.TableView;
import io.dyntables.query.catalog.TableReferences;
import io.dyntables.query.history.TableEvents.Recorded;
import io.dyntables.query.projection.ProjectionErrors;
import org.axonframework.queryhandling.QueryHandler;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Answers the questions about a table's past from its events, folded with the same fold
 * the aggregate and the projector use, and the DDL log the projector wrote.
 */
@Component
class HistoryQueryHandlers {

	private final TableEvents events;

	private final JdbcTemplate jdbc;

	private final TableReferences references;

	private final ProjectionErrors errors;

	HistoryQueryHandlers(TableEvents events, JdbcTemplate jdbc, TableReferences references, ProjectionErrors errors) {
		this.events = events;
		this.jdbc = jdbc;
		this.references = references;
		this.errors = errors;
	}

	@QueryHandler
	Optional<SchemaHistory> handle(FetchSchemaHistory query) {
		List<Recorded> page = this.events.read(query.tableId(), query.afterSequence() + 1, query.limit() + 1);
		if (page.isEmpty() && (query.afterSequence() < 0 || this.events.lastSequence(query.tableId()) < 0)) {
			return Optional.empty();
		}
		boolean more = page.size() > query.limit();
		if (more) {
			page = page.subList(0, query.limit());
		}
		Map<Long, List<Ddl>> ddl = page.isEmpty() ? Map.of()
				: ddl(query.tableId(), page.get(0).sequence(), page.get(page.size() - 1).sequence());
		List<Entry> entries = new ArrayList<>();
		for (Recorded recorded : page) {
			TableEvent event = recorded.event();
			Told told = HiddenChanges.tell(event, query.shown());
			entries.add(new Entry(recorded.sequence(), event.version(), told.type(), told.summary(),
					recorded.audit().actor(), recorded.audit().onBehalfOf(), recorded.time(),
					recorded.audit().requestId(), told.redacted() ? null : recorded.audit().reason(),
					told.redacted() ? null : ddl.getOrDefault(recorded.sequence(), List.of()), told.redactedOrNull()));
		}
		Long nextAfter = more ? page.get(page.size() - 1).sequence() : null;
		return Optional.of(new SchemaHistory(query.tableId(), entries, nextAfter));
	}

	@QueryHandler
	Optional<TableView> handle(FindTableAsOf query) {
		List<TableEvent> upTo = this.events.all(query.tableId())
			.stream()
			.filter((recorded) -> (query.version() != null) ? recorded.event().version() <= query.version()
					: !recorded.time().isAfter(query.at()))
			.map(Recorded::event)
			.toList();
		if (upTo.isEmpty()) {
			return Optional.empty();
		}
		TableSchema schema = TableSchema.fold(upTo);
		if (query.version() != null && schema.version() != query.version()) {
			return Optional.empty();
		}
		return Optional.of(schema.view());
	}

	@QueryHandler
	Optional<SchemaDiff> handle(FetchSchemaDiff query) {
		List<TableEvent> all = this.events.all(query.tableId()).stream().map(Recorded::event).toList();
		long current = all.isEmpty() ? 0 : all.get(all.size() - 1).version();
		if (all.isEmpty() || query.from() > current || query.to() > current) {
			return Optional.empty();
		}
		return Optional.of(SchemaDiff.between(all, query.from(), query.to(), query.shown()));
	}

	@QueryHandler
	Optional<ProjectionStatus> handle(FetchProjectionStatus query) {
		long last = this.events.lastSequence(query.tableId());
		if (last < 0) {
			return Optional.empty();
		}
		long version = this.events.read(query.tableId(), last, 1).get(0).event().version();
		Optional<TableSchema> applied = this.references.find(query.tableId());
		long appliedSequence = applied.map(TableSchema::sequence).orElse(-1L);
		Long appliedVersion = applied.map(TableSchema::version).orElse(null);
		if (appliedSequence >= last) {
			return Optional.of(new ProjectionStatus(query.tableId(), ProjectionStatus.APPLIED, version, appliedVersion,
					last, appliedSequence, null, null, null, null, null, null));
		}
		return Optional.of(this.errors.find(query.tableId())
			.filter((failure) -> failure.sequence() > appliedSequence)
			.map((failure) -> new ProjectionStatus(query.tableId(),
					failure.problem().waiting() ? ProjectionStatus.PENDING : ProjectionStatus.FAILED, version,
					appliedVersion, last, appliedSequence, failure.problem().code(), failure.problem().message(),
					failure.attempts(), failure.failedAt(), failure.nextAttemptAt(), failure.parkedEvents()))
			.orElseGet(() -> new ProjectionStatus(query.tableId(), ProjectionStatus.PENDING, version, appliedVersion,
					last, appliedSequence, null, null, null, null, null, null)));
	}

	private Map<Long, List<Ddl>> ddl(long tableId, long fromSequence, long toSequence) {
		Map<Long, List<Ddl>> bySequence = new HashMap<>();
		this.jdbc.query("""
				SELECT sequence_number, statement, applied FROM dyntables.ddl_log
				WHERE table_id = ? AND sequence_number BETWEEN ? AND ? ORDER BY sequence_number, id""", (rs) -> {
			bySequence.computeIfAbsent(rs.getLong(1), (key) -> new ArrayList<>())
				.add(new Ddl(rs.getString(2), rs.getBoolean(3)));
		}, tableId, fromSequence, toSequence);
		return bySequence;
	}

}
