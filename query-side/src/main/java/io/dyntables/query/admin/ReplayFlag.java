package io.dyntables.query.admin;

import java.time.Duration;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The row that asks every instance to stop its projector for a replay: one at a time (its
 * key is 1). A flag left behind by an instance that died while resetting lapses.
 */
@Component
class ReplayFlag {

	/**
	 * A reset takes seconds; a flag older than this was left by an instance that died.
	 */
	static final Duration LAPSES_AFTER = Duration.ofMinutes(2);

	private final JdbcTemplate jdbc;

	ReplayFlag(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Raises the flag for this node; false when another replay holds it. */
	boolean raise(String node) {
		this.jdbc.update(
				"DELETE FROM dyntables.projection_replay WHERE requested_at < now() - make_interval(secs => ?)",
				(double) LAPSES_AFTER.toSeconds());
		return this.jdbc.update("INSERT INTO dyntables.projection_replay (id, requested_by, requested_at) "
				+ "VALUES (1, ?, now()) ON CONFLICT (id) DO NOTHING", node) == 1;
	}

	/** The node preparing a replay, if any (a lapsed flag does not count). */
	Optional<String> raisedBy() {
		return this.jdbc
			.queryForList(
					"SELECT requested_by FROM dyntables.projection_replay "
							+ "WHERE requested_at >= now() - make_interval(secs => ?)",
					String.class, (double) LAPSES_AFTER.toSeconds())
			.stream()
			.findFirst();
	}

	/** Lowers this node's flag. */
	void lower(String node) {
		this.jdbc.update("DELETE FROM dyntables.projection_replay WHERE requested_by = ?", node);
	}

}
