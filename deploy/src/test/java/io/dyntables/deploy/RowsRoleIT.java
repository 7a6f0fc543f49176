package io.dyntables.deploy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import io.r2dbc.spi.R2dbcException;
import io.dyntables.deploy.database.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The row connections log in as a role that can use the user tables' rows and nothing
 * else: not the service's own tables, not create a table. Tables made, changed or
 * replayed after start are usable by it, and tables made before it existed get its rights
 * at the next start. Each test runs its own service on its own embedded PostgreSQL, as
 * the service (not a test) sets the role up.
 */
@ExtendWith(OutputCaptureExtension.class)
class RowsRoleIT {

	private static final Duration DEADLINE = Duration.ofSeconds(60);

	/** PostgreSQL's insufficient_privilege. */
	private static final String DENIED = "42501";

	/** What the docs tell an operator to run, as a superuser, on an external database. */
	private static final List<String> OPERATOR_SQL = List.of(
			"CREATE ROLE ext_rows LOGIN NOINHERIT PASSWORD 'rows-secret'",
			"REVOKE TEMPORARY ON DATABASE ext_db FROM PUBLIC", "REVOKE CREATE ON SCHEMA public FROM PUBLIC",
			"GRANT CONNECT ON DATABASE ext_db TO ext_rows");

	@Test
	void rowConnectionsReachOnlyTheUserTables() {
		try (ConfigurableApplicationContext service = start("target/it-data/rowsrole-" + UUID.randomUUID())) {
			Api api = new Api(client(service));
			long id = api.createTable("Reachable", Map.of("name", "string"));
			api.insert(id, Map.of("name", "Ann"));
			String physical = (String) api.table(id).get("physicalName");
			DatabaseClient rows = service.getBean(DatabaseClient.class);
			JdbcTemplate jdbc = service.getBean(JdbcTemplate.class);

			assertThat(rows.sql("SELECT current_user").map((row) -> row.get(0, String.class)).one().block())
				.isEqualTo("postgres_rows");
			assertThat(rows.sql("SELECT count(*) FROM dyntables_data.\"" + physical + "\"")
				.map((row) -> row.get(0, Long.class))
				.one()
				.block()).isEqualTo(1L);
			List<String> systemTables = jdbc.queryForList(
					"SELECT tablename FROM pg_tables WHERE schemaname = 'dyntables' ORDER BY tablename", String.class);
			assertThat(systemTables).contains("domain_event_entry", "table_ref", "token_entry", "ddl_log");
			for (String table : systemTables) {
				assertDenied(rows, "SELECT 1 FROM dyntables.\"" + table + "\" LIMIT 1");
			}
			assertDenied(rows, "SELECT nextval('dyntables.table_id_seq')");
			assertDenied(rows, "CREATE TABLE dyntables_data.intruder (a int)");
			assertDenied(rows, "CREATE TABLE dyntables.intruder (a int)");
			assertDenied(rows, "CREATE TABLE public.intruder (a int)");
			assertDenied(rows, "CREATE TEMPORARY TABLE intruder (a int)");
			assertDenied(rows, "DROP TABLE dyntables_data.\"" + physical + "\"");
			assertDenied(rows, "ALTER TABLE dyntables_data.\"" + physical + "\" ADD COLUMN b int");
			assertThat(jdbc.queryForObject("SELECT to_regclass('dyntables_data.\"" + physical + "\"') IS NOT NULL",
					Boolean.class))
				.isTrue();
		}
	}

	@Test
	void tablesMadeChangedAndReplayedAfterStartStayUsable() {
		try (ConfigurableApplicationContext service = start("target/it-data/rowsrole-" + UUID.randomUUID())) {
			WebTestClient http = client(service);
			Api api = new Api(http);
			JdbcTemplate jdbc = service.getBean(JdbcTemplate.class);
			long id = api.createTable("Made after start",
					Map.of("name", "string", "age", "integer", "code", Map.of("type", "string", "unique", true)));
			api.insert(id, Map.of("name", "Ann", "age", 31, "code", "a"));

			http.patch()
				.uri("/api/table/{id}/fields/name", id)
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("name", "full_name"))
				.exchange()
				.expectStatus()
				.isOk();
			http.patch()
				.uri("/api/table/{id}", id)
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("name", "Renamed after start"))
				.exchange()
				.expectStatus()
				.isOk();
			api.changeSchema(id, Map.of("fields", Map.of("full_name", "string", "age", "bigint", "code",
					Map.of("type", "string", "unique", true), "born", "date")));
			api.insert(id, Map.of("full_name", "Bob", "age", 40, "code", "b", "born", "1985-01-02"));

