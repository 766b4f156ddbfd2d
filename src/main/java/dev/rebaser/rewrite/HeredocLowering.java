package dev.rebaser.rewrite;

import dev.rebaser.dockerfile.Dockerfile;
import dev.rebaser.dockerfile.Heredoc;
import dev.rebaser.dockerfile.Instruction;
import dev.rebaser.dockerfile.ShellScript;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code RUN <<EOF … EOF} for the classic builder, which has no heredocs. A body of plain
 * command lines becomes one shell-form RUN whose lines are joined with {@code ;} (the
 * shell runs a heredoc script line after line without stopping on errors, and so does
 * {@code ;}); any other body is handed to {@code sh} on standard input, line by line,
 * which keeps its meaning exactly.
 */
final class HeredocLowering {

	private static final Set<String> COMPOUND = Set.of("if", "then", "else", "elif", "fi", "for", "while", "until",
			"do", "done", "case", "esac", "{", "}", "(", ")", "function", "select");

	private HeredocLowering() {
	}

	/** The RUN's arguments are the heredoc marker alone: the body is the script. */
	static boolean isScript(Instruction run) {
		String args = run.arguments().trim();
		if (!args.startsWith("<<")) {
			return false;
		}
		for (int i = 2; i < args.length(); i++) {
			char c = args.charAt(i);
			if (c == ' ' || c == '\t' || c == '<' || c == '>' || c == '|' || c == '&' || c == ';') {
				return false;
			}
		}
		return true;
	}

	/** A RUN in a stage that is not translated still needs classic syntax. */
	static boolean lowerOnly(Instruction run, Dockerfile dockerfile, TextEdits edits, Translation tx,
			StageState stage) {
		if (!tx.options().lowerHeredocs() || run.heredocs().size() != 1 || !isScript(run)) {
			return false;
		}
		lower(run, run.heredocs().get(0), dockerfile, edits, tx, stage);
		return true;
	}

	static void lower(Instruction run, Heredoc heredoc, Dockerfile dockerfile, TextEdits edits, Translation tx,
			StageState stage) {
		String body = heredoc.content();
		int firstLine = dockerfile.lineOf(heredoc.bodySpan().start());
		TextEdits inner = new TextEdits(body);
		ScriptRewriter rewriter = new ScriptRewriter(tx, stage, body, inner,
				offset -> firstLine + newlines(body, offset), Quoting.SHELL, true);
		if (stage.translated) {
			rewriter.rewrite(ShellScript.parse(body).commands());
		}
		String script = inner.apply();
		if (rewriter.needsCleanup()) {
			script = Cleanup.append(script.endsWith("\n") ? script : script + "\n", tx.packages().cleanup());
		}
		String newline = run.text().contains("\r\n") ? "\r\n" : "\n";
		List<String> lines = lines(script);
		String lowered = plain(lines) ? joined(lines, newline) : piped(lines, newline);
		int start = run.toSource(0);
		edits.replace(start, run.span().end(), lowered + newline);
		tx.log()
			.change(run.startLine(), "heredoc:lower",
					dockerfile.text().substring(start, run.span().end()).stripTrailing(), lowered);
	}

	private static int newlines(String text, int offset) {
		int count = 0;
		for (int i = 0; i < offset && i < text.length(); i++) {
			if (text.charAt(i) == '\n') {
				count++;
			}
		}
		return count;
	}

	private static List<String> lines(String script) {
		List<String> lines = new ArrayList<>();
		int at = 0;
		while (at < script.length()) {
			int end = script.indexOf('\n', at);
			if (end < 0) {
				end = script.length();
			}
			String line = script.substring(at, end);
			lines.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
			at = end + 1;
		}
		return lines;
	}

	/**
	 * Every line a complete command on its own, and no shell keyword that spans lines.
	 */
	private static boolean plain(List<String> lines) {
		for (String line : lines) {
			String trimmed = line.strip();
			if (trimmed.isEmpty() || trimmed.startsWith("#")) {
				continue;
			}
			if (trimmed.endsWith("\\") || trimmed.endsWith("&&") || trimmed.endsWith("||") || trimmed.endsWith("|")
					|| trimmed.endsWith("&") || trimmed.contains("<<") || trimmed.contains(" #")
					|| trimmed.contains("\t#")) {
				return false;
			}
			int space = 0;
			while (space < trimmed.length() && !Character.isWhitespace(trimmed.charAt(space))
					&& trimmed.charAt(space) != ';') {
				space++;
			}
			if (COMPOUND.contains(trimmed.substring(0, space)) || trimmed.endsWith("()")
					|| ShellScript.parse(trimmed).problem().isPresent()) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Comment lines are left out: inside a continuation the Dockerfile parser would drop
	 * them anyway.
	 */
	private static String joined(List<String> lines, String newline) {
		List<String> commands = new ArrayList<>();
		for (String line : lines) {
			String trimmed = line.strip();
			if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
				commands.add(trimmed);
			}
		}
		if (commands.isEmpty()) {
			return "true";
		}
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < commands.size(); i++) {
			String command = commands.get(i);
			out.append(command);
			if (i < commands.size() - 1) {
				out.append(command.endsWith(";") ? " \\" : "; \\").append(newline).append("    ");
			}
		}
		return out.toString();
	}

	private static String piped(List<String> lines, String newline) {
		StringBuilder out = new StringBuilder("printf '%s\\n'");
		for (String line : lines) {
			out.append(" \\").append(newline).append("    ").append(Quoting.shellQuoteAlways(line));
		}
		return out.append(" \\").append(newline).append("  | sh").toString();
	}

}
