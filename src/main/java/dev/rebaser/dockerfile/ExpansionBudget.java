package dev.rebaser.dockerfile;

import dev.rebaser.budget.CpuBudget;

/**
 * The work one Dockerfile's variable expansions may cost: every character they produce
 * and every step of their pattern matching. A real Dockerfile spends a few thousand; a
 * file built to make {@code ${v//*a*a*b/x}} or {@code ENV A=$A$A} explode stops at the
 * limit with an error that says so, instead of holding a request for minutes.
 */
final class ExpansionBudget {

	/**
	 * About a second of work on one core, and far above what any real Dockerfile needs.
	 */
	static final long DEFAULT_STEPS = 20_000_000;

	private final long limit;

	private long left;

	ExpansionBudget(long steps) {
		this.limit = steps;
		this.left = steps;
	}

	/**
	 * @throws Exceeded once the file has spent more than its limit
	 */
	void spend(long steps) {
		CpuBudget.check();
		left -= steps;
		if (left < 0) {
			left = 0;
			throw new Exceeded(limit);
		}
	}

	/** Turned into an {@link ExpansionException} where the expansion stopped. */
	static final class Exceeded extends RuntimeException {

		Exceeded(long limit) {
			super("variable expansion needs more than " + limit
					+ " steps of work for this Dockerfile; its ${...} patterns or values are too large", null, false,
					false);
		}

	}

	long spent() {
		return limit - left;
	}

}
