package dev.rebaser.dockerfile;

import dev.rebaser.dockerfile.ShellLexer.Kind;
import dev.rebaser.dockerfile.ShellLexer.Token;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the simple commands of a script from the lexer's tokens. It does not build a
 * tree: it only tracks enough of the compound-command grammar (reserved words, for
 * headers, case patterns, function headers) to know which words belong to a simple
 * command, and a stack of open constructs to report what was left unclosed.
 */
final class ShellParser {

	private enum Mode {

		COMMAND, FOR_HEADER, CASE_SUBJECT, CASE_IN, CASE_PATTERN, FUNCTION_NAME, FUNCTION_PARENS

	}

	/** An open compound command: its opening word and where it was. */
	private record Frame(String opener, int offset) {
	}

	private final ShellLexer lexer;

	private final List<String> problems;

	private final List<ShellCommand> commands = new ArrayList<>();

	private final Deque<Frame> open = new ArrayDeque<>();

	/**
	 * How many of each opener are open, so that a closing word matching none fails at
	 * once instead of looking through them all.
	 */
	private final Map<String, Integer> openers = new HashMap<>();

	/** Open constructs looked at while closing one. */
	private long framesVisited;

	private Token pushedBack;

	private Mode mode = Mode.COMMAND;

	private List<Word> assignments = new ArrayList<>(2);

	private List<Word> words = new ArrayList<>(8);

	private List<Word> redirects = new ArrayList<>(2);

	private int commandStart = -1;

	private int commandEnd = -1;

	/** Just after fi/done/esac/}/): redirections there belong to the compound command. */
	private boolean afterCompound;

	/** Inside bash's [[ … ]], where && || ( ) < > are operands, not operators. */
	private boolean inTest;

	ShellParser(String source, List<String> problems) {
		this.lexer = new ShellLexer(source, problems);
		this.problems = problems;
	}

	List<ShellCommand> parse() {
		while (true) {
			Token t = next();
			if (t.kind() == Kind.END) {
				finish("");
				break;
			}
			switch (mode) {
				case COMMAND -> command(t);
				case FOR_HEADER -> forHeader(t);
				case CASE_SUBJECT -> caseSubject(t);
				case CASE_IN -> caseIn(t);
				case CASE_PATTERN -> casePattern(t);
				case FUNCTION_NAME -> functionName(t);
				case FUNCTION_PARENS -> functionParens(t);
			}
		}
		for (Frame f : open) {
			problems.add("unclosed '" + f.opener() + "' at offset " + f.offset());
		}
		return commands;
	}

	private Token next() {
		if (pushedBack != null) {
			Token t = pushedBack;
			pushedBack = null;
			return t;
		}
		return lexer.next();
	}

	private boolean isEmpty() {
		return commandStart < 0;
	}

	// ---- simple commands ----

	private void command(Token t) {
		switch (t.kind()) {
			case NEWLINE -> finish("\n");
			case ARITHMETIC -> {
				if (isEmpty()) {
					afterCompound = true; // (( … )) is a command of its own, not a simple
											// one
				}
				else {
					add(words, wordOf(t));
				}
			}
			case REDIRECT -> redirect(t);
			case OPERATOR -> operator(t);
			case WORD -> word(t);
			default -> {
			}
		}
	}

	private void operator(Token t) {
		String op = t.text();
		if (inTest && (op.equals("&&") || op.equals("||") || op.equals("(") || op.equals(")"))) {
			add(words, new Word(op, new Span(t.start(), t.end()), op));
			return;
		}
		switch (op) {
			case "(" -> {
				if (words.size() == 1 && assignments.isEmpty() && redirects.isEmpty()) {
					Token close = next();
					if (close.isOperator(")")) {
						discard(); // name() { … }: a function definition, not a command
						return;
					}
					pushedBack = close;
				}
				if (!isEmpty()) {
					problems.add("unexpected '(' at offset " + t.start());
					finish("");
				}
				push(new Frame("(", t.start()));
			}
			case ")" -> {
				finish("");
				if (!close("(")) {
					problems.add("unexpected ')' at offset " + t.start());
				}
				afterCompound = true;
			}
			case ";;", ";&", ";;&" -> {
				finish(op);
				if (!open.isEmpty() && open.peek().opener().equals("case")) {
					mode = Mode.CASE_PATTERN;
				}
				else {
					problems.add("unexpected '" + op + "' at offset " + t.start());
				}
			}
			default -> {
				if (isEmpty() && !afterCompound && !op.equals(";")) {
					problems.add("unexpected '" + op + "' at offset " + t.start());
				}
				finish(op);
			}
		}
	}

