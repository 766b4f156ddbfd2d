package dev.rebaser.dockerfile;

import dev.rebaser.budget.CpuBudget;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One pass over the lines of a Dockerfile, following BuildKit's parser: parser directives
 * at the top, then blank lines, comment lines and instructions (with continuations and
 * heredoc bodies).
 */
final class DockerfileReader {

	private static final Set<String> DIRECTIVES = Set.of("syntax", "escape", "check");

	private static final Set<String> HEREDOC_KEYWORDS = Set.of("RUN", "COPY", "ADD");

	private final SourceText source;

	private final String text;

	private final int n;

	private final List<Node> nodes = new ArrayList<>();

	private final List<Directive> directives = new ArrayList<>();

	private final List<Instruction> instructions = new ArrayList<>();

	private int bomLength;

	DockerfileReader(SourceText source) {
		this.source = source;
		this.text = source.text;
		this.n = text.length();
	}

	Dockerfile read() {
		if (n > 0 && text.charAt(0) == '\uFEFF') {
			bomLength = 1;
			nodes.add(new Trivia(Trivia.Kind.BOM, new Span(0, 1), text.substring(0, 1)));
		}
		int line = readDirectives();
		while (hasLine(line)) {
			CpuBudget.check();
			int start = lineStart(line);
			int end = lineEnd(line);
			int contentEnd = contentEnd(line);
			int first = Whitespace.skipSpace(text, start, contentEnd);
			if (first == contentEnd) {
				nodes.add(new Trivia(Trivia.Kind.BLANK, new Span(start, end), text.substring(start, end)));
				line++;
			}
			else if (text.charAt(first) == '#') {
				nodes.add(new Trivia(Trivia.Kind.COMMENT, new Span(start, end), text.substring(start, end)));
				line++;
			}
			else {
				line = readInstruction(line);
			}
		}
		return new Dockerfile(source, nodes, instructions, directives, Stages.build(source, instructions));
	}

	// ---- lines

	private boolean hasLine(int line) {
		return line < source.lineCount && lineStart(line) < n;
	}

	private int lineStart(int line) {
		return line == 0 ? bomLength : source.lineStarts[line];
	}

	private int lineEnd(int line) {
		return line + 1 < source.lineCount ? source.lineStarts[line + 1] : n;
	}

	/**
	 * End of the line without its line break; like Docker, every trailing CR and LF is
	 * dropped.
	 */
	private int contentEnd(int line) {
		int start = lineStart(line);
		int end = lineEnd(line);
		while (end > start && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
			end--;
		}
		return end;
	}

	/**
	 * Where the escape char of a line continuation stands (trailing blanks allowed after
	 * it), or -1.
	 */
	private int continuationAt(int start, int contentEnd) {
		int i = contentEnd;
		while (i > start && (text.charAt(i - 1) == ' ' || text.charAt(i - 1) == '\t')) {
			i--;
		}
		return i > start && text.charAt(i - 1) == source.escape ? i - 1 : -1;
	}

	// ---- directives

	private int readDirectives() {
		int line = 0;
		while (hasLine(line)) {
			int start = lineStart(line);
			int contentEnd = contentEnd(line);
			int p = Whitespace.skipSpace(text, start, contentEnd);
			if (p >= contentEnd || text.charAt(p) != '#') {
				return line;
			}
			p = skipRegexSpace(p + 1, contentEnd);
			int keyStart = p;
			if (p >= contentEnd || !isAsciiLetter(text.charAt(p))) {
				return line;
			}
			while (p < contentEnd && (isAsciiLetter(text.charAt(p)) || isAsciiDigit(text.charAt(p)))) {
				p++;
			}
			int keyEnd = p;
			p = skipRegexSpace(p, contentEnd);
			if (p >= contentEnd || text.charAt(p) != '=') {
				return line;
			}
			int valueStart = skipRegexSpace(p + 1, contentEnd);
			int valueEnd = contentEnd;
			while (valueEnd > valueStart && isRegexSpace(text.charAt(valueEnd - 1))) {
				valueEnd--;
			}
			if (valueEnd == valueStart) {
				return line;
			}
			String name = text.substring(keyStart, keyEnd).toLowerCase(Locale.ROOT);
			if (!DIRECTIVES.contains(name)) {
				// an unknown directive-like comment ends the directive block, as in
				// Docker
				return line;
			}
			for (Directive seen : directives) {
				if (seen.name().equals(name)) {
					throw source.error(keyStart, "only one " + name + " parser directive can be used");
				}
			}
			String value = text.substring(valueStart, valueEnd);
			if (name.equals("escape")) {
				if (!value.equals("\\") && !value.equals("`")) {
					throw source.error(valueStart, "invalid escape token '" + value + "' does not match ` or \\");
				}
				source.escape = value.charAt(0);
			}
			int end = lineEnd(line);
			Directive directive = new Directive(name, value, new Span(start, end), text.substring(start, end));
			directives.add(directive);
			nodes.add(directive);
			line++;
		}
		return line;
	}

