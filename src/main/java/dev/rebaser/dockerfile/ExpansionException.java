package dev.rebaser.dockerfile;

/** A variable substitution Docker would reject, located by its offset in the expanded text. */
public final class ExpansionException extends RuntimeException {

    private final int offset;

    public ExpansionException(int offset, String message) {
        super(message);
        this.offset = offset;
    }

    public int offset() {
        return offset;
    }
}
