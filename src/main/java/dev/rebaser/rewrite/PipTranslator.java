package dev.rebaser.rewrite;

import dev.rebaser.dockerfile.ShellCommand;
import dev.rebaser.dockerfile.Word;
import dev.rebaser.rules.PackageMapping;
import dev.rebaser.rules.PackageRule;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code pip install} on a target whose Python is externally managed (PEP 668): packages
 * the rules know as {@code py3-NAME} come from the distro instead, the rest stay with
 * pip, which must then be told {@code --break-system-packages}.
 */
final class PipTranslator {

	private static final String BREAK = "--break-system-packages";

	/** Options that do not stop a bare package list from going to the distro. */
	private static final Set<String> HARMLESS = Set.of("--no-cache-dir", "-q", "--quiet", "--no-compile",
			"--disable-pip-version-check", "-U", "--upgrade", "--root-user-action=ignore", "--progress-bar=off");

	private final ScriptRewriter script;

	PipTranslator(ScriptRewriter script) {
		this.script = script;
	}

	static boolean isPipInstall(List<Word> words) {
		int install = installIndex(words);
		return install > 0;
	}

	/**
	 * The index of {@code install} in {@code pip install}, {@code pip3 install},
	 * {@code python3 -m pip install}.
	 */
	private static int installIndex(List<Word> words) {
		String name = words.get(0).literal();
		if (name == null) {
			return -1;
		}
		String base = name.substring(name.lastIndexOf('/') + 1);
		int next;
		if (base.equals("pip") || base.equals("pip3")) {
			next = 1;
		}
		else if ((base.equals("python3") || base.equals("python")) && words.size() > 2
				&& "-m".equals(words.get(1).literal()) && "pip".equals(words.get(2).literal())) {
			next = 3;
		}
		else {
			return -1;
		}
		return next < words.size() && "install".equals(words.get(next).literal()) ? next : -1;
	}

	void translate(ShellCommand command) {
		Translation tx = script.tx;
		if (!tx.target().externallyManagedPython()) {
			return;
		}
		List<Word> words = command.words();
		int install = installIndex(words);
		int line = script.line(command.span().start());
		boolean plain = true;
		for (int i = install + 1; i < words.size(); i++) {
			String literal = words.get(i).literal();
			if (literal == null) {
				plain = false;
			}
			else if (literal.equals(BREAK)) {
				return; // already says so
			}
			else if (literal.startsWith("-") && !HARMLESS.contains(literal)) {
				plain = false;
			}
		}
		Set<String> debian = new LinkedHashSet<>();
		List<String> kept = new ArrayList<>();
		for (int i = install + 1; i < words.size(); i++) {
			Word word = words.get(i);
			String literal = word.literal();
			Optional<List<String>> mapped = plain && literal != null && !literal.startsWith("-")
					? distroPackages(literal) : Optional.empty();
			if (mapped.isPresent()) {
				debian.addAll(mapped.get());
				tx.log()
					.change(script.line(word.span().start()), "pip:distro-package", literal,
							String.join(" ", mapped.get()));
			}
			else {
				kept.add(word.raw());
			}
		}
		boolean keepsPackages = kept.stream().anyMatch(w -> !w.startsWith("-"));
		StringBuilder after = new StringBuilder();
		if (!debian.isEmpty()) {
			after.append(script.updatePrefix()).append(tx.packages().install(new ArrayList<>(debian)));
			script.stage.explicit.addAll(debian);
			script.stage.everInstalled.addAll(debian);
			for (String name : debian) {
				tx.log().installed(line, name);
			}
		}
		if (keepsPackages) {
			if (after.length() > 0) {
				after.append(" && ");
			}
			after.append(script.text, ScriptRewriter.wordsStart(command), words.get(install).span().end())
				.append(' ')
				.append(BREAK);
			for (String word : kept) {
				after.append(' ').append(word);
			}
			tx.log()
				.warn(line, "pip-break-system-packages",
						"pip installs into the target's externally managed Python " + "(PEP 668) with " + BREAK
								+ "; a virtual environment would keep it apart from the distro's packages");
		}
		if (after.length() == 0) {
			return;
		}
		if (debian.isEmpty()) {
			// Only the flag is new: insert it after "install" so the rest of the command
			// keeps its layout.
			int at = words.get(install).span().end();
			script.edits.insert(at, " " + BREAK);
			tx.log()
				.change(line, "pip:break-system-packages", script.before(command),
						script.text.substring(ScriptRewriter.wordsStart(command), at) + " " + BREAK
								+ script.text.substring(at, ScriptRewriter.wordsEnd(command)));
			return;
		}
		script.edits.replace(ScriptRewriter.wordsStart(command), ScriptRewriter.wordsEnd(command), after.toString());
		tx.log().change(line, "pip:install", script.before(command), after.toString());
	}

	/** pip's name, normalised as PyPI does, looked up as Alpine's py3-NAME. */
	private Optional<List<String>> distroPackages(String requirement) {
		for (int i = 0; i < requirement.length(); i++) {
			char c = requirement.charAt(i);
			boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_'
					|| c == '.';
			if (!ok) {
				return Optional.empty(); // a version, an extra, a path or a URL: pip
											// keeps it
			}
		}
		String normalised = requirement.toLowerCase(java.util.Locale.ROOT).replace('_', '-').replace('.', '-');
		Optional<PackageRule> rule = script.tx.rules().packageRule("py3-" + normalised);
		if (rule.isEmpty()) {
			return Optional.empty();
		}
		PackageMapping mapping = script.tx.rules().packagesFor("py3-" + normalised, script.tx.target());
		return mapping instanceof PackageMapping.Install install && install.availableOnTarget()
				? Optional.of(install.names()) : Optional.empty();
	}

}