	/** Go's regexp \s: [\t\n\f\r ]. */
	private static boolean isRegexSpace(char c) {
		return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
	}

	private int skipRegexSpace(int p, int end) {
		while (p < end && isRegexSpace(text.charAt(p))) {
			p++;
		}
		return p;
	}

	private static boolean isAsciiLetter(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
	}

	private static boolean isAsciiDigit(char c) {
		return c >= '0' && c <= '9';
	}

	// ---- instructions

	private int readInstruction(int firstLine) {
		int start = lineStart(firstLine);
		int contentEnd = contentEnd(firstLine);
		OffsetMap map = new OffsetMap();
		map.add(0, start);
		String logical;
		int line = firstLine;
		int escapeAt = continuationAt(start, contentEnd);
		if (escapeAt < 0) {
			logical = text.substring(start, contentEnd);
		}
		else {
			StringBuilder joined = new StringBuilder(128);
			joined.append(text, start, escapeAt);
			boolean continued = true;
			while (continued && hasLine(line + 1)) {
				line++;
				int lineStart = source.lineStarts[line];
				int lineContentEnd = contentEnd(line);
				int first = Whitespace.skipSpace(text, lineStart, lineContentEnd);
				if (first == lineContentEnd || text.charAt(first) == '#') {
					// empty and comment lines inside a continuation belong to the
					// instruction but not its arguments
					continue;
				}
				map.add(joined.length(), lineStart);
				int lineEscape = continuationAt(lineStart, lineContentEnd);
				if (lineEscape < 0) {
					joined.append(text, lineStart, lineContentEnd);
					continued = false;
				}
				else {
					joined.append(text, lineStart, lineEscape);
				}
			}
			logical = joined.toString();
		}
		int keywordStart = Whitespace.skipSpace(logical, 0, logical.length());
		if (keywordStart == logical.length()) {
			throw source.error(start, "line continuation without an instruction");
		}
		Instruction instruction = instruction(logical, map, keywordStart, new Span(start, lineEnd(line)), 0);
		Instruction target = instruction.trigger().orElse(instruction);
		if (HEREDOC_KEYWORDS.contains(target.keyword()) && logical.contains("<<") && target.exec() == null) {
			HeredocsRead read = readHeredocs(logical, map, line);
			if (!read.heredocs().isEmpty()) {
				line = read.lastLine();
				instruction = instruction(logical, map, keywordStart, new Span(start, lineEnd(line)), 0);
				instruction.attachHeredocs(read.heredocs(), read.markers());
			}
		}
		InstructionRules.check(instruction);
		nodes.add(instruction);
		instructions.add(instruction);
		return line + 1;
	}

	/**
	 * Builds the instruction whose keyword starts at keywordStart of the logical line
	 * (ONBUILD nests once).
	 */
	private Instruction instruction(String logical, OffsetMap map, int keywordStart, Span span, int depth) {
		int end = logical.length();
		int keywordEnd = keywordStart;
		while (keywordEnd < end && !Whitespace.isSeparator(logical.charAt(keywordEnd))) {
			keywordEnd++;
		}
		List<Flag> flags = new ArrayList<>(0);
		int argsStart = readFlags(logical, keywordEnd, end, map, flags);
		int argsEnd = Whitespace.trimSpaceEnd(logical, argsStart, end);
		Instruction trigger = null;
		boolean onbuild = keywordEnd - keywordStart == 7
				&& Instruction.asciiUpperCase(logical.substring(keywordStart, keywordEnd)).equals("ONBUILD");
		if (onbuild && argsEnd > argsStart) {
			Span triggerSpan = new Span(map.toSource(argsStart), span.end());
			if (depth > 0) {
				// ONBUILD ONBUILD is rejected by InstructionRules; do not nest further
				return new Instruction(source, span, logical, map, keywordStart, keywordEnd, List.copyOf(flags),
						argsStart, argsEnd, null);
			}
			trigger = instruction(logical, map, argsStart, triggerSpan, depth + 1);
		}
		return new Instruction(source, span, logical, map, keywordStart, keywordEnd, List.copyOf(flags), argsStart,
				argsEnd, trigger);
	}

