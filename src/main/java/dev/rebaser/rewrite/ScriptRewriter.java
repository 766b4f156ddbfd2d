package dev.rebaser.rewrite;

import dev.rebaser.dockerfile.ShellCommand;
import dev.rebaser.dockerfile.ShellScript;
import dev.rebaser.dockerfile.Word;
import dev.rebaser.rules.CommandReplacement;
import dev.rebaser.rules.CommandRule;
import dev.rebaser.rules.PackageMapping;
import dev.rebaser.rules.PathRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntUnaryOperator;

/**
 * Rewrites the simple commands of one shell script (a RUN, the script of {@code sh -c}, a
 * heredoc body, or the command of CMD / ENTRYPOINT / HEALTHCHECK) as edits on the text
 * the commands' spans point into.
 *
 * <p>
 * It keeps track of the package index within the script: {@code apt-get update} is put
 * before the first install of a sequence, and {@link #needsCleanup()} tells the caller to
 * remove the lists at the end of the script.
 */
final class ScriptRewriter {

	private static final Set<String> SHELLS = Set.of("sh", "bash", "ash", "dash", "/bin/sh", "/bin/bash", "/bin/ash",
			"/bin/dash", "/usr/bin/bash", "/usr/bin/env");

	/** Commands that run the command that follows them (after their own options). */
	private static final Set<String> WRAPPERS = Set.of("exec", "nohup", "tini", "/sbin/tini", "/usr/bin/tini",
			"su-exec", "gosu", "/sbin/su-exec", "time", "command");

	private static final String BUSYBOX = "busybox";

	final Translation tx;

	final StageState stage;

	final String text;

	final TextEdits edits;

	final Quoting quoting;

	/**
	 * True for RUN scripts; CMD, ENTRYPOINT and HEALTHCHECK only get commands, paths and
	 * applets looked at.
	 */
	final boolean buildStep;

	private final IntUnaryOperator lines;

	/** The index was fetched earlier in the same sequence of commands. */
	boolean updated;

	/** The index was fetched and not removed since. */
	boolean dirty;

	/** What joins the command being rewritten to the one before it ("" for the first). */
	String previousSeparator = "";

	ScriptRewriter(Translation tx, StageState stage, String text, TextEdits edits, IntUnaryOperator lines,
			Quoting quoting, boolean buildStep) {
		this.tx = tx;
		this.stage = stage;
		this.text = text;
		this.edits = edits;
		this.lines = lines;
		this.quoting = quoting;
		this.buildStep = buildStep;
	}

	int line(int offset) {
		return lines.applyAsInt(offset);
	}

	boolean needsCleanup() {
		return dirty;
	}

	void rewrite(List<ShellCommand> commands) {
		ShellCommand previous = null;
		for (ShellCommand command : commands) {
			if (previous != null && !sequential(previous, command)) {
				updated = false;
			}
			previousSeparator = previous == null ? "" : previous.separator();
			previous = command;
			rewrite(command);
		}
	}

	private void rewrite(ShellCommand command) {
		List<Word> words = command.words();
		if (words.isEmpty()) {
			return;
		}
		String name = words.get(0).literal();
		if (name == null) {
			return;
		}
		if (buildStep) {
			if (name.equals("apk") || name.endsWith("/apk")) {
				new ApkTranslator(this).translate(command);
				return;
			}
			if (name.equals("rm") && CacheCleanup.translate(this, command)) {
				return;
			}
			if (tx.rules().userCommand(name).isPresent()) {
				UserCommandTranslator.rewrite(this, command, tx.rules().userCommand(name).get());
				return;
			}
			if (PipTranslator.isPipInstall(words)) {
				new PipTranslator(this).translate(command);
				return;
			}
			noteTargetCommands(command);
		}
		commandWords(words);
		if (buildStep) {
			OwnPrograms.ran(command, stage);
		}
	}

	private void commandWords(List<Word> words) {
		int index = 0;
		while (index < words.size()) {
			Word word = words.get(index);
			String literal = word.literal();
			if (literal == null) {
				break;
			}
			commandWord(word, literal);
			if (SHELLS.contains(literal)) {
				nested(words, index);
				break;
			}
			if (!WRAPPERS.contains(literal) && !literal.equals("env")) {
				break;
			}
			index = afterWrapper(words, index, literal);
		}
		paths(words);
	}

