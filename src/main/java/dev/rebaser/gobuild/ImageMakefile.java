package dev.rebaser.gobuild;

import dev.rebaser.budget.CpuBudget;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the Makefile of one of Kubernetes' e2e test image folders, without running make,
 * and says which Go programs its {@code bin} target builds: Kubernetes' convention is a
 * {@code SRCS} list and a {@code bin} target whose one command is
 * {@code ../image-util.sh bin $(SRCS)}, which runs {@code go build} for each word of
 * SRCS. A Makefile of any other shape is an {@link MakefileReading.OtherShape} that says
 * what differs and where, and its image is rebuilt from its Dockerfile alone.
 *
 * <p>
 * Understood: assignments with {@code =}, {@code :=}, {@code ::=}, {@code ?=} and
 * {@code +=} (with or without spaces, behind {@code export} or {@code override}),
 * backslash continuations, {@code #} comments, {@code export}, and plain references to
 * the file's own variables. Not evaluated, so reported: conditionals, includes,
 * {@code define}, make functions such as {@code $(shell …)}, and {@code !=}, wherever
 * SRCS, GOLANG_VERSION, LD_FLAGS or GOFLAGS depend on them. The work is linear in the
 * file, which may be at most {@value #MAX_CHARS} characters and list at most
 * {@value #MAX_SRCS} programs.
 */
public final class ImageMakefile {

	static final int MAX_CHARS = 256 * 1024;

	static final int MAX_SRCS = 10_000;

	static final String RECIPE = "../image-util.sh bin $(SRCS)";

	private static final Set<String> UNEVALUATED = Set.of("ifeq", "ifneq", "ifdef", "ifndef", "else", "endif", "define",
			"endef", "include", "-include", "sinclude");

	private static final String SHELL_METACHARACTERS = "|&;<>()$`\\\"'*?[]#~!{}=%";

	private record RecipeLine(String command, int line) {
	}

	private final MakeVariables variables = new MakeVariables();

	private final List<RecipeLine> binRecipe = new ArrayList<>();

	private int srcsLine;

	private int binLine;

	private boolean inRule;

	private boolean inBinRule;

	private ImageMakefile() {
	}

	/** Never throws: whatever cannot be read is an {@link MakefileReading.OtherShape}. */
	public static MakefileReading read(String makefileText) {
		String text = makefileText == null ? "" : makefileText;
		if (text.length() > MAX_CHARS) {
			return new MakefileReading.OtherShape(
					"the Makefile is longer than " + MAX_CHARS + " characters; no image Makefile is", 0);
		}
		try {
			return new ImageMakefile().readLines(MakefileLines.split(text));
		}
		catch (MakeError e) {
			return e.toOtherShape();
		}
		catch (CpuBudget.Exceeded e) {
			throw e;
		}
		catch (RuntimeException e) {
			// A bug in this reader must not take the caller down; say so instead.
			return new MakefileReading.OtherShape(
					"the Makefile could not be read: " + e.getClass().getSimpleName() + ": " + e.getMessage(), 0);
		}
	}

	private MakefileReading readLines(List<MakefileLines.Line> lines) {
		for (MakefileLines.Line line : lines) {
			CpuBudget.check();
			if (line.recipeLike() && inRule) {
				String command = line.text().text().strip();
				if (inBinRule && !command.isEmpty() && !command.startsWith("#")) {
					binRecipe.add(new RecipeLine(command, line.line()));
				}
				continue;
			}
			LinedText statement = withoutComment(line.text()).strip();
			if (statement.length() > 0) {
				inRule = false;
				statement(statement, line.line());
			}
		}
		return binaries();
	}

	private void statement(LinedText text, int line) {
		String first = firstWord(text.text());
		if (UNEVALUATED.contains(first)) {
			throw new MakeError("the Makefile uses " + first + ", which the reader does not evaluate", line);
		}
		if (first.equals("export") || first.equals("unexport") || first.equals("override")) {
			LinedText rest = text.sub(first.length(), text.length()).strip();
			if (!assignment(rest, line) && first.equals("override")) {
				throw new MakeError("override is not followed by an assignment", line);
			}
			return;
		}
		if (first.equals("vpath") || assignment(text, line) || rule(text, line)) {
			return;
		}
		throw new MakeError("the line is neither a variable assignment nor a rule: " + shorten(text.text()), line);
	}

	private boolean assignment(LinedText text, int line) {
		String s = text.text();
		int at = operator(s);
		if (at < 0) {
			return false;
		}
		String op;
		int nameEnd = at;
		int valueStart;
		if (s.charAt(at) == '=') {
			boolean prefixed = at > 0 && "?+!".indexOf(s.charAt(at - 1)) >= 0;
			op = prefixed ? s.charAt(at - 1) + "=" : "=";
			nameEnd = prefixed ? at - 1 : at;
			valueStart = at + 1;
		}
		else if (s.startsWith(":=", at) || s.startsWith("::=", at)) {
			op = ":=";
			valueStart = s.indexOf('=', at) + 1;
		}
		else {
			return false;
		}
		String name = s.substring(0, nameEnd).strip();
		if (!isPlainName(name)) {
			throw new MakeError("the assignment to '" + shorten(name)
					+ "' does not name a plain variable, so the reader cannot tell what it sets", line);
		}
		variables.assign(name, op, text.sub(valueStart, text.length()).strip(), line);
		if (name.equals("SRCS") && srcsLine == 0) {
			srcsLine = line;
		}
		return true;
	}

	private boolean rule(LinedText text, int line) {
		String s = text.text();
		int colon = operator(s);
		if (colon < 0 || s.charAt(colon) != ':') {
			return false;
		}
		List<String> targets = words(s.substring(0, colon));
		String rest = s.substring(s.startsWith("::", colon) ? colon + 2 : colon + 1);
		String inline = null;
		int semicolon = rest.indexOf(';');
		if (semicolon >= 0) {
			inline = rest.substring(semicolon + 1).strip();
			rest = rest.substring(0, semicolon);
		}
		inRule = true;
		inBinRule = targets.contains("bin");
		if (inBinRule) {
			if (rest.indexOf('=') >= 0) {
				throw new MakeError("the bin target sets a variable of its own: " + shorten(rest.strip()), line);
			}
			if (!words(rest).isEmpty()) {
				throw new MakeError("bin depends on " + shorten(rest.strip()) + ", which image-util.sh does not build",
						line);
			}
			if (binLine == 0) {
				binLine = line;
			}
			if (inline != null && !inline.isEmpty()) {
				binRecipe.add(new RecipeLine(inline, line));
			}
		}
		return true;
	}

	private MakefileReading binaries() {
		if (!variables.defined("SRCS")) {
			throw new MakeError("the Makefile does not set SRCS, the Go programs image-util.sh builds", 0);
		}
		if (binLine == 0) {
			throw new MakeError("the Makefile has no bin target", 0);
		}
		if (binRecipe.isEmpty()) {
			throw new MakeError("the bin target has no recipe", binLine);
		}
		for (RecipeLine recipe : binRecipe) {
			String command = String.join(" ", words(recipe.command()));
			if (!command.equals(RECIPE) && !command.equals("../image-util.sh bin ${SRCS}")) {
				throw new MakeError("the bin target runs '" + shorten(command) + "', where the convention is '" + RECIPE
						+ "' alone", recipe.line());
			}
		}
		if (binRecipe.size() > 1) {
			throw new MakeError("the bin target runs '" + RECIPE + "' more than once", binRecipe.get(1).line());
		}
		List<GoBinary> binaries = srcs(variables.value("SRCS"));
		if (binaries.isEmpty()) {
			throw new MakeError("SRCS is empty", srcsLine);
		}
		Optional<String> golangVersion = optional("GOLANG_VERSION").filter(version -> !version.equals("latest"));
		return new MakefileReading.GoBinaries(binaries, golangVersion, optional("LD_FLAGS"), optional("GOFLAGS"),
				srcsLine);
	}

	private List<GoBinary> srcs(LinedText value) {
		List<GoBinary> binaries = new ArrayList<>();
		String text = value.text();
		int i = 0;
		while (i < text.length()) {
			CpuBudget.check();
			if (Character.isWhitespace(text.charAt(i))) {
				i++;
				continue;
			}
			int start = i;
			while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
				i++;
			}
			if (binaries.size() == MAX_SRCS) {
				throw new MakeError("SRCS lists more than " + MAX_SRCS + " programs", srcsLine);
			}
			String src = text.substring(start, i);
			int line = value.lineAt(start);
			String problem = problem(src);
			if (problem != null) {
				throw new MakeError("the SRC '" + shorten(src) + "' " + problem, line);
			}
			binaries.add(GoBinary.of(src, line));
		}
		return binaries;
	}

	/** What makes a word of SRCS unfit to be a folder and a file name, or null. */
	private static String problem(String src) {
		for (int i = 0; i < src.length(); i++) {
			char c = src.charAt(i);
			if (SHELL_METACHARACTERS.indexOf(c) >= 0) {
				return "contains the shell metacharacter '" + c + "'";
			}
			if (!(c < 128 && (Character.isLetterOrDigit(c) || "._+-/".indexOf(c) >= 0))) {
				return "contains '" + c + "', which is not a letter, digit, '.', '_', '+', '-' or '/'";
			}
		}
		if (src.startsWith("/")) {
			return "is an absolute path";
		}
		if (src.startsWith("-")) {
			return "starts with '-', which go build would take for a flag";
		}
		for (String segment : src.split("/", -1)) {
			if (segment.equals("..")) {
				return "climbs out of the image folder with '..'";
			}
			if (segment.isEmpty() || segment.equals(".")) {
				return "is not a clean relative path";
			}
		}
		return null;
	}

	private Optional<String> optional(String name) {
		if (!variables.defined(name)) {
			return Optional.empty();
		}
		String value = variables.value(name).text().strip();
		return value.isEmpty() ? Optional.empty() : Optional.of(value);
	}

	/**
	 * The index of the first ':' or '=' outside a variable reference, where an assignment
	 * or a rule is told apart; -1 if there is none.
	 */
	private static int operator(String s) {
		int depth = 0;
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c == '$' && i + 1 < s.length() && (s.charAt(i + 1) == '(' || s.charAt(i + 1) == '{')) {
				depth++;
				i++;
			}
			else if (depth > 0 && (c == ')' || c == '}')) {
				depth--;
			}
			else if (depth == 0 && (c == ':' || c == '=')) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * The text before its comment: make ends a line at '#' unless a backslash escapes it.
	 */
	private static LinedText withoutComment(LinedText text) {
		LinedText.Builder out = new LinedText.Builder();
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == '#') {
				out.append('#', text.lineAt(i));
				i++;
			}
			else if (c == '#') {
				break;
			}
			else {
				out.append(c, text.lineAt(i));
			}
		}
		return out.build();
	}

	static boolean isPlainName(String name) {
		if (name.isEmpty()) {
			return false;
		}
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (!(c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-'))) {
				return false;
			}
		}
		return true;
	}

	private static String firstWord(String text) {
		int end = 0;
		while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
			end++;
		}
		return text.substring(0, end);
	}

	private static List<String> words(String text) {
		List<String> words = new ArrayList<>();
		for (String word : text.strip().split("\\s+")) {
			if (!word.isEmpty()) {
				words.add(word);
			}
		}
		return words;
	}

	/** Text for a reason: at most 60 characters. */
	static String shorten(String text) {
		return text.length() <= 60 ? text : text.substring(0, 57) + "...";
	}

}