	/**
	 * Docker's builder flags: leading words starting with "--", quotes and backslashes
	 * removed, a bare "--" ending them. Returns where the arguments start.
	 */
	private static int readFlags(String logical, int from, int end, OffsetMap map, List<Flag> flags) {
		int pos = from;
		StringBuilder word = new StringBuilder();
		while (true) {
			pos = Whitespace.skipSpace(logical, pos, end);
			if (pos >= end) {
				return end;
			}
			if (logical.charAt(pos) != '-' || pos + 1 >= end || logical.charAt(pos + 1) != '-') {
				return pos;
			}
			int wordStart = pos;
			word.setLength(0);
			char quote = 0;
			boolean blankOk = false;
			while (pos < end) {
				char c = logical.charAt(pos);
				if (quote == 0) {
					if (Whitespace.isSpace(c)) {
						break;
					}
					if (c == '\'' || c == '"') {
						quote = c;
						blankOk = true;
						pos++;
						continue;
					}
				}
				else if (c == quote) {
					quote = 0;
					pos++;
					continue;
				}
				if (c == '\\') {
					if (pos + 1 >= end) {
						quote = 0;
						pos++;
						continue;
					}
					pos++;
					c = logical.charAt(pos);
				}
				word.append(c);
				pos++;
			}
			if (word.length() == 2 && word.charAt(0) == '-' && word.charAt(1) == '-') {
				return Whitespace.skipSpace(logical, pos, end);
			}
			if (blankOk || word.length() > 0) {
				String body = word.substring(Math.min(2, word.length()));
				int eq = body.indexOf('=');
				Span span = map.toSource(new Span(wordStart, pos));
				flags.add(eq < 0 ? new Flag(body, null, span)
						: new Flag(body.substring(0, eq), body.substring(eq + 1), span));
			}
		}
	}

	// ---- heredocs

	/**
	 * Finds the heredoc markers of the logical line the way BuildKit does (whole shell
	 * words matching {@code [fd]<<[-]name}) and reads their bodies from the following
	 * lines, in order.
	 */
	private HeredocsRead readHeredocs(String logical, OffsetMap map, int lastLine) {
		int[] words = Words.ranges(logical, 0, logical.length(), '\\');
		List<Heredoc> found = new ArrayList<>(1);
		int[] markers = new int[0];
		int line = lastLine;
		for (int k = 0; k < words.length; k += 2) {
			HeredocMarker marker = HeredocMarker.parse(logical, words[k], words[k + 1]);
			if (marker == null) {
				continue;
			}
			int bodyStart = hasLine(line + 1) ? source.lineStarts[line + 1] : n;
			Span terminator = null;
			while (hasLine(line + 1)) {
				line++;
				int lineStart = source.lineStarts[line];
				int lineContentEnd = contentEnd(line);
				int p = lineStart;
				if (marker.stripTabs()) {
					while (p < lineContentEnd && text.charAt(p) == '\t') {
						p++;
					}
				}
				if (lineContentEnd - p == marker.name().length()
						&& text.regionMatches(p, marker.name(), 0, marker.name().length())) {
					terminator = new Span(lineStart, lineContentEnd);
					break;
				}
			}
			if (terminator == null) {
				int at = map.toSource(words[k]);
				throw source.error(at,
						"unterminated heredoc <<" + marker.name() + " (no line \"" + marker.name() + "\" ends it)");
			}
			Span body = new Span(bodyStart, terminator.start());
			String content = marker.stripTabs() ? stripTabs(body) : text.substring(body.start(), body.end());
			found.add(new Heredoc(marker.name(), marker.stripTabs(), marker.quoted(), marker.fd(), body, terminator,
					content));
			markers = java.util.Arrays.copyOf(markers, markers.length + 2);
			markers[markers.length - 2] = words[k];
			markers[markers.length - 1] = words[k + 1];
		}
		return new HeredocsRead(List.copyOf(found), markers, line);
	}

	/**
	 * The heredocs of an instruction, their marker words in its logical line, and its new
	 * last line.
	 */
	private record HeredocsRead(List<Heredoc> heredocs, int[] markers, int lastLine) {
	}

	private String stripTabs(Span body) {
		StringBuilder content = new StringBuilder(body.length());
		int line = body.start();
		while (line < body.end()) {
			int next = text.indexOf('\n', line);
			next = next < 0 || next >= body.end() ? body.end() : next + 1;
			int p = line;
			while (p < next && text.charAt(p) == '\t') {
				p++;
			}
			content.append(text, p, next);
			line = next;
		}
		return content.toString();
	}

}