			// a JSON array of more than a thousand rows: one COPY, then the statistics
			// refreshed by the tables' owner
			List<Map<String, Object>> many = IntStream.range(0, 1200)
				.mapToObj((i) -> Map.<String, Object>of("full_name", "n" + i, "age", i, "code", "c" + i, "born",
						"2000-01-01"))
				.toList();
			api.load(id, MediaType.APPLICATION_JSON, many, 1200);
			// an upsert: INSERT ... ON CONFLICT DO UPDATE
			http.post()
				.uri("/api/table/{id}/rows?onConflict=code", id)
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(List.of(Map.of("full_name", "Bobby", "age", 41, "code", "b", "born", "1985-01-02")))
				.exchange()
				.expectStatus()
				.isCreated();
			String physical = (String) api.table(id).get("physicalName");
			Api.await(DEADLINE, "the loaded table's statistics", () -> jdbc.queryForObject(
					"SELECT last_analyze IS NOT NULL FROM pg_stat_user_tables WHERE schemaname = 'dyntables_data' "
							+ "AND relname = ?",
					Boolean.class, physical));
			http.delete().uri("/api/table/{id}/rows/{row}", id, 1).exchange().expectStatus().isNoContent();
			assertThat(api.rowsOf("/api/table/" + id + "/rows?code=eq.b")).singleElement()
				.satisfies((row) -> assertThat(row).containsEntry("full_name", "Bobby").containsEntry("age", 41));

