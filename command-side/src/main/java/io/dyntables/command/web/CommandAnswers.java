package io.dyntables.command.web;

import java.net.URI;

import io.dyntables.api.table.TableResponse;
import io.dyntables.command.web.TableCommands.Applied;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The HTTP answers of the table commands, in one place: the table with its ETag once the
 * projection has applied the command, 202 with where to follow it when it has not yet,
 * and the dry run's plan.
 */
final class CommandAnswers {

	private CommandAnswers() {
	}

	/** 201 with the new table, or 202 while it is not projected yet. */
	static ResponseEntity<Object> created(Applied applied) {
		if (applied.view() == null) {
			return accepted(applied);
		}
		return ResponseEntity.created(tableUri(applied.tableId()))
			.eTag(etag(applied.version()))
			.body(TableResponse.of(applied.view()));
	}

	/**
	 * 200 with the table (204 once deleted), or 202 while the change is not projected
	 * yet.
	 */
	static ResponseEntity<Object> changed(Applied applied) {
		if (applied.view() == null) {
			return accepted(applied);
		}
		if (applied.view().deleted()) {
			return ResponseEntity.noContent().build();
		}
		return ResponseEntity.ok().eTag(etag(applied.version())).body(TableResponse.of(applied.view()));
	}

	static ResponseEntity<Object> dryRun(DryRunResponse plan) {
		return ResponseEntity.ok(plan);
	}

	/**
	 * The command is in the event store and will be applied; the projection has not
	 * caught up within the wait. The {@code Location} is the table's status, which says
	 * when it is applied.
	 */
	private static ResponseEntity<Object> accepted(Applied applied) {
		String status = "/api/table/" + applied.tableId() + "/status";
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.location(URI.create(status))
			.eTag(etag(applied.version()))
			.body(new Accepted("pending", applied.tableId(), applied.version(), status,
					tableUri(applied.tableId()).toString()));
	}

	private static URI tableUri(long tableId) {
		return URI.create("/api/table/" + tableId);
	}

	private static String etag(long version) {
		return "\"" + version + "\"";
	}

	/**
	 * A command accepted but not yet applied by the projection.
	 *
	 * @param state always {@code pending}
	 * @param tableId the table
	 * @param version the version the table has in the event store after the command
	 * @param status where to follow the projection of the change
	 * @param table the table, as the projection holds it
	 */
	record Accepted(String state, long tableId, long version, String status, String table) {
	}

}
