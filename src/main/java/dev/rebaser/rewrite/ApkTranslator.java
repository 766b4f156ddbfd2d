package dev.rebaser.rewrite;

import dev.rebaser.dockerfile.ShellCommand;
import dev.rebaser.dockerfile.Word;
import dev.rebaser.rules.PackageMapping;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Translates one {@code apk} command into the target's package manager. */
final class ApkTranslator {

	private final ScriptRewriter script;

	private final Translation tx;

	ApkTranslator(ScriptRewriter script) {
		this.script = script;
		this.tx = script.tx;
	}

	void translate(ShellCommand command) {
		ApkInvocation apk = ApkInvocation.parse(command.words());
		int line = script.line(command.span().start());
		switch (apk.appletName()) {
			case "add" -> add(command, apk, line);
			case "del" -> del(command, apk, line);
			case "update" -> {
				script.updated = true;
				script.dirty = true;
				replace(command, "apk:update", tx.packages().update());
			}
			case "upgrade" -> replace(command, "apk:upgrade", script.updatePrefix() + tx.packages().upgrade());
			case "info" -> info(command, apk);
			case "cache" -> {
				if (!apk.arguments().isEmpty() && apk.argument(apk.arguments().get(0)).equals("clean")) {
					replace(command, "apk:cache-clean", tx.packages().cleanup());
					script.dirty = false;
					script.updated = false;
				}
				else {
					tx.log()
						.warn(line, "apk-untranslated", "apk cache without clean has no equivalent; kept as written");
				}
			}
			default -> tx.log()
				.warn(line, "apk-untranslated",
						"apk " + apk.appletName() + " has no translation; kept as written and will fail on the target");
		}
	}

	private void replace(ShellCommand command, String ruleId, String after) {
		int start = ScriptRewriter.wordsStart(command);
		int end = ScriptRewriter.wordsEnd(command);
		script.edits.replace(start, end, after);
		tx.log().change(script.line(command.span().start()), ruleId, script.before(command), after);
	}

	private void add(ShellCommand command, ApkInvocation apk, int line) {
		warnOptions(apk, line);
		List<Word> words = command.words();
		List<Edit> local = new ArrayList<>();
		Set<String> names = new LinkedHashSet<>();
		List<Integer> args = apk.arguments();
		for (int index : args) {
			String arg = apk.argument(index);
			Word word = words.get(index);
			int wordLine = script.line(word.span().start());
			if (word.literal() == null && word.raw().indexOf('$') >= 0) {
				// A list in a variable cannot be mapped here; dropping it would break the
				// build silently.
				tx.log()
					.warn(wordLine, "package-expansion", word.raw() + " is expanded at build time and holds Alpine "
							+ "package names; it is kept as written and must be mapped by hand");
				names.add(word.raw());
				continue;
			}
			List<String> mapped = map(arg, wordLine, names);
			if (mapped.isEmpty()) {
				local.add(new Edit(words.get(index - 1).span().end(), word.span().end(), ""));
			}
			else if (!(mapped.size() == 1 && mapped.get(0).equals(word.raw()))) {
				local.add(new Edit(word.span().start(), word.span().end(), String.join(" ", mapped)));
			}
		}
		int firstArg = args.isEmpty() ? words.size() : args.get(0);
		for (int index : apk.options()) {
			if (index > firstArg) {
				local.add(new Edit(words.get(index - 1).span().end(), words.get(index).span().end(), ""));
			}
		}
		if (names.isEmpty()) {
			replace(command, "apk:add", "true");
			return;
		}
		if (CaCertificates.needed(tx.target(), script.stage, names)) {
			// Alpine's base has the CA bundle; Debian's TLS clients only recommend it,
			// and recommends are off.
			names.add(CaCertificates.PACKAGE);
			int last = args.get(args.size() - 1);
			local.add(
					new Edit(words.get(last).span().end(), words.get(last).span().end(), " " + CaCertificates.PACKAGE));
			tx.log().change(line, CaCertificates.RULE_ID, "", CaCertificates.PACKAGE);
		}
		String update = script.updatePrefix();
		String head = update + tx.packages().install(List.of()).trim();
		if (!update.isEmpty() && (script.previousSeparator.equals("||") || script.previousSeparator.equals("|"))) {
			// `a || apk add x` must not become `(a || apt-get update) && apt-get install
			// x`
			head = "{ " + head;
			int end = words.get(words.size() - 1).span().end();
			local.add(new Edit(end, end, "; }"));
		}
		local.add(new Edit(words.get(0).span().start(), words.get(firstArg - 1).span().end(), head));
		local.sort(TextEdits.ORDER);
		for (Edit e : local) {
			script.edits.replace(e.start(), e.end(), e.text());
		}
		String before = script.before(command);
		tx.log().change(line, "apk:add", before, preview(command, local));
		record(apk, names, line);
	}

