package dev.rebaser.context;

/**
 * A build context that cannot be used: not a gzip-compressed tar, or no Dockerfile at its
 * root.
 */
public final class BadContextException extends RuntimeException {

	public BadContextException(String message, Throwable cause) {
		super(message, cause);
	}

}