	private void redirect(Token t) {
		String op = t.text();
		if (inTest && (op.equals("<") || op.equals(">"))) {
			add(words, new Word(op, new Span(t.start(), t.end()), op));
			return;
		}
		Token target = pushedBack != null ? next() : lexer.nextTarget();
		Word w;
		if (target.kind() == Kind.WORD) {
			String lit = target.literal() == null ? null : op + target.literal();
			w = new Word(lexer.text(t.start(), target.end()), new Span(t.start(), target.end()), lit);
			if ((op.endsWith("<<") && !op.endsWith("<<<")) || op.endsWith("<<-")) {
				lexer.expectHeredoc(ShellLexer.heredocDelimiter(target.text()), op.endsWith("-"), t.start());
			}
		}
		else {
			problems.add("redirection '" + op + "' without a target at offset " + t.start());
			w = new Word(op, new Span(t.start(), t.end()), null);
			pushedBack = target;
		}
		if (isEmpty() && afterCompound) {
			return; // e.g. "done < file": it redirects the loop, which is not a simple
					// command
		}
		add(redirects, w);
	}

	private void word(Token t) {
		String raw = t.text();
		if (isEmpty()) {
			if (reservedWord(t)) {
				return;
			}
			afterCompound = false;
			if (raw.equals("[[")) {
				inTest = true;
			}
		}
		if (words.isEmpty() && isAssignment(raw)) {
			add(assignments, wordOf(t));
			return;
		}
		if (inTest && raw.equals("]]")) {
			inTest = false;
		}
		add(words, wordOf(t));
	}

	/**
	 * Handles a reserved word in command position; false when the word is an ordinary
	 * one.
	 */
	private boolean reservedWord(Token t) {
		switch (t.text()) {
			case "if", "while", "until", "{" -> push(new Frame(t.text(), t.start()));
			case "then", "else", "elif", "do", "!" -> {
			}
			case "fi" -> closeCompound("if", t);
			case "done" -> {
				if (!close("while") && !close("until") && !close("for") && !close("select")) {
					problems.add("unexpected 'done' at offset " + t.start());
				}
				afterCompound = true;
			}
			case "esac" -> closeCompound("case", t);
			case "}" -> closeCompound("{", t);
			case "for", "select" -> {
				push(new Frame(t.text(), t.start()));
				mode = Mode.FOR_HEADER;
			}
			case "case" -> {
				push(new Frame("case", t.start()));
				mode = Mode.CASE_SUBJECT;
			}
			case "function" -> mode = Mode.FUNCTION_NAME;
			default -> {
				return false;
			}
		}
		return true;
	}

	private void closeCompound(String opener, Token t) {
		if (!close(opener)) {
			problems.add("unexpected '" + t.text() + "' at offset " + t.start());
		}
		afterCompound = true;
	}

	/** Closes the innermost open construct of that kind, and any left open inside it. */
	private boolean close(String opener) {
		if (openers.getOrDefault(opener, 0) == 0) {
			return false;
		}
		while (true) {
			framesVisited++;
			Frame top = open.pop();
			openers.merge(top.opener(), -1, Integer::sum);
			if (top.opener().equals(opener)) {
				return true;
			}
			problems.add("unclosed '" + top.opener() + "' at offset " + top.offset());
		}
	}

	private void push(Frame frame) {
		open.push(frame);
		openers.merge(frame.opener(), 1, Integer::sum);
	}

