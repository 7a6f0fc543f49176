package io.dyntables.query.drift;

import io.dyntables.api.roles.Roles;
import io.dyntables.api.error.RefusedException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Drift: the live catalog against the schemas the events say. */
@RestController
@ConditionalOnExpression(Roles.IF_QUERIES)
@Tag(name = "Administration")
class DriftController {

	private final DriftDetector detector;

	DriftController(DriftDetector detector) {
		this.detector = detector;
	}

	@GetMapping("/api/table/{id}/drift")
	@Operation(summary = "Compare a table with the database",
			description = "Columns missing, extra or of another type than the table's schema says.")
	Mono<DriftDetector.TableDrift> table(@PathVariable long id) {
		return Mono.fromCallable(() -> this.detector.table(id))
			.subscribeOn(Schedulers.boundedElastic())
			.flatMap(Mono::justOrEmpty)
			.switchIfEmpty(Mono.error(() -> RefusedException.tableNotFound(id)));
	}

	@GetMapping("/api/admin/drift")
	@Operation(summary = "Compare every table with the database",
			description = "The tables that drifted, and tables in the data schema no event created.")
	Mono<DriftDetector.DriftReport> all() {
		return Mono.fromCallable(this.detector::all).subscribeOn(Schedulers.boundedElastic());
	}

}