	/**
	 * The target names for one apk argument, leaving out names this command already
	 * installs.
	 */
	private List<String> map(String arg, int line, Set<String> names) {
		if (!PackageSpec.isPackageName(arg)) {
			tx.log()
				.warn(line, "unmapped-package", arg + " is not a repository package name (a local file, URL or "
						+ "expansion); left out of the install");
			return List.of();
		}
		PackageSpec spec = PackageSpec.parse(arg);
		if (spec.constraint() != null) {
			tx.log()
				.warn(line, "version-pin-dropped", spec.name() + spec.constraint()
						+ " is an Alpine version; the target's version of the package is installed");
		}
		if (spec.tag() != null) {
			tx.log()
				.warn(line, "apk-repository", spec.name() + "@" + spec.tag()
						+ " comes from a tagged Alpine repository; installed from the target's archive instead");
		}
		PackageMapping mapping = tx.rules().packagesFor(spec.name(), tx.target());
		List<String> out = new ArrayList<>();
		if (mapping instanceof PackageMapping.Install install) {
			if (!install.names().equals(List.of(spec.name())) || !arg.equals(spec.name())) {
				tx.log().change(line, install.ruleId(), arg, String.join(" ", install.names()));
			}
			if (!install.availableOnTarget()) {
				tx.log()
					.warn(line, PackageAvailability.CODE, "package " + String.join(" ", install.names()) + " (for "
							+ spec.name() + ") does not exist for " + tx.target().key() + " according to the rules");
			}
			for (String name : install.names()) {
				if (names.add(name)) {
					out.add(name);
				}
			}
		}
		else if (mapping instanceof PackageMapping.NothingNeeded nothing) {
			tx.log().change(line, nothing.ruleId(), arg, "");
		}
		else {
			tx.log()
				.warn(line, "unmapped-package", "no rule maps the Alpine package " + spec.name() + " to "
						+ tx.target().distro().key() + "; left out of the install");
		}
		return out;
	}

	private void warnOptions(ApkInvocation apk, int line) {
		for (String repository : apk.repositories()) {
			tx.log()
				.warn(line, "apk-repository", "packages from the Alpine repository " + repository
						+ " are installed from the target's archive instead");
		}
		if (apk.hasRepositoryOption() && apk.repositories().isEmpty()) {
			tx.log().warn(line, "apk-repository", "an Alpine repositories file is ignored");
		}
		for (String option : apk.unknownOptions()) {
			tx.log().warn(line, "apk-option-dropped", "apk option " + option + " has no equivalent and was dropped");
		}
	}

	private void record(ApkInvocation apk, Set<String> names, int line) {
		StageState stage = script.stage;
		if (apk.virtualGroup() != null) {
			List<String> group = new ArrayList<>();
			for (String name : names) {
				if (!stage.explicit.contains(name)) {
					group.add(name);
				}
			}
			stage.groups.computeIfAbsent(apk.virtualGroup(), k -> new ArrayList<>()).addAll(group);
		}
		else {
			stage.explicit.addAll(names);
		}
		stage.everInstalled.addAll(names);
		for (String name : names) {
			if (name.indexOf('$') < 0) {
				tx.log().installed(line, name);
			}
		}
	}

	private void del(ShellCommand command, ApkInvocation apk, int line) {
		Set<String> names = new LinkedHashSet<>();
		StageState stage = script.stage;
		for (int index : apk.arguments()) {
			String arg = apk.argument(index);
			List<String> group = stage.groups.remove(arg);
			if (group != null) {
				for (String name : group) {
					if (!stage.explicit.contains(name)) {
						names.add(name);
					}
				}
				continue;
			}
			if (arg.startsWith(".")) {
				tx.log()
					.warn(line, "unknown-virtual-group", "apk del " + arg + ": no apk add --virtual " + arg
							+ " in this stage, so nothing is purged for it");
				continue;
			}
			PackageMapping mapping = tx.rules().packagesFor(PackageSpec.parse(arg).name(), tx.target());
			if (mapping instanceof PackageMapping.Install install) {
				names.addAll(install.names());
			}
			else if (mapping instanceof PackageMapping.Unmapped) {
				tx.log()
					.warn(line, "unmapped-package", "no rule maps the Alpine package " + arg + " to "
							+ tx.target().distro().key() + "; not removed");
			}
		}
		replace(command, "apk:del", names.isEmpty() ? "true" : tx.packages().remove(new ArrayList<>(names)));
	}

	private void info(ShellCommand command, ApkInvocation apk) {
		List<String> names = new ArrayList<>();
		for (int index : apk.arguments()) {
			PackageMapping mapping = tx.rules().packagesFor(PackageSpec.parse(apk.argument(index)).name(), tx.target());
			if (mapping instanceof PackageMapping.Install install) {
				names.addAll(install.names());
			}
			else {
				names.add(apk.argument(index));
			}
		}
		boolean exists = false;
		for (int index : apk.options()) {
			String option = apk.argument(index);
			exists |= option.equals("-e") || option.equals("--installed");
		}
		String after = names.isEmpty() ? tx.packages().listInstalled()
				: exists ? tx.packages().listIfInstalled(names) : tx.packages().describe(names);
		replace(command, "apk:info", after);
	}

	private String preview(ShellCommand command, List<Edit> local) {
		int start = ScriptRewriter.wordsStart(command);
		int end = ScriptRewriter.wordsEnd(command);
		StringBuilder out = new StringBuilder();
		int at = start;
		for (Edit e : local) {
			out.append(script.text, at, e.start()).append(e.text());
			at = e.end();
		}
		return out.append(script.text, at, end).toString();
	}

}