	/**
	 * Characters the lexer read and open constructs the parser looked at: what the
	 * complexity tests compare.
	 */
	long work() {
		return lexer.reads + framesVisited;
	}

	private static Word wordOf(Token t) {
		return new Word(t.text(), new Span(t.start(), t.end()), t.literal());
	}

	private void add(List<Word> list, Word w) {
		if (commandStart < 0) {
			commandStart = w.span().start();
		}
		commandEnd = w.span().end();
		list.add(w);
	}

	private void finish(String separator) {
		inTest = false;
		if (isEmpty()) {
			if (!separator.isEmpty()) {
				afterCompound = false;
			}
			return;
		}
		commands.add(new ShellCommand(assignments, words, redirects, new Span(commandStart, commandEnd), separator));
		discard();
		afterCompound = false;
	}

	private void discard() {
		assignments.clear();
		words.clear();
		redirects.clear();
		commandStart = -1;
		commandEnd = -1;
	}

	/** NAME=…, NAME+=… or NAME[index]=… */
	static boolean isAssignment(String raw) {
		int n = raw.length();
		if (n < 2) {
			return false;
		}
		char c = raw.charAt(0);
		if (!(c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
			return false;
		}
		int i = 1;
		while (i < n && ShellLexer.isNameChar(raw.charAt(i))) {
			i++;
		}
		if (i < n && raw.charAt(i) == '[') {
			int close = raw.indexOf(']', i);
			if (close < 0) {
				return false;
			}
			i = close + 1;
		}
		if (i < n && raw.charAt(i) == '+') {
			i++;
		}
		return i < n && raw.charAt(i) == '=';
	}

	// ---- compound command headers: consumed, never reported ----

	private void forHeader(Token t) {
		if (t.kind() == Kind.NEWLINE || t.isOperator(";")) {
			mode = Mode.COMMAND;
		}
		else if (t.kind() == Kind.WORD && t.text().equals("do")) {
			mode = Mode.COMMAND; // "for x do …": no list and no separator
		}
		else if (t.kind() == Kind.REDIRECT || (t.kind() == Kind.OPERATOR && !t.isOperator("(") && !t.isOperator(")"))) {
			problems.add("unexpected '" + t.text() + "' in a for header at offset " + t.start());
			mode = Mode.COMMAND;
			pushedBack = t;
		}
	}

	private void caseSubject(Token t) {
		if (t.kind() == Kind.WORD) {
			mode = Mode.CASE_IN;
		}
		else if (t.kind() != Kind.NEWLINE) {
			problems.add("case without a subject at offset " + t.start());
			mode = Mode.CASE_PATTERN;
			pushedBack = t;
		}
	}

	private void caseIn(Token t) {
		if (t.kind() == Kind.NEWLINE) {
			return;
		}
		mode = Mode.CASE_PATTERN;
		if (!(t.kind() == Kind.WORD && t.text().equals("in"))) {
			problems.add("expected 'in' at offset " + t.start());
			pushedBack = t;
		}
	}

	private void casePattern(Token t) {
		if (t.kind() == Kind.WORD && t.text().equals("esac")) {
			mode = Mode.COMMAND;
			closeCompound("case", t);
		}
		else if (t.isOperator(")")) {
			mode = Mode.COMMAND;
		}
		// words, '|', a leading '(' and blank lines are all part of the pattern list
	}

	private void functionName(Token t) {
		if (t.kind() == Kind.WORD) {
			mode = Mode.FUNCTION_PARENS;
		}
		else if (t.kind() != Kind.NEWLINE) {
			problems.add("function without a name at offset " + t.start());
			mode = Mode.COMMAND;
			pushedBack = t;
		}
	}

	private void functionParens(Token t) {
		if (t.isOperator("(")) {
			return;
		}
		mode = Mode.COMMAND;
		if (!t.isOperator(")") && t.kind() != Kind.NEWLINE) {
			pushedBack = t;
		}
	}

}
