package dev.rebaser.packages;

/**
 * A Debian control file (a {@code Packages} index, a deb822 {@code .sources} file) that
 * does not follow the format. The message always names the line, so a broken mirror file
 * can be found.
 */
public final class MalformedControlFileException extends RuntimeException {

	private final int line;

	MalformedControlFileException(int line, String problem) {
		super("line " + line + ": " + problem);
		this.line = line;
	}

	/** The 1-based line where the problem was seen. */
	public int line() {
		return line;
	}

}
