package io.dyntables.deploy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.dyntables.api.schema.FieldDefinition;
import io.dyntables.api.schema.FieldType;
import io.dyntables.api.history.Audit;
import io.dyntables.api.table.TableSchema;
import io.dyntables.api.table.ConversionMode;
import io.dyntables.api.table.Events.TableCreated;
import io.dyntables.api.table.Events.TableEvent;
import io.dyntables.command.TableIdAllocator;
import io.dyntables.command.domain.SchemaPlanner;
import io.dyntables.query.admin.Replayer;
import io.dyntables.query.admin.Replayer.Progress;
import io.dyntables.query.projection.TableProjector;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How fast a replay rebuilds the catalog: generates tables with a few changes each
 * appended to the event store (with the projector stopped), then replays them into an
 * empty catalog (every table created) and, with {@code -Ddyntables.bench.existing=true},
 * replays again (every table exists, so only the reference table and DDL log are
 * rebuilt). Runs only when {@code -Ddyntables.bench.tables=N} is given; see
 * {@code bench/replay-benchmark.sh}.
 */
@DyntablesIT
@TestPropertySource(properties = "dyntables.it.isolation=benchmark")
@EnabledIfSystemProperty(named = "dyntables.bench.tables", matches = "[1-9][0-9]*")
class ReplayBenchmarkIT {

	private static final int CHANGES_PER_TABLE = 5;

	private static final int THREADS = 2;

	private static final int BATCH = 50;

	@Autowired
	EventStore eventStore;

	@Autowired
	TableIdAllocator ids;

	@Autowired
	Replayer replayer;

	@Autowired
	EventProcessingConfiguration processing;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	TableProjector projector;

	@Test
	void replayRate() throws Exception {
		int tables = Integer.getInteger("dyntables.bench.tables");
		TrackingEventProcessor processor = this.processing
			.eventProcessor(TableProjector.PROCESSING_GROUP, TrackingEventProcessor.class)
			.orElseThrow();
		processor.shutDown();
		int batchSize = (int) ReflectionTestUtils.getField(processor, "batchSize");

		long start = System.nanoTime();
		ExecutorService pool = Executors.newFixedThreadPool(THREADS);
		List<Future<?>> work = new ArrayList<>();
		for (int thread = 0; thread < THREADS; thread++) {
			int first = thread;
			work.add(pool.submit(() -> {
				for (int table = first * BATCH; table < tables; table += THREADS * BATCH) {
					generate(table, Math.min(BATCH, tables - table));
				}
			}));
		}
		for (Future<?> done : work) {
			done.get();
		}
		pool.shutdown();
		double generated = (System.nanoTime() - start) / 1e9;
		long events = count("SELECT count(*) FROM dyntables.domain_event_entry");
		assertThat(events).isEqualTo((long) tables * (1 + CHANGES_PER_TABLE));
		report("generated %d tables, %d events in %.1f s (%.0f events/s appended to the event store)", tables, events,
				generated, events / generated);

		// each shape replays into an empty catalog in turn (the first one also warms up
		// the JIT); every one must rebuild the same catalog
		List<String> shapes = List.of(System.getProperty("dyntables.bench.shapes", "batched").split(","));
		Progress empty = null;
		Map<String, List<Map<String, Object>>> firstCatalog = null;
		for (String shape : shapes) {
			if (empty != null) {
				dropUserTables();
			}
			shape(processor, shape, batchSize);
			empty = replay();
			assertThat(count("SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = 'dyntables_data'"))
				.isEqualTo(tables);
			Map<String, List<Map<String, Object>>> catalog = catalog();
			if (firstCatalog == null) {
				firstCatalog = catalog;
			}
			assertThat(catalog).isEqualTo(firstCatalog);
			report("replay into an empty catalog (every table created), %s: %d events in %.1f s, %.0f events/s", shape,
					empty.total(), seconds(empty), empty.total() / seconds(empty));
		}

		ddlAlone(empty.total());

		if (Boolean.getBoolean("dyntables.bench.existing")) {
			for (String shape : shapes) {
				shape(processor, shape, batchSize);
				Progress existing = replay();
				assertThat(count("SELECT count(*) FROM dyntables.table_ref")).isEqualTo(tables);
				report("replay over existing tables (reference table and DDL log rebuilt), %s: %d events in %.1f s, "
						+ "%.0f events/s", shape, existing.total(), seconds(existing),
						existing.total() / seconds(existing));
			}
		}
	}

	/**
	 * Sets the shape of the next replay: "per-event" (each event's writes as live),
	 * "batched" (the default), or "batched-N" (batched, N events per transaction instead
	 * of the configured batch size).
	 */
	private void shape(TrackingEventProcessor processor, String shape, int batchSize) {
		ReflectionTestUtils.setField(this.projector, "batchedReplay", shape.startsWith("batched"));
		ReflectionTestUtils.setField(processor, "batchSize",
				shape.startsWith("batched-") ? Integer.parseInt(shape.substring("batched-".length())) : batchSize);
	}

