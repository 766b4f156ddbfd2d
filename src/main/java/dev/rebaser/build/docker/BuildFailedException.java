package dev.rebaser.build.docker;

/**
 * A build that did not give a usable image; the log holds everything the daemon said up
 * to the failure.
 */
public class BuildFailedException extends RuntimeException {

	private final String log;

	private final String reason;

	public BuildFailedException(String log, String reason) {
		super(reason);
		this.log = log;
		this.reason = reason;
	}

	public BuildFailedException(String log, String reason, Throwable cause) {
		super(reason, cause);
		this.log = log;
		this.reason = reason;
	}

	public String log() {
		return log;
	}

	public String reason() {
		return reason;
	}

}
