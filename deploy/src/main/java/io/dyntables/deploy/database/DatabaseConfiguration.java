package io.dyntables.deploy.database;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.sql.Driver;
import java.util.Map;
import java.util.Properties;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.dyntables.query.catalog.ListenerConnections;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.Option;
import org.flywaydb.core.Flyway;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Both ways into the one PostgreSQL: JDBC (Hikari) for the event store, token store and
 * projector, whose work must share transactions; R2DBC (pooled) for rows. Declared here
 * because an R2DBC connection factory switches off Boot's DataSource configuration, and
 * Axon must find the DataSource and transaction manager before it configures itself.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

	/** How the schema change listener's connection names itself to PostgreSQL. */
	static final String LISTENER_APPLICATION_NAME = "dyntables schema listener";

	@Bean(destroyMethod = "close")
	Database database(@Value("${dyntables.db.url:}") String url, @Value("${dyntables.db.user:postgres}") String user,
			@Value("${dyntables.db.password:}") String password, @Value("${dyntables.data-dir:data}") Path dataDir)
			throws IOException {
		return url.isBlank() ? Database.embedded(dataDir) : Database.external(url, user, password);
	}

	@Bean(destroyMethod = "close")
	HikariDataSource dataSource(Database database, @Value("${dyntables.db.jdbc-pool-size:10}") int poolSize) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(database.jdbcUrl());
		dataSource.setUsername(database.user());
		dataSource.setPassword(database.password());
		dataSource.setMaximumPoolSize(poolSize);
		dataSource.setPoolName("dyntables-jdbc");
		return dataSource;
	}

	@Bean
	JdbcTemplate jdbcTemplate(DataSource dataSource) {
		return new JdbcTemplate(dataSource);
	}

	@Bean
	JdbcTransactionManager transactionManager(DataSource dataSource) {
		return new JdbcTransactionManager(dataSource);
	}

	/** The system schema, migrated before anything reads it. */
	@Bean(initMethod = "migrate")
	Flyway flyway(DataSource dataSource) {
		return Flyway.configure()
			.dataSource(dataSource)
			.schemas("dyntables")
			.createSchemas(true)
			.locations("classpath:db/migration")
			.load();
	}

	/**
	 * The pool for rows. Sized by default for the machine: PostgreSQL does the most work
	 * with a few more busy connections than cores, and requests beyond that wait in the
	 * pool queue (cheap) rather than in PostgreSQL (contention).
	 */
	@Bean(destroyMethod = "dispose")
	ConnectionPool connectionFactory(Database database, @Value("${dyntables.db.r2dbc-pool-size:0}") int configured,
			@Value("${dyntables.rows.statement-timeout:10s}") Duration statementTimeout,
			@Value("${dyntables.db.prepared-statements:256}") int preparedStatements) {
		int poolSize = (configured > 0) ? configured : Math.max(4, 2 * Runtime.getRuntime().availableProcessors() + 1);
		ConnectionFactoryOptions options = ConnectionFactoryOptions.parse(database.r2dbcUrl())
			.mutate()
			.option(ConnectionFactoryOptions.USER, database.user())
			.option(ConnectionFactoryOptions.PASSWORD, database.password())
			.option(Option.valueOf("options"), Map.of("statement_timeout", statementTimeout.toMillis() + "ms"))
			// each connection keeps its most used statements prepared, not one per
			// statement of every table ever touched: memory stays bounded with many
			// tables
			.option(Option.valueOf("preparedStatementCacheQueries"), preparedStatements)
			.build();
		ConnectionFactory factory = ConnectionFactories.get(options);
		return new ConnectionPool(ConnectionPoolConfiguration.builder(factory)
			.name("dyntables-rows")
			.initialSize(Math.min(4, poolSize))
			.maxSize(poolSize)
			.maxIdleTime(Duration.ofMinutes(10))
			// after the database restarted, every idle connection is dead: each fails its
			// (instant, local) check on acquire and is replaced, however many there are
			.acquireRetry(poolSize)
			.build());
	}

	/**
	 * The schema change listener's connection: its own, outside the pools, named so that
	 * it can be told apart in {@code pg_stat_activity}.
	 */
	@Bean
	ListenerConnections listenerConnections(Database database) {
		Properties properties = new Properties();
		if (database.user() != null) {
			properties.setProperty("user", database.user());
		}
		if (database.password() != null) {
			properties.setProperty("password", database.password());
		}
		properties.setProperty("ApplicationName", LISTENER_APPLICATION_NAME);
		properties.setProperty("connectTimeout", "10");
		properties.setProperty("tcpKeepAlive", "true");
		Driver driver = new org.postgresql.Driver();
		return () -> driver.connect(database.jdbcUrl(), properties);
	}

	@Bean
	DatabaseClient databaseClient(ConnectionFactory connectionFactory) {
		return DatabaseClient.create(connectionFactory);
	}

}