			// replayed: the table dropped by hand is made again by the projector
			long other = api.createTable("Dropped before replay", Map.of("title", "string"));
			String dropped = (String) api.table(other).get("physicalName");
			jdbc.execute("DROP TABLE dyntables_data.\"" + dropped + "\"");
			jdbc.update("DELETE FROM dyntables.table_ref");
			replay(http, api);
			api.insert(other, Map.of("title", "after replay"));
			assertThat(api.rows(other)).singleElement()
				.satisfies((row) -> assertThat(row).containsEntry("title", "after replay"));
			api.insert(id, Map.of("full_name", "Cid", "age", 50, "code", "z", "born", "1990-03-04"));
			assertThat(api.rowsOf("/api/table/" + id + "/rows?limit=1000&order=id")).hasSize(1000);
		}
	}

	@Test
	void tablesFromBeforeTheRowsRoleGetItsRightsOnRestart() {
		String dataDir = "target/it-data/rowsrole-" + UUID.randomUUID();
		long id;
		try (ConfigurableApplicationContext first = start(dataDir)) {
			Api api = new Api(client(first));
			id = api.createTable("Made before the role", Map.of("name", "string"));
			api.insert(id, Map.of("name", "Ann"));
			// as a database of an earlier version: the role has no rights at all
			JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
			jdbc.execute("ALTER DEFAULT PRIVILEGES IN SCHEMA dyntables_data REVOKE ALL ON TABLES FROM postgres_rows");
			jdbc.execute(
					"ALTER DEFAULT PRIVILEGES IN SCHEMA dyntables_data REVOKE ALL ON SEQUENCES FROM postgres_rows");
			jdbc.execute("REVOKE ALL ON ALL TABLES IN SCHEMA dyntables_data FROM postgres_rows");
			jdbc.execute("REVOKE ALL ON ALL SEQUENCES IN SCHEMA dyntables_data FROM postgres_rows");
			jdbc.execute("REVOKE ALL ON SCHEMA dyntables_data FROM postgres_rows");
			assertThat(jdbc.queryForObject("SELECT has_schema_privilege('postgres_rows', 'dyntables_data', 'USAGE')",
					Boolean.class))
				.isFalse();
			api.postRow(id, Map.of("name", "refused")).expectStatus().is5xxServerError();
		}
		try (ConfigurableApplicationContext second = start(dataDir)) {
			Api api = new Api(client(second));
			api.insert(id, Map.of("name", "Bob"));
			assertThat(api.rows(id)).extracting((row) -> row.get("name")).containsExactly("Ann", "Bob");
			long later = api.createTable("Made after the restart", Map.of("name", "string"));
			api.insert(later, Map.of("name", "Cid"));
		}
	}

	/**
	 * An external database whose user may not create roles: rows run as that user, with a
	 * warning, until the operator makes a rows role (with the SQL the docs give) and
	 * names it; then rows run as that role, on the tables made before it too.
	 */
	@Test
	void externalDatabaseRunsRowsAsTheOperatorsRole(CapturedOutput output) {
		try (ConfigurableApplicationContext server = start("target/it-data/rowsrole-" + UUID.randomUUID())) {
			Database database = server.getBean(Database.class);
			JdbcTemplate superuser = server.getBean(JdbcTemplate.class);
			superuser.execute("CREATE ROLE ext_app LOGIN PASSWORD 'app-secret'");
			superuser.execute("CREATE DATABASE ext_db OWNER ext_app");
			String url = database.jdbcUrl().replace("/postgres", "/ext_db");
			long before;
			try (ConfigurableApplicationContext service = start("target/it-data/rowsrole-" + UUID.randomUUID(),
					"--dyntables.db.url=" + url, "--dyntables.db.user=ext_app", "--dyntables.db.password=app-secret")) {
				assertThat(currentUser(service)).isEqualTo("ext_app");
				assertThat(output)
					.contains("Rows run as ext_app, the service's own database user, with its full rights");
				Api api = new Api(client(service));
				before = api.createTable("Made before the rows role", Map.of("name", "string"));
				api.insert(before, Map.of("name", "Ann"));
			}

			JdbcTemplate operator = new JdbcTemplate(
					new SingleConnectionDataSource(url, "postgres", database.password(), true));
			for (String statement : OPERATOR_SQL) {
				operator.execute(statement);
			}

			try (ConfigurableApplicationContext service = start("target/it-data/rowsrole-" + UUID.randomUUID(),
					"--dyntables.db.url=" + url, "--dyntables.db.user=ext_app", "--dyntables.db.password=app-secret",
					"--dyntables.db.rows-user=ext_rows", "--dyntables.db.rows-password=rows-secret")) {
				assertThat(currentUser(service)).isEqualTo("ext_rows");
				Api api = new Api(client(service));
				api.insert(before, Map.of("name", "Bob"));
				assertThat(api.rows(before)).hasSize(2);
				long after = api.createTable("Made after the rows role", Map.of("name", "string"));
				api.insert(after, Map.of("name", "Cid"));
				DatabaseClient rows = service.getBean(DatabaseClient.class);
				assertDenied(rows, "SELECT 1 FROM dyntables.domain_event_entry LIMIT 1");
				assertDenied(rows, "SELECT 1 FROM dyntables.table_ref LIMIT 1");
				assertDenied(rows, "CREATE TABLE dyntables_data.intruder (a int)");
				assertDenied(rows, "CREATE TABLE public.intruder (a int)");
				assertDenied(rows, "CREATE TEMPORARY TABLE intruder (a int)");
				assertThat(output).doesNotContain("has rights beyond the user tables' rows");
			}
		}
	}

	private static String currentUser(ConfigurableApplicationContext service) {
		return service.getBean(DatabaseClient.class)
			.sql("SELECT current_user")
			.map((row) -> row.get(0, String.class))
			.one()
			.block();
	}

	private static void assertDenied(DatabaseClient rows, String sql) {
		Throwable error = catchThrowable(() -> rows.sql(sql).fetch().rowsUpdated().block());
		while (error != null && !(error instanceof R2dbcException)) {
			error = error.getCause();
		}
		assertThat(error).as(sql).isInstanceOf(R2dbcException.class);
		assertThat(((R2dbcException) error).getSqlState()).as(sql).isEqualTo(DENIED);
	}

	private static void replay(WebTestClient http, Api api) {
		http.post().uri("/api/admin/replay").exchange().expectStatus().isAccepted();
		Api.await(DEADLINE, "the replay to finish", () -> "finished".equals(api.get("/api/admin/replay").get("state")));
	}

	private static ConfigurableApplicationContext start(String dataDir, String... arguments) {
		List<String> all = new ArrayList<>(List.of("--server.port=0", "--dyntables.data-dir=" + dataDir));
		all.addAll(List.of(arguments));
		return new SpringApplicationBuilder(DyntablesApplication.class).run(all.toArray(String[]::new));
	}

	private static WebTestClient client(ConfigurableApplicationContext context) {
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(DEADLINE).build();
	}

}
