package dev.rebaser.packages;

/**
 * No index could be had for a suite × arch; the message says what was tried and why each
 * failed.
 */
public final class PackageIndexUnavailableException extends RuntimeException {

	PackageIndexUnavailableException(String message) {
		super(message);
	}

	PackageIndexUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
