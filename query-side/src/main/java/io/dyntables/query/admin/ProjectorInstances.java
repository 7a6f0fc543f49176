package io.dyntables.query.admin;

import java.time.Duration;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The instances that run the projector, as they say so in PostgreSQL: each writes its
 * name with the database's clock every half second; those heard of within the claim
 * timeout are live and share the segments.
 */
@Component
class ProjectorInstances {

	private static final Duration FORGOTTEN_AFTER = Duration.ofHours(1);

	private final JdbcTemplate jdbc;

	ProjectorInstances(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Says this instance is alive. */
	void beat(String node) {
		this.jdbc.update("INSERT INTO dyntables.projector_instance (node_id, seen_at) VALUES (?, now()) "
				+ "ON CONFLICT (node_id) DO UPDATE SET seen_at = now()", node);
	}

	/** Takes this instance off the list (on a clean stop), so its share moves at once. */
	void leave(String node) {
		this.jdbc.update("DELETE FROM dyntables.projector_instance WHERE node_id = ?", node);
	}

	/** The live instances, by name; long-gone ones are dropped from the table. */
	List<String> live(ClaimTimeout claimTimeout) {
		this.jdbc.update("DELETE FROM dyntables.projector_instance WHERE seen_at < now() - make_interval(secs => ?)",
				(double) FORGOTTEN_AFTER.toSeconds());
		return this.jdbc.queryForList(
				"SELECT node_id FROM dyntables.projector_instance "
						+ "WHERE seen_at > now() - make_interval(secs => ?) ORDER BY node_id",
				String.class, claimTimeout.duration().toMillis() / 1000.0);
	}

}