	/**
	 * The floor a replay cannot go below: the DDL the replay ran (from the DDL log), run
	 * again on its own in another schema, about 100 events per transaction (whole
	 * tables), each rolled back.
	 */
	private void ddlAlone(long events) {
		List<Map<String, Object>> logged = this.jdbc
			.queryForList("SELECT table_id, sequence_number, statement FROM dyntables.ddl_log ORDER BY id");
		this.jdbc.execute("CREATE SCHEMA IF NOT EXISTS bench_floor");
		DatabaseProfile profile = DatabaseProfile.start(this.jdbc);
		long start = System.nanoTime();
		TransactionTemplate transaction = new TransactionTemplate(this.transactions);
		Map<Object, List<String>> byTable = new LinkedHashMap<>();
		logged.forEach((row) -> byTable.computeIfAbsent(row.get("table_id"), (id) -> new ArrayList<>())
			.add(((String) row.get("statement")).replace("\"dyntables_data\".", "\"bench_floor\".")));
		List<List<String>> perTable = List.copyOf(byTable.values());
		int tablesPerTransaction = Math.max(1, 100 / (1 + CHANGES_PER_TABLE));
		for (int from = 0; from < perTable.size(); from += tablesPerTransaction) {
			List<List<String>> some = perTable.subList(from, Math.min(perTable.size(), from + tablesPerTransaction));
			transaction.executeWithoutResult((status) -> {
				some.forEach((statements) -> statements.forEach(this.jdbc::execute));
				status.setRollbackOnly();
			});
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		profile.report(events).forEach((line) -> report("%s", line));
		report("the DDL alone (%d statements, rolled back): %.1f s, %.0f events/s", logged.size(), seconds,
				events / seconds);
	}

	/**
	 * Drops the tables a replay created, whole tables at a time, a hundred a transaction.
	 */
	private void dropUserTables() {
		List<String> names = this.jdbc.queryForList(
				"SELECT tablename FROM pg_catalog.pg_tables WHERE schemaname = 'dyntables_data'", String.class);
		TransactionTemplate transaction = new TransactionTemplate(this.transactions);
		for (int from = 0; from < names.size(); from += 100) {
			List<String> some = names.subList(from, Math.min(names.size(), from + 100));
			transaction.executeWithoutResult((status) -> some
				.forEach((name) -> this.jdbc.execute("DROP TABLE dyntables_data.\"" + name + "\"")));
		}
	}

	/**
	 * The catalog a replay rebuilds: reference rows, DDL log and columns, without times.
	 */
	private Map<String, List<Map<String, Object>>> catalog() {
		return Map.of("reference", this.jdbc.queryForList("""
				SELECT id, name, physical_name, schema::text AS schema, version, last_sequence, deleted,
				    replay_skips_ddl FROM dyntables.table_ref ORDER BY id"""), "ddl", this.jdbc.queryForList("""
				SELECT table_id, version, sequence_number, event_type, statement, applied
				FROM dyntables.ddl_log ORDER BY table_id, sequence_number, id"""), "columns", this.jdbc.queryForList("""
				SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns
				WHERE table_schema = 'dyntables_data' ORDER BY table_name, ordinal_position"""));
	}

	/**
	 * Appends a batch of tables' events in one transaction: planned by the aggregate's
	 * own rules (SchemaPlanner), folded as the aggregate folds them.
	 */
	private void generate(int firstTable, int count) {
		List<DomainEventMessage<?>> batch = new ArrayList<>();
		for (int table = firstTable; table < firstTable + count; table++) {
			long id = this.ids.next();
			List<FieldDefinition> fields = new ArrayList<>();
			fields.add(FieldDefinition.of("name", FieldType.STRING));
			TableCreated created = SchemaPlanner.create(id, "Bench " + table, List.copyOf(fields));
			TableSchema schema = TableSchema.created(created);
			batch.add(message(id, 0, created));
			for (int change = 1; change <= CHANGES_PER_TABLE; change++) {
				fields.add(FieldDefinition.of("f" + change, (change % 2 == 0) ? FieldType.INTEGER : FieldType.TEXT));
				for (TableEvent event : SchemaPlanner.change(schema, List.copyOf(fields), ConversionMode.STRICT)) {
					schema = schema.apply(event);
					batch.add(message(id, schema.sequence(), event));
				}
			}
		}
		this.eventStore.publish(batch);
	}

	private static DomainEventMessage<?> message(long id, long sequence, TableEvent event) {
		return new GenericDomainEventMessage<>("DynamicTable", Long.toString(id), sequence, event,
				Map.of(Audit.ACTOR, "benchmark", Audit.REQUEST_ID, "benchmark"));
	}

	private Progress replay() throws Exception {
		DatabaseProfile profile = DatabaseProfile.start(this.jdbc);
		this.replayer.start();
		Progress progress = this.replayer.awaitCompletion(Duration.ofMinutes(8));
		profile.report(progress.total()).forEach((line) -> report("%s", line));
		assertThat(progress.state()).isEqualTo("finished");
		return progress;
	}

	private long count(String sql) {
		Long count = this.jdbc.queryForObject(sql, Long.class);
		return (count != null) ? count : 0;
	}

	private static double seconds(Progress progress) {
		return Duration.between(progress.startedAt(), progress.finishedAt()).toMillis() / 1000.0;
	}

	private static void report(String format, Object... args) {
		System.out.println("BENCHMARK " + String.format(Locale.ROOT, format, args));
	}

}
