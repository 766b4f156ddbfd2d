package dev.rebaser.rewrite;

import dev.rebaser.dockerfile.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One {@code apk} command, read as apk reads its argv: options (anywhere, with their
 * values), the applet ({@code add}, {@code del}, …) and its arguments.
 *
 * @param words every word of the command, {@code apk} first
 * @param applet the index in words of the applet, -1 when there is none
 * @param options indexes of option words and of their values
 * @param arguments indexes of the applet's other arguments
 */
record ApkInvocation(List<Word> words, int applet, List<Integer> options, List<Integer> arguments, String virtualGroup,
		List<String> repositories, boolean hasRepositoryOption, List<String> unknownOptions, boolean available) {

	private static final Set<String> WITH_VALUE = Set.of("--virtual", "-t", "--repository", "-X", "--repositories-file",
			"--root", "-p", "--keys-dir", "--cache-dir", "--arch", "--wait", "--cache-max-age", "--timeout", "--from");

	private static final Set<String> KNOWN_FLAGS = Set.of("--no-cache", "--update", "-U", "--update-cache",
			"--allow-untrusted", "-q", "--quiet", "--no-progress", "--progress", "-v", "--verbose", "-u", "--upgrade",
			"--latest", "-l", "--available", "-a", "--purge", "--no-scripts", "--force", "-f", "--force-overwrite",
			"--force-broken-world", "--force-refresh", "--clean-protected", "--no-network", "-i", "--interactive",
			"--initdb", "--usermode", "--no-interactive", "-r", "--rdepends", "-e", "--installed",
			"--no-check-certificate", "--no-chown", "--prune", "--self-upgrade-only", "--ignore-scripts", "-s",
			"--simulate");

	static ApkInvocation parse(List<Word> words) {
		int applet = -1;
		List<Integer> options = new ArrayList<>();
		List<Integer> arguments = new ArrayList<>();
		List<String> repositories = new ArrayList<>();
		List<String> unknown = new ArrayList<>();
		String virtual = null;
		boolean hasRepository = false;
		boolean available = false;
		boolean endOfOptions = false;
		for (int i = 1; i < words.size(); i++) {
			Word word = words.get(i);
			String text = word.literal() != null ? word.literal() : word.raw();
			if (!endOfOptions && text.equals("--")) {
				options.add(i);
				endOfOptions = true;
				continue;
			}
			if (!endOfOptions && text.length() > 1 && text.charAt(0) == '-') {
				options.add(i);
				int eq = text.indexOf('=');
				String name = text.startsWith("--") && eq > 0 ? text.substring(0, eq) : text;
				String value = name.length() < text.length() ? text.substring(eq + 1) : null;
				if (!name.startsWith("--") && name.length() > 2 && WITH_VALUE.contains(name.substring(0, 2))) {
					value = name.substring(2); // -X<url>, -t<name>
					name = name.substring(0, 2);
				}
				if (WITH_VALUE.contains(name)) {
					if (value == null && i + 1 < words.size()) {
						i++;
						options.add(i);
						Word v = words.get(i);
						value = v.literal() != null ? v.literal() : v.raw();
					}
					switch (name) {
						case "--virtual", "-t" -> virtual = value;
						case "--repository", "-X" -> {
							hasRepository = true;
							repositories.add(value);
						}
						case "--repositories-file" -> hasRepository = true;
						default -> {
						}
					}
				}
				else if (name.equals("--available") || name.equals("-a")) {
					available = true;
				}
				else if (!KNOWN_FLAGS.contains(name) && !bundleOfKnownFlags(name)) {
					unknown.add(text);
				}
				continue;
			}
			if (applet < 0) {
				applet = i;
			}
			else {
				arguments.add(i);
			}
		}
		return new ApkInvocation(words, applet, options, arguments, virtual, repositories, hasRepository, unknown,
				available);
	}

	/** -qU and friends. */
	private static boolean bundleOfKnownFlags(String text) {
		if (text.startsWith("--") || text.length() < 3) {
			return false;
		}
		for (int i = 1; i < text.length(); i++) {
			if (!KNOWN_FLAGS.contains("-" + text.charAt(i))) {
				return false;
			}
		}
		return true;
	}

	String appletName() {
		if (applet < 0) {
			return "";
		}
		Word word = words.get(applet);
		return word.literal() != null ? word.literal() : word.raw();
	}

	String argument(int index) {
		Word word = words.get(index);
		return word.literal() != null ? word.literal() : word.raw();
	}
}
