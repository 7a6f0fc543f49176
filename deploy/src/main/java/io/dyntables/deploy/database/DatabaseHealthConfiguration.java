package io.dyntables.deploy.database;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The background database check and the readiness indicator built on it (named
 * {@code database}). Boot's own {@code db} indicator is switched off in the
 * configuration: it borrows a pool connection and queries in the request, so a frozen
 * database would hang the health endpoint.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseHealthConfiguration {

	@Bean(destroyMethod = "close")
	DatabaseProbe databaseProbe(Database database, @Value("${dyntables.db.health.interval:1s}") Duration interval,
			@Value("${dyntables.db.health.timeout:2s}") Duration timeout, Clock clock) {
		return DatabaseProbe.start(database, interval, timeout, clock);
	}

	/** Named {@code database} in health: Boot drops the "HealthIndicator" suffix. */
	@Bean
	HealthIndicator databaseHealthIndicator(DatabaseProbe probe) {
		return new DatabaseHealthIndicator(probe);
	}

}
