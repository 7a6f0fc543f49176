package io.dyntables.deploy.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The API keys in {@code dyntables.api_key}: created, listed, found by prefix, revoked
 * (announced on {@value #CHANNEL} in the same transaction, so every instance drops the
 * key as soon as the revocation commits), and their last use noted. Blocking JDBC: call
 * off the event loop.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
class ApiKeys {

	/** The channel a revocation is announced on, with the key's prefix as payload. */
	static final String CHANNEL = "dyntables_keys";

	private static final String COLUMNS = "prefix, key_hash, name, roles::text, attributes::text, created_by, "
			+ "created_at, expires_at, revoked_at, last_used_at";

	private static final TypeReference<List<String>> ROLES = new TypeReference<>() {
	};

	private static final TypeReference<Map<String, String>> ATTRIBUTES = new TypeReference<>() {
	};

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final JsonMapper json;

	ApiKeys(JdbcTemplate jdbc, PlatformTransactionManager transactions, JsonMapper json) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactions);
		this.json = json;
	}

	/** A stored key with the hash it is checked against. */
	record Stored(ApiKey key, byte[] hash) {
	}

	/** Stores a new key, of which only the hash is kept. */
	ApiKey create(String key, String name, List<String> roles, Map<String, String> attributes, String createdBy,
			Instant createdAt, Instant expiresAt) {
		String prefix = ApiKeyFormat.prefix(key);
		this.jdbc.update(
				"INSERT INTO dyntables.api_key (prefix, key_hash, name, roles, attributes, created_by, created_at, "
						+ "expires_at) VALUES (?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?)",
				prefix, ApiKeyFormat.hash(key), name, this.json.writeValueAsString(roles),
				this.json.writeValueAsString(attributes), createdBy, Timestamp.from(createdAt),
				(expiresAt != null) ? Timestamp.from(expiresAt) : null);
		return new ApiKey(prefix, ApiKey.principal(prefix, name), name, roles, attributes, createdBy, createdAt,
				expiresAt, null, null);
	}

	/** Every key, newest first. */
	List<ApiKey> list() {
		return this.jdbc.query("SELECT " + COLUMNS + " FROM dyntables.api_key ORDER BY created_at DESC, prefix",
				(row, n) -> stored(row).key());
	}

	/** The key with the prefix, revoked or not. */
	Optional<Stored> find(String prefix) {
		return this.jdbc
			.query("SELECT " + COLUMNS + " FROM dyntables.api_key WHERE prefix = ?", (row, n) -> stored(row), prefix)
			.stream()
			.findFirst();
	}

	/**
	 * Revokes the key and announces it; false when there is no such key. Revoking a
	 * revoked key changes nothing and answers true.
	 */
	boolean revoke(String prefix, Instant at) {
		Boolean found = this.transactions.execute((status) -> {
			int updated = this.jdbc.update(
					"UPDATE dyntables.api_key SET revoked_at = coalesce(revoked_at, ?) WHERE prefix = ?",
					Timestamp.from(at), prefix);
			if (updated == 0) {
				return false;
			}
			this.jdbc.queryForObject("SELECT pg_notify(?, ?)", Object.class, CHANNEL, prefix);
			return true;
		});
		return Boolean.TRUE.equals(found);
	}

	/** Notes when keys were last used. */
	void lastUsed(Collection<Map.Entry<String, Instant>> uses) {
		this.jdbc.batchUpdate("UPDATE dyntables.api_key SET last_used_at = greatest(last_used_at, ?) WHERE prefix = ?",
				uses.stream().map((use) -> new Object[] { Timestamp.from(use.getValue()), use.getKey() }).toList());
	}

	private Stored stored(ResultSet row) throws SQLException {
		String prefix = row.getString("prefix");
		String name = row.getString("name");
		ApiKey key = new ApiKey(prefix, ApiKey.principal(prefix, name), name,
				this.json.readValue(row.getString("roles"), ROLES),
				this.json.readValue(row.getString("attributes"), ATTRIBUTES), row.getString("created_by"),
				instant(row, "created_at"), instant(row, "expires_at"), instant(row, "revoked_at"),
				instant(row, "last_used_at"));
		return new Stored(key, row.getBytes("key_hash"));
	}

	private static Instant instant(ResultSet row, String column) throws SQLException {
		Timestamp value = row.getTimestamp(column);
		return (value != null) ? value.toInstant() : null;
	}

}
