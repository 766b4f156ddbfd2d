package dev.rebaser.rules;

/**
 * A rules file that cannot be used; the message names the file, the line, the column and
 * the problem.
 */
public class RuleFileException extends RuntimeException {

	private final String file;

	private final int line;

	private final int column;

	private final String problem;

	RuleFileException(String file, int line, int column, String problem) {
		super(file + ":" + line + ":" + column + ": " + problem);
		this.file = file;
		this.line = line;
		this.column = column;
		this.problem = problem;
	}

	RuleFileException(Position where, String problem) {
		this(where.file(), where.line(), where.column(), problem);
	}

	/**
	 * The file as it was named when loading: a path on disk or a name inside the built-in
	 * rules.
	 */
	public String file() {
		return file;
	}

	/** 1-based. */
	public int line() {
		return line;
	}

	/** 1-based. */
	public int column() {
		return column;
	}

	/** The message without the location. */
	public String problem() {
		return problem;
	}

}
