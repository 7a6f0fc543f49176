package io.dyntables.deploy;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole service on a real PostgreSQL, over HTTP: the one {@link TestDatabase} chooses
 * (configured, a container, or the embedded PostgreSQL 17). Every test class with this
 * annotation shares one application context and so one database; tests create their own
 * tables and never depend on others' absence. The schema cache holds only a few schemas,
 * so the tests also read schemas that were dropped from it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = DyntablesApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "dyntables.data-dir=target/it-data/${random.uuid}", "dyntables.projection-wait=20s",
				"dyntables.ddl.lock-timeout=500ms", "dyntables.projection.retry.max-delay=2s",
				"dyntables.rows.cached-schemas=5" })
@ContextConfiguration(initializers = TestDatabase.class)
@AutoConfigureWebTestClient(timeout = "60s")
public @interface DyntablesIT {

}
