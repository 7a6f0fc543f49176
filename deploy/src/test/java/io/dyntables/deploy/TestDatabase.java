package io.dyntables.deploy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * Chooses the PostgreSQL the integration tests run on: the one {@code DYNTABLES_DB_URL}
 * names when set; else, where a Docker engine answers, a PostgreSQL 17 container
 * (Testcontainers); else the service's embedded PostgreSQL 17.
 * {@code DYNTABLES_TEST_DB=embedded} skips the Docker probe.
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static final Logger log = LoggerFactory.getLogger(TestDatabase.class);

	private static PostgreSQLContainer container;

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		String configured = System.getenv("DYNTABLES_DB_URL");
		if (configured != null && !configured.isBlank()) {
			log.info("Integration tests on the configured PostgreSQL");
			return;
		}
		if ("embedded".equals(System.getenv("DYNTABLES_TEST_DB")) || !dockerAvailable()) {
			log.info("Integration tests on the embedded PostgreSQL");
			return;
		}
		PostgreSQLContainer postgres = container();
		TestPropertySourceUtils.addInlinedPropertiesToEnvironment(context, "dyntables.db.url=" + postgres.getJdbcUrl(),
				"dyntables.db.user=" + postgres.getUsername(), "dyntables.db.password=" + postgres.getPassword());
		log.info("Integration tests on a PostgreSQL container");
	}

	/** Probes Docker only where an engine may be: a socket, or DOCKER_HOST. */
	private static boolean dockerAvailable() {
		if (System.getenv("DOCKER_HOST") == null && !Files.exists(Path.of("/var/run/docker.sock"))) {
			return false;
		}
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	/**
	 * One container for the whole test run; Testcontainers removes it when the JVM ends.
	 */
	private static synchronized PostgreSQLContainer container() {
		if (container == null) {
			container = new PostgreSQLContainer("postgres:17");
			container.start();
		}
		return container;
	}

}
