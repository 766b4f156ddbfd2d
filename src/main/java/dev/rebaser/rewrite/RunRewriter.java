package dev.rebaser.rewrite;

import dev.rebaser.dockerfile.Dockerfile;
import dev.rebaser.dockerfile.Heredoc;
import dev.rebaser.dockerfile.Instruction;
import dev.rebaser.dockerfile.ShellCommand;
import dev.rebaser.dockerfile.ShellScript;
import java.util.List;
import java.util.Set;

/**
 * One RUN in a stage that runs on the target: shell form, exec form, or a heredoc script.
 */
final class RunRewriter {

	private static final Set<String> SHELLS = Set.of("sh", "bash", "ash", "dash", "/bin/sh", "/bin/bash", "/bin/ash",
			"/bin/dash");

	private RunRewriter() {
	}

	/**
	 * @return whether the RUN's heredoc was lowered to classic syntax
	 */
	static boolean rewrite(Instruction run, Dockerfile dockerfile, TextEdits edits, Translation tx, StageState stage) {
		if (run.isExecForm()) {
			execForm(run, dockerfile, edits, tx, stage);
			return false;
		}
		List<Heredoc> heredocs = run.heredocs();
		boolean script = heredocs.size() == 1 && HeredocLowering.isScript(run);
		if (script && tx.options().lowerHeredocs()) {
			HeredocLowering.lower(run, heredocs.get(0), dockerfile, edits, tx, stage);
			return true;
		}
		ScriptRewriter rewriter = new ScriptRewriter(tx, stage, dockerfile.text(), edits, dockerfile::lineOf,
				Quoting.SHELL, true);
		rewriter.rewrite(run.commands());
		if (rewriter.needsCleanup()) {
			String cleanup = tx.packages().cleanup();
			if (script) {
				edits.insert(heredocs.get(0).bodySpan().end(), cleanup + "\n");
			}
			else {
				String args = run.arguments();
				edits.insert(run.toSource(args.length() - 1) + 1, Cleanup.joiner(args, args.length()) + cleanup);
			}
		}
		return false;
	}

	/**
	 * {@code RUN ["sh", "-c", "…"]} keeps its form; any other exec-form RUN that needs a
	 * change becomes shell form, since update, install and cleanup are three commands.
	 */
	private static void execForm(Instruction run, Dockerfile dockerfile, TextEdits edits, Translation tx,
			StageState stage) {
		List<ShellCommand> commands = run.commands();
		if (commands.isEmpty() || commands.get(0).words().isEmpty()) {
			return;
		}
		ShellCommand command = commands.get(0);
		String name = command.name().orElse("");
		if (SHELLS.contains(name)) {
			new ScriptRewriter(tx, stage, dockerfile.text(), edits, dockerfile::lineOf, Quoting.JSON, true)
				.rewrite(commands);
			return;
		}
		StringBuilder shell = new StringBuilder();
		for (String arg : run.execArgs()) {
			if (shell.length() > 0) {
				shell.append(' ');
			}
			shell.append(Quoting.shell(arg));
		}
		String text = shell.toString();
		int line = run.startLine();
		TextEdits inner = new TextEdits(text);
		ScriptRewriter rewriter = new ScriptRewriter(tx, stage, text, inner, offset -> line, Quoting.SHELL, true);
		rewriter.rewrite(ShellScript.parse(text).commands());
		if (inner.isEmpty()) {
			return;
		}
		String rewritten = inner.apply();
		if (rewriter.needsCleanup()) {
			rewritten = Cleanup.append(rewritten, tx.packages().cleanup());
		}
		String args = run.arguments();
		int start = run.toSource(0);
		int end = run.toSource(args.length() - 1) + 1;
		edits.replace(start, end, rewritten);
		tx.log().change(line, "run:shell-form", args, rewritten);
	}

}
