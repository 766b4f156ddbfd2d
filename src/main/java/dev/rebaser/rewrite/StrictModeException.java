package dev.rebaser.rewrite;

import java.util.List;

/**
 * Strict mode turns every warning into a failure: the rewrite is refused, with all of
 * them.
 */
public final class StrictModeException extends RuntimeException {

	private final List<RewriteWarning> warnings;

	public StrictModeException(List<RewriteWarning> warnings) {
		super(message(warnings));
		this.warnings = List.copyOf(warnings);
	}

	public List<RewriteWarning> warnings() {
		return warnings;
	}

	private static String message(List<RewriteWarning> warnings) {
		StringBuilder text = new StringBuilder("strict mode: ").append(warnings.size()).append(" warning(s)");
		for (RewriteWarning w : warnings) {
			text.append("\n  line ").append(w.line()).append(' ').append(w.code()).append(": ").append(w.message());
		}
		return text.toString();
	}

}
