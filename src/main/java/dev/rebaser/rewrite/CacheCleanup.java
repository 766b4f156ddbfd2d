package dev.rebaser.rewrite;

import dev.rebaser.dockerfile.ShellCommand;
import dev.rebaser.dockerfile.Word;
import java.util.List;
import java.util.Set;

/** {@code rm -rf /var/cache/apk/*}: the target's cleanup instead. */
final class CacheCleanup {

	private static final Set<String> APK_CACHE = Set.of("/var/cache/apk/*", "/var/cache/apk", "/var/cache/apk/",
			"/etc/apk/cache", "/etc/apk/cache/*");

	private CacheCleanup() {
	}

	/**
	 * @return whether the command was an rm of apk's cache (and is now rewritten)
	 */
	static boolean translate(ScriptRewriter script, ShellCommand command) {
		List<Word> words = command.words();
		Word cache = null;
		int paths = 0;
		for (int i = 1; i < words.size(); i++) {
			String literal = words.get(i).literal();
			if (literal != null && literal.startsWith("-")) {
				continue;
			}
			paths++;
			if (literal != null && APK_CACHE.contains(literal)) {
				cache = words.get(i);
			}
		}
		if (cache == null) {
			return false;
		}
		Translation tx = script.tx;
		int line = script.line(cache.span().start());
		if (paths == 1) {
			String after = tx.packages().cleanup();
			script.edits.replace(ScriptRewriter.wordsStart(command), ScriptRewriter.wordsEnd(command), after);
			tx.log().change(line, "apk:cache-dir", script.before(command), after);
		}
		else {
			script.edits.replace(cache.span().start(), cache.span().end(), tx.packages().cacheGlob());
			tx.log().change(line, "apk:cache-dir", cache.raw(), tx.packages().cacheGlob());
		}
		script.dirty = false;
		script.updated = false;
		script.paths(words);
		return true;
	}

}
