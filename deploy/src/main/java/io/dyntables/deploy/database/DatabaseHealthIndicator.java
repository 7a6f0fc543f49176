package io.dyntables.deploy.database;

import io.dyntables.deploy.database.DatabaseProbe.State;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The database in readiness: DOWN while the background check finds it unreachable. It
 * answers from the check's last result, so the health endpoint never waits on the
 * database, frozen or gone.
 */
class DatabaseHealthIndicator implements HealthIndicator {

	private final DatabaseProbe probe;

	DatabaseHealthIndicator(DatabaseProbe probe) {
		this.probe = probe;
	}

	@Override
	public Health health() {
		State state = this.probe.state();
		Health.Builder health = state.reachable() ? Health.up() : Health.down().withDetail("reason", state.reason());
		return health.withDetail("since", state.since().toString()).build();
	}

}
