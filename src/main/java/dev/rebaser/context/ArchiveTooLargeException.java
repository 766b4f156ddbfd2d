package dev.rebaser.context;

/**
 * An archive over one of the limits: entries, bytes of one entry, or bytes in all.
 */
public final class ArchiveTooLargeException extends RuntimeException {

	public ArchiveTooLargeException(String message) {
		super(message);
	}

}
