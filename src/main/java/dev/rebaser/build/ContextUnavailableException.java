package dev.rebaser.build;

/**
 * The build context of a job could not be produced, so nothing was sent to the daemon.
 */
public class ContextUnavailableException extends RuntimeException {

	public ContextUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
