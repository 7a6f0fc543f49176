package io.dyntables.api.error;

import java.util.List;

/**
 * A request refused for one or more reasons; rendered as a Problem Details answer whose
 * status follows from the first reason's code. Crosses the command bus as the details of
 * a {@code CommandExecutionException}.
 */
public class RefusedException extends RuntimeException {

	private final List<Refusal> refusals;

	public RefusedException(List<Refusal> refusals) {
		super(refusals.isEmpty() ? "refused" : refusals.get(0).detail());
		if (refusals.isEmpty()) {
			throw new IllegalArgumentException("a refusal needs a reason");
		}
		this.refusals = List.copyOf(refusals);
	}

	public RefusedException(ErrorCode code, String pointer, String detail) {
		this(List.of(Refusal.of(code, pointer, detail)));
	}

	public List<Refusal> refusals() {
		return this.refusals;
	}

	public ErrorCode code() {
		return this.refusals.get(0).code();
	}

}
