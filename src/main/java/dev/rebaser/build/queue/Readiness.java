package dev.rebaser.build.queue;

/** Whether a job's parents allow it to be built, and if not, what it waits for. */
public record Readiness(boolean ready, String waitReason) {

	static final Readiness READY = new Readiness(true, null);

	public static Readiness waiting(String reason) {
		return new Readiness(false, reason);
	}
}