	/**
	 * Replaces a command word by the target's (su-exec → gosu) and records applets that
	 * need a package.
	 */
	private void commandWord(Word word, String literal) {
		Optional<CommandRule> rule = tx.rules().commandRule(literal);
		if (rule.isPresent()) {
			Optional<CommandReplacement> replacement = rule.get().replacementFor(tx.target().distro());
			if (replacement.isPresent() && replacement.get().isSupported()) {
				String command = replacement.get().command().get();
				replaceWord(word, command, rule.get().id());
				literal = command;
			}
			else if (replacement.isPresent()) {
				tx.log()
					.warn(line(word.span().start()), "command-unsupported",
							literal + ": " + replacement.get().unsupported().orElse("no equivalent on the target"));
			}
		}
		String applet = literal;
		int slash = applet.lastIndexOf('/');
		if (slash >= 0 && (applet.startsWith("/bin/") || applet.startsWith("/sbin/") || applet.startsWith("/usr/bin/")
				|| applet.startsWith("/usr/sbin/"))) {
			applet = applet.substring(slash + 1);
		}
		if (stage.ownPrograms.contains(applet)) {
			return; // the stage put a program of that name in place
		}
		if (tx.rules().appletRule(applet).isPresent()
				&& tx.rules().appletPackages(applet, tx.target()) instanceof PackageMapping.Install install) {
			if (install.names().equals(List.of(BUSYBOX)) && stage.buildsFromSource) {
				tx.log()
					.warn(line(word.span().start()), "applet-or-own-program", applet
							+ " is kept as it is: it may be the program the stage built and installed; if it is BusyBox's applet, install busybox and run `busybox "
							+ applet + "`");
				return;
			}
			stage.useApplet(applet, line(word.span().start()), install.names());
			if (install.names().equals(List.of(BUSYBOX)) && literal.equals(applet)
					&& !edits.overlaps(word.span().start(), word.span().end())) {
				// Debian's busybox has no applet links: the applet runs as `busybox
				// APPLET`
				String after = quoting.quote(BUSYBOX) + (quoting == Quoting.JSON ? ", " : " ") + quoting.quote(applet);
				edits.replace(word.span().start(), word.span().end(), after);
				tx.log().change(line(word.span().start()), install.ruleId(), word.raw(), after);
			}
		}
	}

	private static int afterWrapper(List<Word> words, int index, String wrapper) {
		int next = index + 1;
		switch (wrapper) {
			case "su-exec", "gosu", "/sbin/su-exec" -> next = index + 2; // USER[:GROUP]
																			// COMMAND
			case "env" -> {
				while (next < words.size() && words.get(next).literal() != null
						&& (words.get(next).literal().contains("=") || words.get(next).literal().startsWith("-"))) {
					next++;
				}
			}
			default -> {
				while (next < words.size() && words.get(next).literal() != null
						&& words.get(next).literal().startsWith("-")) {
					boolean end = words.get(next).literal().equals("--");
					next++;
					if (end) {
						break;
					}
				}
			}
		}
		return next;
	}

	/** {@code sh -c 'script'}: the script is rewritten on its own and quoted back. */
	private void nested(List<Word> words, int shell) {
		int flag = shell + 1;
		while (flag < words.size()) {
			String literal = words.get(flag).literal();
			if (literal == null || literal.length() < 2 || literal.charAt(0) != '-') {
				return;
			}
			if (literal.indexOf('c') > 0 && isShortOptions(literal)) {
				break;
			}
			flag++;
		}
		if (flag + 1 >= words.size()) {
			return;
		}
		Word script = words.get(flag + 1);
		if (script.literal() == null) {
			return;
		}
		int outerLine = line(script.span().start());
		TextEdits inner = new TextEdits(script.literal());
		ScriptRewriter nested = new ScriptRewriter(tx, stage, script.literal(), inner, offset -> outerLine,
				Quoting.SHELL, buildStep);
		nested.rewrite(ShellScript.parse(script.literal()).commands());
		if (inner.isEmpty()) {
			return;
		}
		String rewritten = inner.apply();
		if (nested.needsCleanup()) {
			rewritten = Cleanup.append(rewritten, tx.packages().cleanup());
		}
		String quoted = quoting == Quoting.JSON ? Quoting.json(rewritten) : Quoting.shellScript(rewritten);
		edits.replace(script.span().start(), script.span().end(), quoted);
	}

