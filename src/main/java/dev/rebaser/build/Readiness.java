package dev.rebaser.build;

/** Whether a job's parents allow it to be built, and if not, what it waits for. */
record Readiness(boolean ready, String waitReason) {

	static final Readiness READY = new Readiness(true, null);

	static Readiness waiting(String reason) {
		return new Readiness(false, reason);
	}
}
