package io.dyntables.command.web;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

import io.dyntables.api.error.ErrorCode;
import io.dyntables.api.error.Refusal;
import io.dyntables.api.error.RefusedException;
import io.dyntables.api.history.Audit;
import io.dyntables.api.table.AppliedChanges;
import io.dyntables.api.table.CommandOutcome;
import io.dyntables.api.table.ExpectedVersion;
import io.dyntables.api.table.Queries.FindTable;
import io.dyntables.api.table.TableView;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The table commands: bases a command on the table's latest version in the event store,
 * sends it, and answers once the projection has applied it (read your writes) or, past a
 * bounded wait, that it is accepted. Dry runs answer what the command side planned,
 * without the read model.
 */
@Component
class TableCommands {

	private final CommandGateway commands;

	private final QueryGateway queries;

	private final EventStore eventStore;

	private final Duration wait;

	private final Duration pollInterval;

	private final AppliedChanges applied;

	/**
	 * Without the query side in this instance, nothing tells of applied changes: the
	 * waits rest on the poll alone.
	 */
	TableCommands(CommandGateway commands, QueryGateway queries, EventStore eventStore,
			ObjectProvider<AppliedChanges> applied, @Value("${dyntables.projection-wait:10s}") Duration wait,
			@Value("${dyntables.projection-poll:100ms}") Duration pollInterval) {
		this.commands = commands;
		this.queries = queries;
		this.eventStore = eventStore;
		this.applied = applied.getIfAvailable(() -> (tableId, listener) -> () -> {
		});
		this.wait = wait;
		this.pollInterval = pollInterval;
	}

	/**
	 * The version a command on an existing table is based on: the one the client stated
	 * (If-Match), else the table's last event in the event store now, so that a change
	 * committed before this one is refused instead of silently overwritten. Never the
	 * read model, which may lag. Unknown tables answer 404.
	 */
	private Mono<ExpectedVersion> basis(long tableId, Long stated) {
		return blocking(() -> this.eventStore.lastSequenceNumberFor(Long.toString(tableId))).flatMap(Mono::justOrEmpty)
			.switchIfEmpty(Mono.error(() -> RefusedException.tableNotFound(tableId)))
			.map((sequence) -> (stated != null) ? ExpectedVersion.ifMatch(stated)
					: ExpectedVersion.lastEvent(sequence));
	}

	/**
	 * Runs a command on an existing table, made from the version it is based on
	 * ({@link #basis}): a dry run answers what it would do, any other command the table
	 * once applied. A command that loses the race to append against another change of the
	 * table answers, as one that came after it, 412 when the client stated the version
	 * (the other change made it stale) and 409 otherwise.
	 */
	Mono<ResponseEntity<Object>> onTable(long tableId, Long stated, boolean dryRun, Audit audit,
			Function<ExpectedVersion, Object> command) {
		return basis(tableId, stated).flatMap((expected) -> {
			Object message = command.apply(expected);
			if (dryRun) {
				return dryRun(tableId, message, audit).map(CommandAnswers::dryRun);
			}
			return apply(tableId, message, audit).map(CommandAnswers::changed);
		})
			.onErrorMap((error) -> stated != null && concurrent(error), (error) -> new RefusedException(
					ErrorCode.PRECONDITION_FAILED, "",
					"If-Match names version " + stated + ", but another change of the table was applied first"));
	}

	/** Sends a dry-run command on an existing table and answers what it would do. */
	private Mono<DryRunResponse> dryRun(long tableId, Object command, Audit audit) {
		return send(tableId, command, audit).cast(CommandOutcome.class).map(DryRunResponse::of);
	}

	/**
	 * Sends the command and waits until the table's read model has reached the last event
	 * the command produced; past the wait, answers the command as accepted only. The
	 * subscription to the table is opened before the command is sent, so no update can be
	 * missed; the read model is also read again whenever a change of the table is
	 * announced, for when another instance runs the projector (see {@link #polled}).
	 */
	Mono<Applied> apply(long tableId, Object command, Audit audit) {
		return Mono.usingWhen(Mono.fromCallable(() -> subscribe(tableId)),
				(subscription) -> send(tableId, command, audit).map((result) -> Applied.pending(tableId, result))
					.flatMap((pending) -> Flux
						.concat(subscription.initialResult().flatMap(Mono::justOrEmpty),
								Flux.merge(subscription.updates(), polled(tableId)))
						.filter((view) -> view.lastSequence() >= pending.lastSequence())
						.next()
						.map(pending::projected)
						.timeout(this.wait, Mono.just(pending))),
				(subscription) -> Mono.fromRunnable(subscription::close));
	}