	private static boolean isShortOptions(String literal) {
		for (int i = 1; i < literal.length(); i++) {
			char c = literal.charAt(i);
			if (c < 'a' || c > 'z') {
				return false;
			}
		}
		return true;
	}

	/**
	 * Absolute Alpine paths given as whole words, unless the Dockerfile puts the file
	 * there itself.
	 */
	void paths(List<Word> words) {
		for (Word word : words) {
			String literal = word.literal();
			if (literal == null || literal.isEmpty() || literal.charAt(0) != '/'
					|| tx.selfProvidedPaths().contains(literal)) {
				continue;
			}
			Optional<PathRule> rule = tx.rules().pathRule(literal);
			if (rule.isEmpty()) {
				continue;
			}
			Optional<String> replacement = rule.get().replacementFor(tx.target().distro());
			if (replacement.isPresent() && !edits.overlaps(word.span().start(), word.span().end())) {
				replaceWord(word, replacement.get(), rule.get().id());
			}
		}
	}

	void replaceWord(Word word, String literal, String ruleId) {
		edits.replace(word.span().start(), word.span().end(), quoting.quote(literal));
		tx.log().change(line(word.span().start()), ruleId, word.raw(), quoting.quote(literal));
	}

	/**
	 * An already translated install (a rewritten file rewritten again) counts as
	 * installed.
	 */
	private void noteTargetCommands(ShellCommand command) {
		List<String> argv = new ArrayList<>();
		for (Word w : command.words()) {
			argv.add(w.literal() == null ? w.raw() : w.literal());
		}
		if (tx.packages().isInstall(argv)) {
			int install = argv.indexOf("install");
			for (int i = install + 1; i < argv.size(); i++) {
				if (!argv.get(i).startsWith("-")) {
					stage.explicit.add(argv.get(i));
					stage.everInstalled.add(argv.get(i));
				}
			}
		}
		else if (argv.size() >= 2 && argv.get(0).equals("apt-get") && argv.get(1).equals("update")) {
			updated = true;
		}
	}

	/**
	 * The two commands run one after the other in the same list: only blanks,
	 * continuations, comments and the separator between them (no {@code then},
	 * {@code ||}, pipes or braces).
	 */
	private boolean sequential(ShellCommand previous, ShellCommand next) {
		String separator = previous.separator();
		if (!separator.equals("&&") && !separator.equals(";") && !separator.equals("\n")) {
			return false;
		}
		int end = next.span().start();
		for (int i = previous.span().end(); i < end; i++) {
			char c = text.charAt(i);
			if (c == '#') {
				while (i < end && text.charAt(i) != '\n') {
					i++;
				}
			}
			else if (c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != '\\' && c != ';' && c != '&') {
				return false;
			}
		}
		return true;
	}

	/**
	 * The command's argv words as one range, leaving assignments and trailing
	 * redirections alone.
	 */
	static int wordsStart(ShellCommand command) {
		return command.words().get(0).span().start();
	}

	static int wordsEnd(ShellCommand command) {
		return command.words().get(command.words().size() - 1).span().end();
	}

	String before(ShellCommand command) {
		return text.substring(wordsStart(command), wordsEnd(command));
	}

	/**
	 * Text that must come before a new install so that the index is there:
	 * {@code apt-get update && } unless this sequence already fetched it.
	 */
	String updatePrefix() {
		dirty = true; // whatever the install downloads is cleaned up at the end of the
						// script
		if (!tx.packages().needsUpdate() || updated) {
			return "";
		}
		updated = true;
		return tx.packages().update() + " && ";
	}

}
