package dev.rebaser.build.docker;

/**
 * How a command ended in a throw-away container: its exit code and its stdout and stderr,
 * interleaved.
 */
public record SmokeResult(int exitCode, String output) {

	public boolean succeeded() {
		return exitCode == 0;
	}
}
