package dev.rebaser.build;

/**
 * A Docker host the scheduler builds on: its name (the daemon's URI), how many builds it
 * runs at once, and the executor for it.
 */
public record BuildHost(String name, int concurrency, BuildExecutor executor) {

	public BuildHost {
		if (concurrency < 1) {
			throw new IllegalArgumentException("a build host runs at least one build at a time, not " + concurrency);
		}
	}
}
