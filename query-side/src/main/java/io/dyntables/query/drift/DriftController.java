package io.dyntables.query.drift;

import io.dyntables.api.roles.Roles;
import io.dyntables.api.error.RefusedException;
import io.dyntables.api.security.Caller;
import io.dyntables.query.catalog.TableVisibility;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Drift: the live catalog against the schemas the events say; of one table, as far as the
 * caller may read its fields (every table's, to administrators, in full).
 */
@RestController
@ConditionalOnExpression(Roles.IF_QUERIES)
@Tag(name = "Administration")
class DriftController {

	private final DriftDetector detector;

	private final TableVisibility visibility;

	DriftController(DriftDetector detector, TableVisibility visibility) {
		this.detector = detector;
		this.visibility = visibility;
	}

	@GetMapping("/api/table/{id}/drift")
	@Operation(summary = "Compare a table with the database",
			description = "Columns missing, extra or of another type than the table's schema says. A caller that "
					+ "may read only some of the table's fields is told of the columns of those fields only.")
	Mono<DriftDetector.TableDrift> table(@PathVariable long id, @Parameter(hidden = true) Caller caller) {
		return Mono.fromCallable(() -> this.detector.table(id))
			.subscribeOn(Schedulers.boundedElastic())
			.flatMap(Mono::justOrEmpty)
			.switchIfEmpty(Mono.error(() -> RefusedException.tableNotFound(id)))
			.flatMap((drift) -> this.visibility.fields(caller, id, null).map(drift::shownTo));
	}

	@GetMapping("/api/admin/drift")
	@Operation(summary = "Compare every table with the database",
			description = "The tables that drifted, and tables in the data schema no event created.")
	Mono<DriftDetector.DriftReport> all() {
		return Mono.fromCallable(this.detector::all).subscribeOn(Schedulers.boundedElastic());
	}

}
