package io.dyntables.query.admin;

import java.time.Instant;
import java.util.List;

import io.dyntables.query.projection.TableProjector;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.GenericTokenEntry;
import org.axonframework.serialization.Serializer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The projector's segments as the token store holds them, whichever instance owns them:
 * read without claiming, so any instance can show them.
 */
@Component
class TokenTable {

	private final JdbcTemplate jdbc;

	private final Serializer serializer;

	TokenTable(JdbcTemplate jdbc, Serializer serializer) {
		this.jdbc = jdbc;
		this.serializer = serializer;
	}

	/**
	 * One segment's row.
	 *
	 * @param segment its id
	 * @param owner the node that claimed it last, null when released
	 * @param claimedAt when that node last claimed or extended it
	 * @param token its position, null before the first event
	 */
	record Claim(int segment, String owner, Instant claimedAt, TrackingToken token) {

		/**
		 * Whether the claim still holds: a claim not extended within the timeout lapses.
		 */
		boolean held(Instant now, ClaimTimeout claimTimeout) {
			return this.owner != null && this.claimedAt != null
					&& this.claimedAt.plus(claimTimeout.duration()).isAfter(now);
		}

	}

	/** Every segment of the projector, by id. */
	List<Claim> claims() {
		return this.jdbc.query("SELECT segment, owner, timestamp, token, token_type FROM dyntables.token_entry "
				+ "WHERE processor_name = ? ORDER BY segment", (row, n) -> {
					byte[] token = row.getBytes("token");
					String type = row.getString("token_type");
					String timestamp = row.getString("timestamp");
					TrackingToken position = (token != null && type != null)
							? new GenericTokenEntry<>(token, type, timestamp, null, TableProjector.PROCESSING_GROUP,
									row.getInt("segment"), byte[].class)
								.getToken(this.serializer)
							: null;
					return new Claim(row.getInt("segment"), row.getString("owner"),
							(timestamp != null) ? Instant.parse(timestamp) : null, position);
				}, TableProjector.PROCESSING_GROUP);
	}

}
