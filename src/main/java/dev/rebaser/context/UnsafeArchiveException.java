package dev.rebaser.context;

/**
 * An archive entry that would land outside the build context, or that a build context
 * cannot hold.
 */
public final class UnsafeArchiveException extends RuntimeException {

	private final String entry;

	public UnsafeArchiveException(String entry, String reason) {
		super("archive entry \"" + entry + "\" refused: " + reason);
		this.entry = entry;
	}

	public String entry() {
		return entry;
	}

}
