package dev.rebaser.rewrite;

import dev.rebaser.rules.RuleSet;
import dev.rebaser.rules.Target;
import java.util.List;
import java.util.Optional;

/**
 * Kubernetes' build script runs {@code sed s|BASEARCH|<arch>|g} (and QEMUARCH) over the
 * Dockerfile before building; this does the same, first, so later steps see real names.
 * Line numbers do not move. CROSS_BUILD_COPY lines are left for {@link Rewriter} to drop.
 */
final class PlaceholderWords {

	/**
	 * The placeholders that are words inside the text; ARCH and GOARCH are build
	 * arguments instead.
	 */
	static final List<String> SED_WORDS = List.of("BASEARCH", "QEMUARCH");

	private PlaceholderWords() {
	}

	static String substitute(String text, RuleSet rules, Target target, RewriteLog log) {
		if (text.indexOf("ARCH") < 0) {
			return text;
		}
		StringBuilder out = null;
		int copied = 0;
		int line = 1;
		int lineStart = 0;
		int scanned = 0;
		for (int at = text.indexOf("ARCH"); at >= 0; at = text.indexOf("ARCH", at + 4)) {
			for (String word : SED_WORDS) {
				int start = at - (word.length() - 4);
				if (start < copied || !text.startsWith(word, start)) {
					continue;
				}
				Optional<String> value = rules.placeholderValue(word, target);
				if (value.isEmpty()) {
					continue;
				}
				for (; scanned < start; scanned++) {
					if (text.charAt(scanned) == '\n') {
						line++;
						lineStart = scanned + 1;
					}
				}
				if (text.startsWith("CROSS_BUILD_COPY", firstNonBlank(text, lineStart))) {
					continue;
				}
				if (out == null) {
					out = new StringBuilder(text.length() + 16);
				}
				out.append(text, copied, start).append(value.get());
				copied = start + word.length();
				int lineEnd = text.indexOf('\n', start);
				log.change(line, "dialect:" + word,
						text.substring(lineStart, lineEnd < 0 ? text.length() : lineEnd).strip(),
						word + " → " + value.get());
			}
		}
		return out == null ? text : out.append(text, copied, text.length()).toString();
	}

	private static int firstNonBlank(String text, int from) {
		while (from < text.length() && (text.charAt(from) == ' ' || text.charAt(from) == '\t')) {
			from++;
		}
		return from;
	}

}
