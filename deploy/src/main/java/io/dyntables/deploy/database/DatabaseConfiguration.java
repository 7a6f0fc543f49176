package io.dyntables.deploy.database;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.sql.Driver;
import java.util.Map;
import java.util.Properties;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.dyntables.query.rows.LoadLimiter;
import io.dyntables.query.rows.LoopConnections;
import io.dyntables.query.catalog.ListenerConnections;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactoryProvider;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.Option;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.netty.http.HttpResources;
import reactor.netty.resources.LoopResources;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.http.client.ReactorResourceFactory;
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

	private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

	private static final Duration WARM_UP = Duration.ofSeconds(30);

	@Bean(destroyMethod = "close")
	Database database(@Value("${dyntables.db.url:}") String url, @Value("${dyntables.db.user:postgres}") String user,
			@Value("${dyntables.db.password:}") String password, @Value("${dyntables.data-dir:data}") Path dataDir)
			throws IOException {
		return url.isBlank() ? Database.embedded(dataDir) : Database.external(url, user, password);
	}

	@Bean(destroyMethod = "close")
	HikariDataSource dataSource(Database database, @Value("${dyntables.db.jdbc-pool-size:10}") int poolSize,
			@Value("${dyntables.db.acquire-timeout:5s}") Duration acquireTimeout) {
		HikariDataSource dataSource = new HikariDataSource();
		// a caller waits this long for a free connection, then is answered 503
		dataSource.setConnectionTimeout(acquireTimeout.toMillis());
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
	 * Who rows connect as: a role limited to the user tables, its rights brought up to
	 * date once the system schema is migrated.
	 */
	@Bean
	RowsRole.Credentials rowsCredentials(Database database, DataSource dataSource, Flyway flyway,
			@Value("${dyntables.db.rows-user:}") String user,
			@Value("${dyntables.db.rows-password:}") String password) {
		return RowsRole.prepare(database, dataSource, user, password);
	}

	/**
	 * The pool for rows, connected as the rows role. Sized by default for the machine:
	 * PostgreSQL does the most work with a few more busy connections than cores, and
	 * requests beyond that wait in the pool queue (cheap) rather than in PostgreSQL
	 * (contention).
	 */
	@Bean(destroyMethod = "dispose")
	ConnectionPool rowPool(Database database, RowsRole.Credentials credentials,
			@Value("${dyntables.db.r2dbc-pool-size:0}") int configured,
			@Value("${dyntables.rows.statement-timeout:10s}") Duration statementTimeout,
			@Value("${dyntables.db.prepared-statements:256}") int preparedStatements,
			@Value("${dyntables.db.acquire-timeout:5s}") Duration acquireTimeout) {
		int poolSize = rowPoolSize(configured);
		ConnectionFactory factory = ConnectionFactories
			.get(rowOptions(database, credentials, statementTimeout, preparedStatements).build());
		ConnectionPool pool = new ConnectionPool(ConnectionPoolConfiguration.builder(factory)
			.name("dyntables-rows")
			.initialSize(Math.min(4, poolSize))
			.maxSize(poolSize)
			.maxIdleTime(Duration.ofMinutes(10))
			// a request waits this long for a free connection, then is answered 503
			// (without it, requests queue for ever behind connections held by slow loads)
			.maxAcquireTime(acquireTimeout)
			// one wait, not the pool's default of two
			.acquireRetry(0)
			.maxCreateConnectionTime(acquireTimeout)
			.build());
		warmUp(pool);
		return pool;
	}

	/**
	 * How row connections connect: as the rows role, with the row statement time limit.
	 */
	private static ConnectionFactoryOptions.Builder rowOptions(Database database, RowsRole.Credentials credentials,
			Duration statementTimeout, int preparedStatements) {
		return ConnectionFactoryOptions.parse(database.r2dbcUrl())
			.mutate()
			.option(ConnectionFactoryOptions.USER, credentials.user())
			.option(ConnectionFactoryOptions.PASSWORD, credentials.password())
			.option(Option.valueOf("options"), Map.of("statement_timeout", statementTimeout.toMillis() + "ms"))
			// each connection keeps its most used statements prepared, not one per
			// statement of every table ever touched: memory stays bounded with many
			// tables
			.option(Option.valueOf("preparedStatementCacheQueries"), preparedStatements);
	}

	/**
	 * Single-row statements and pages run on a free connection of the HTTP event loop
	 * that serves the request (a few per loop, opened on the server's own loop resources,
	 * so they live on that loop); everything else, and whatever finds no free connection
	 * of its loop, uses the pool. No connections per loop sends everything to the pool.
	 */
	@Bean(destroyMethod = "close")
	LoopConnections loopConnections(ConnectionFactory connectionFactory, Database database,
			RowsRole.Credentials credentials, ObjectProvider<ReactorResourceFactory> resources,
			@Value("${dyntables.rows.statement-timeout:10s}") Duration statementTimeout,
			@Value("${dyntables.db.prepared-statements:256}") int preparedStatements,
			@Value("${dyntables.db.acquire-timeout:5s}") Duration acquireTimeout,
			@Value("${dyntables.db.loop-connections:4}") int perLoop) {
		if (perLoop <= 0) {
			return LoopConnections.poolOnly(connectionFactory);
		}
		ReactorResourceFactory resourceFactory = resources.getIfAvailable();
		LoopResources loops = (resourceFactory != null) ? resourceFactory.getLoopResources() : HttpResources.get();
		ConnectionFactory onLoops = ConnectionFactories
			.get(rowOptions(database, credentials, statementTimeout, preparedStatements)
				.option(PostgresqlConnectionFactoryProvider.LOOP_RESOURCES, loops)
				// told apart from the pool's in pg_stat_activity
				.option(PostgresqlConnectionFactoryProvider.APPLICATION_NAME, LoopConnections.APPLICATION_NAME)
				.option(ConnectionFactoryOptions.CONNECT_TIMEOUT, acquireTimeout)
				.build());
		return new LoopConnections(connectionFactory, onLoops, loops.onServer(LoopResources.hasNativeSupport()),
				perLoop, acquireTimeout);
	}

	/**
	 * Opens the pool's first connections at start, so the first requests do not pay for
	 * them (on a busy machine, more than the acquire timeout). The database was reachable
	 * a moment ago (the system schema was migrated); if it no longer is, requests find
	 * out.
	 */
	private static void warmUp(ConnectionPool pool) {
		try {
			pool.warmup().block(WARM_UP);
		}
		catch (RuntimeException ex) {
			log.warn("Could not open the row connections at start ({}); they are opened on use", ex.toString());
		}
	}

	/**
	 * Rows take their connections from the pool through this: a connection found dead
	 * when taken (after the database restarted, every idle one is) is replaced, however
	 * many there are, while a wait for a free connection that ran out answers at once.
	 */
	@Bean
	@Primary
	ConnectionFactory connectionFactory(ConnectionPool rowPool,
			@Value("${dyntables.db.r2dbc-pool-size:0}") int configured) {
		return new DeadConnectionRetry(rowPool, rowPoolSize(configured));
	}

	private static int rowPoolSize(int configured) {
		return (configured > 0) ? configured : Math.max(4, 2 * Runtime.getRuntime().availableProcessors() + 1);
	}

	/**
	 * The cap on loads running at once: by default half the row pool, so loads, however
	 * slow their clients, always leave connections to every other request.
	 */
	@Bean
	LoadLimiter loadLimiter(@Value("${dyntables.rows.max-concurrent-loads:0}") int configured,
			@Value("${dyntables.db.r2dbc-pool-size:0}") int poolSize) {
		return new LoadLimiter((configured > 0) ? configured : Math.max(1, rowPoolSize(poolSize) / 2));
	}

	/**
	 * The listener's connection (schema changes and the other channels): its own, outside
	 * the pools, named so that it can be told apart in {@code pg_stat_activity}.
	 */
	@Bean
	ListenerConnections listenerConnections(Database database) {
		Driver driver = new org.postgresql.Driver();
		return (applicationName) -> {
			Properties properties = database.ownConnectionProperties(applicationName);
			properties.setProperty("connectTimeout", "10");
			properties.setProperty("tcpKeepAlive", "true");
			return driver.connect(database.jdbcUrl(), properties);
		};
	}

	@Bean
	DatabaseClient databaseClient(ConnectionFactory connectionFactory) {
		return DatabaseClient.create(connectionFactory);
	}

}