	/**
	 * Sends the command. A deleted table answers 404 to commands, as a table that never
	 * existed does.
	 */
	private Mono<Object> send(long tableId, Object command, Audit audit) {
		return blocking(() -> this.commands.send(withAudit(command, audit))).flatMap((sent) -> Mono.fromFuture(sent))
			.onErrorMap(TableCommands::deleted, (deleted) -> RefusedException.tableNotFound(tableId));
	}

	/** Whether another change of the table was appended first. */
	private static boolean concurrent(Throwable error) {
		Throwable cause = (error instanceof CompletionException && error.getCause() != null) ? error.getCause() : error;
		return cause instanceof ConcurrencyException;
	}

	private static boolean deleted(Throwable error) {
		Throwable cause = (error instanceof CompletionException && error.getCause() != null) ? error.getCause() : error;
		return cause instanceof CommandExecutionException refused && refused.getDetails()
			.filter((details) -> details instanceof List<?> list && !list.isEmpty()
					&& list.get(0) instanceof Refusal refusal && refusal.code() == ErrorCode.TABLE_DELETED)
			.isPresent();
	}

	/**
	 * Blocking work (JDBC, the local command bus, which handles the command and commits
	 * in the calling thread) off the event loop; run where it is when the previous step
	 * already left it (after the id allocation or the base version), sparing a thread
	 * switch on every command.
	 */
	private static <T> Mono<T> blocking(Callable<T> work) {
		return Mono.defer(() -> {
			Mono<T> call = Mono.fromCallable(work);
			return Schedulers.isInNonBlockingThread() ? call.subscribeOn(Schedulers.boundedElastic()) : call;
		});
	}

	/**
	 * The read model, read now and again whenever a change of the table is announced
	 * (when another instance projects the table, no update reaches this instance's
	 * subscription), and at intervals in case an announcement is lost. Reads never
	 * overlap; signals that come during a read make one more read after it.
	 */
	private Flux<TableView> polled(long tableId) {
		Flux<Long> announced = Flux.create((sink) -> {
			AppliedChanges.Listening listening = this.applied.whenApplied(tableId, () -> sink.next(0L));
			sink.onDispose(listening::close);
		});
		return Flux.merge(announced, Flux.interval(Duration.ZERO, this.pollInterval))
			.onBackpressureLatest()
			.concatMap((signal) -> read(tableId), 1);
	}

	/**
	 * Reads the table, always on a thread for blocking work: an announcement is told on
	 * the listener's own thread, which must not wait for the database.
	 */
	private Mono<TableView> read(long tableId) {
		return Mono
			.fromCallable(
					() -> this.queries.query(new FindTable(tableId), ResponseTypes.optionalInstanceOf(TableView.class)))
			.subscribeOn(Schedulers.boundedElastic())
			.flatMap((found) -> Mono.fromFuture(found))
			.flatMap(Mono::justOrEmpty);
	}

	/** The command with the audit as metadata, which its events then carry. */
	private static CommandMessage<?> withAudit(Object command, Audit audit) {
		return GenericCommandMessage.asCommandMessage(command).andMetaData(audit.metaData());
	}

	private SubscriptionQueryResult<Optional<TableView>, TableView> subscribe(long tableId) {
		return this.queries.subscriptionQuery(new FindTable(tableId), ResponseTypes.optionalInstanceOf(TableView.class),
				ResponseTypes.instanceOf(TableView.class));
	}

	/**
	 * A command that was applied.
	 *
	 * @param tableId the table
	 * @param version the table's version afterwards
	 * @param lastSequence the sequence number of the table's last event afterwards
	 * @param view the table as projected, or null while the projection has not caught up
	 */
	record Applied(long tableId, long version, long lastSequence, TableView view) {

		/**
		 * A creation answers the new id (version 1, one event); every other command its
		 * outcome.
		 */
		static Applied pending(long tableId, Object result) {
			return (result instanceof CommandOutcome outcome)
					? new Applied(tableId, outcome.version(), outcome.lastSequence(), null)
					: new Applied(tableId, 1, 0, null);
		}

		Applied projected(TableView projected) {
			return new Applied(this.tableId, this.version, this.lastSequence, projected);
		}

	}

}
