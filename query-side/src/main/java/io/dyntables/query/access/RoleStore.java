package io.dyntables.query.access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.dyntables.api.access.Grant;
import io.dyntables.api.access.RoleQueries.RoleView;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The role read model ({@code dyntables.access_role}), read and written with JDBC. */
@Component
public class RoleStore {

	private static final TypeReference<List<Grant>> GRANTS = new TypeReference<>() {
	};

	private final JdbcTemplate jdbc;

	private final JsonMapper mapper;

	RoleStore(JdbcTemplate jdbc, JsonMapper mapper) {
		this.jdbc = jdbc;
		this.mapper = mapper;
	}

	/** Every role, deleted ones included, by name. */
	public List<RoleView> all() {
		return this.jdbc.query(
				"SELECT name, version, deleted, grants::text, updated_at FROM dyntables.access_role ORDER BY name",
				this::view);
	}

	public Optional<RoleView> find(String name) {
		return this.jdbc
			.query("SELECT name, version, deleted, grants::text, updated_at FROM dyntables.access_role WHERE name = ?",
					this::view, name)
			.stream()
			.findFirst();
	}

	/** Stores the role unless the stored one is already as new (a replayed event). */
	void save(RoleView role) {
		this.jdbc.update("""
				INSERT INTO dyntables.access_role (name, version, deleted, grants, updated_at)
				VALUES (?, ?, ?, ?::jsonb, ?)
				ON CONFLICT (name) DO UPDATE SET version = EXCLUDED.version, deleted = EXCLUDED.deleted,
				    grants = EXCLUDED.grants, updated_at = EXCLUDED.updated_at
				WHERE dyntables.access_role.version < EXCLUDED.version""", role.name(), role.version(), role.deleted(),
				this.mapper.writeValueAsString(role.grants()), Timestamp.from(role.updatedAt()));
	}

	void clear() {
		this.jdbc.update("DELETE FROM dyntables.access_role");
	}

	private RoleView view(ResultSet row, int index) throws SQLException {
		Instant updated = row.getTimestamp("updated_at").toInstant();
		return new RoleView(row.getString("name"), row.getLong("version"), row.getBoolean("deleted"),
				this.mapper.readValue(row.getString("grants"), GRANTS), updated);
	}

}
