package io.dyntables.query.projection;

import io.dyntables.api.history.ProjectionProblem;

/**
 * The projector's own refusal to apply an event (the read model or the database is not in
 * the state the event needs), with the problem clients are shown; the message is for the
 * log.
 */
final class ProjectionFault extends RuntimeException {

	private final ProjectionProblem problem;

	ProjectionFault(ProjectionProblem problem, String detail) {
		super(detail);
		this.problem = problem;
	}

	ProjectionProblem problem() {
		return this.problem;
	}

}
