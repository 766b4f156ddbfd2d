package dev.rebaser.rewrite;

import dev.rebaser.dockerfile.Dockerfile;
import dev.rebaser.dockerfile.Instruction;
import dev.rebaser.dockerfile.ShellCommand;
import dev.rebaser.dockerfile.ShellScript;
import dev.rebaser.dockerfile.Span;
import dev.rebaser.dockerfile.Word;
import java.util.ArrayList;
import java.util.List;

/**
 * CMD, ENTRYPOINT, HEALTHCHECK and SHELL: what runs in the container, so commands
 * (su-exec), paths (/sbin/tini) and applets (wget in a health check) matter here too.
 */
final class RuntimeCommandRewriter {

	private RuntimeCommandRewriter() {
	}

	static void rewrite(Instruction instruction, Dockerfile dockerfile, TextEdits edits, Translation tx,
			StageState stage) {
		String args = instruction.arguments();
		int from = 0;
		if (instruction.keyword().equals("HEALTHCHECK")) {
			if (args.length() < 4 || !args.regionMatches(true, 0, "CMD", 0, 3)) {
				return; // NONE
			}
			from = 3;
			while (from < args.length() && Character.isWhitespace(args.charAt(from))) {
				from++;
			}
		}
		if (from >= args.length()) {
			return;
		}
		ScriptRewriter script;
		List<ShellCommand> commands;
		if (args.charAt(from) == '[' && (from > 0 || instruction.isExecForm())) {
			List<Word> words = ExecTokens.of(instruction, dockerfile.text(), from);
			if (words.isEmpty()) {
				return;
			}
			Span span = new Span(words.get(0).span().start(), words.get(words.size() - 1).span().end());
			commands = List.of(new ShellCommand(List.of(), words, List.of(), span, ""));
			script = new ScriptRewriter(tx, stage, dockerfile.text(), edits, dockerfile::lineOf, Quoting.JSON, false);
		}
		else {
			int offset = from;
			commands = new ArrayList<>();
			for (ShellCommand command : ShellScript.parse(args.substring(from)).commands()) {
				commands.add(command.shifted(o -> instruction.toSource(o + offset)));
			}
			script = new ScriptRewriter(tx, stage, dockerfile.text(), edits, dockerfile::lineOf, Quoting.SHELL, false);
		}
		script.rewrite(commands);
	}

}
