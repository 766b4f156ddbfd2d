package dev.rebaser.dockerfile;

/**
 * A word could not be expanded: bad substitution syntax, or a required variable is unset.
 */
public final class ExpansionException extends RuntimeException {

	private final int offset;

	public ExpansionException(int offset, String message) {
		super(message + " (at offset " + offset + ")");
		this.offset = offset;
	}

	/** Char offset into the expanded text where the problem was found. */
	public int offset() {
		return offset;
	}

}
