package dev.rebaser.dockerfile;

/**
 * The only exception the Dockerfile parser lets escape: a problem in the input, located
 * by line and column.
 */
public final class DockerfileSyntaxException extends RuntimeException {

	private final int line;

	private final int column;

	private final String detail;

	public DockerfileSyntaxException(int line, int column, String detail) {
		super("line " + line + ", column " + column + ": " + detail);
		this.line = line;
		this.column = column;
		this.detail = detail;
	}

	public int line() {
		return line;
	}

	public int column() {
		return column;
	}

	public String detail() {
		return detail;
	}

}
