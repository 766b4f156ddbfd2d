package dev.rebaser.rewrite;

/** Appending the package manager's cleanup to the end of a script. */
final class Cleanup {

	private Cleanup() {
	}

	/**
	 * {@code script && cleanup}; after a trailing {@code ;} or {@code &} just
	 * {@code cleanup}, and on a new line when the script ends with one (a heredoc body).
	 */
	static String append(String script, String cleanup) {
		if (script.endsWith("\n")) {
			return script + cleanup + "\n";
		}
		int end = script.length();
		while (end > 0 && (script.charAt(end - 1) == ' ' || script.charAt(end - 1) == '\t')) {
			end--;
		}
		return script.substring(0, end) + joiner(script, end) + cleanup + script.substring(end);
	}

	static String joiner(String script, int end) {
		if (end == 0) {
			return "";
		}
		char last = script.charAt(end - 1);
		if (last == ';' || last == '&' && (end < 2 || script.charAt(end - 2) != '&')) {
			return " ";
		}
		return " && ";
	}

}
