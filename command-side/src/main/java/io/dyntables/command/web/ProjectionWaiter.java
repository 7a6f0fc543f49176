package io.dyntables.command.web;

import java.time.Duration;
import java.util.Optional;

import io.dyntables.api.error.RefusedException;
import io.dyntables.api.history.Audit;
import io.dyntables.api.table.CommandOutcome;
import io.dyntables.api.table.ExpectedVersion;
import io.dyntables.api.table.Queries.DdlPreview;
import io.dyntables.api.table.Queries.FindTable;
import io.dyntables.api.table.Queries.PreviewDdl;
import io.dyntables.api.table.TableView;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Sends schema commands and answers once the projection has applied them (read your
 * writes): the subscription to the table is opened before the command is sent, so no
 * update can be missed; the read model is also polled, for when another instance runs the
 * projector.
 */
@Component
class ProjectionWaiter {

	private final CommandGateway commands;

	private final QueryGateway queries;

	private final Duration wait;

	private final Duration pollInterval;

	ProjectionWaiter(CommandGateway commands, QueryGateway queries,
			@Value("${dyntables.projection-wait:10s}") Duration wait,
			@Value("${dyntables.projection-poll:100ms}") Duration pollInterval) {
		this.commands = commands;
		this.queries = queries;
		this.wait = wait;
		this.pollInterval = pollInterval;
	}

	/** The table as the read model holds it now, if it exists. */
	Mono<TableView> find(long tableId) {
		return Mono
			.fromFuture(
					() -> this.queries.query(new FindTable(tableId), ResponseTypes.optionalInstanceOf(TableView.class)))
			.subscribeOn(Schedulers.boundedElastic())
			.flatMap(Mono::justOrEmpty);
	}

	/**
	 * The version a command on a live table is based on: the one the client stated
	 * (If-Match), else the one read now, so that of concurrent changes one wins and the
	 * others are refused instead of silently overwriting it. Unknown or deleted tables
	 * answer 404.
	 */
	Mono<ExpectedVersion> basis(long tableId, Long stated) {
		return find(tableId).filter((view) -> !view.deleted())
			.switchIfEmpty(Mono.error(() -> RefusedException.tableNotFound(tableId)))
			.map((view) -> (stated != null) ? ExpectedVersion.ifMatch(stated)
					: ExpectedVersion.observed(view.version()));
	}

	/**
	 * Sends a dry-run command and asks the query side for the DDL its events would run,
	 * derived as the projector will derive it.
	 */
	Mono<DryRunResponse> dryRun(Object command, Audit audit) {
		return send(command, audit).flatMap(this::preview);
	}

	/**
	 * Sends a dry-run command; its result is the {@link CommandOutcome} it would have.
	 */
	Mono<CommandOutcome> send(Object command, Audit audit) {
		return Mono.<Object>fromFuture(() -> this.commands.send(withAudit(command, audit)))
			.subscribeOn(Schedulers.boundedElastic())
			.cast(CommandOutcome.class);
	}

	/** The dry-run answer for events planned without the aggregate (a creation). */
	Mono<DryRunResponse> preview(CommandOutcome outcome) {
		long baseSequence = outcome.lastSequence() - outcome.events().size();
		return Mono
			.fromFuture(() -> this.queries.query(new PreviewDdl(outcome.tableId(), baseSequence, outcome.events()),
					DdlPreview.class))
			.subscribeOn(Schedulers.boundedElastic())
			.map((preview) -> DryRunResponse.of(outcome, preview.statements()));
	}

	/**
	 * Sends the command and waits until the table's read model has reached the version
	 * the command produced. Past the wait, answers {@link ProjectionPending}.
	 */
	Mono<TableView> sendAndAwait(long tableId, Object command, Audit audit) {
		return Mono.usingWhen(Mono.fromCallable(() -> subscribe(tableId)),
				(subscription) -> Mono.<Object>fromFuture(() -> this.commands.send(withAudit(command, audit)))
					.subscribeOn(Schedulers.boundedElastic())
					.map(ProjectionWaiter::lastSequenceOf)
					.flatMap((sequence) -> Flux
						.concat(subscription.initialResult().flatMap(Mono::justOrEmpty),
								Flux.merge(subscription.updates(), polled(tableId)))
						.filter((view) -> view.lastSequence() >= sequence)
						.next()
						.timeout(this.wait, Mono.error(() -> new ProjectionPending(tableId)))),
				(subscription) -> Mono.fromRunnable(subscription::close));
	}

	/**
	 * The read model, read again at intervals: when another instance projects the table,
	 * no update reaches this instance's subscription.
	 */
	private Flux<TableView> polled(long tableId) {
		return Mono.defer(() -> find(tableId)).delaySubscription(this.pollInterval).repeat();
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
	 * A creation answers the new id (one event, sequence 0); every other command its
	 * outcome.
	 */
	private static long lastSequenceOf(Object result) {
		return (result instanceof CommandOutcome outcome) ? outcome.lastSequence() : 0L;
	}

}
