package dev.rebaser.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntUnaryOperator;

/**
 * One Dockerfile instruction with everything it spans: continuation lines, comment lines
 * inside the continuation, heredoc bodies and terminators. The logical line
 * (continuations joined, dropped lines left out) is kept together with a map back to the
 * text, so every derived offset can be located.
 */
public final class Instruction implements Node {

	static final Set<String> KNOWN = Set.of("ADD", "ARG", "CMD", "COPY", "ENTRYPOINT", "ENV", "EXPOSE", "FROM",
			"HEALTHCHECK", "LABEL", "MAINTAINER", "ONBUILD", "RUN", "SHELL", "STOPSIGNAL", "USER", "VOLUME", "WORKDIR");

	private static final Set<String> EXEC_FORM = Set.of("RUN", "CMD", "ENTRYPOINT", "SHELL", "COPY", "ADD", "VOLUME");

	private static final Set<String> SHELLS = Set.of("sh", "bash", "ash", "dash");

	private final SourceText source;

	private final Span span;

	private final String logical;

	private final OffsetMap map;

	private final int keywordStart;

	private final String keywordAsWritten;

	private final String keyword;

	private final List<Flag> flags;

	private final int argsStart;

	private final int argsEnd;

	private final Instruction trigger;

	private List<Heredoc> heredocs = List.of();

	private int[] heredocWords = new int[0];

	// Lazily computed; each field is written once with an immutable value, so sharing a
	// tree between
	// threads at worst computes a value twice.
	private static final ExecForm NOT_COMPUTED = new ExecForm(List.of(), List.of(), false);

	private static final ExecForm NOT_JSON = new ExecForm(List.of(), List.of(), false);

	private String text;

	private String arguments;

	private ExecForm json = NOT_COMPUTED;

	private List<ShellCommand> commands;

	Instruction(SourceText source, Span span, String logical, OffsetMap map, int keywordStart, int keywordEnd,
			List<Flag> flags, int argsStart, int argsEnd, Instruction trigger) {
		this.source = source;
		this.span = span;
		this.logical = logical;
		this.map = map;
		this.keywordStart = keywordStart;
		this.keywordAsWritten = logical.substring(keywordStart, keywordEnd);
		this.keyword = asciiUpperCase(keywordAsWritten);
		this.flags = flags;
		this.argsStart = argsStart;
		this.argsEnd = argsEnd;
		this.trigger = trigger;
	}

	public String keyword() {
		return keyword;
	}

	public String keywordAsWritten() {
		return keywordAsWritten;
	}

	public boolean isKnown() {
		return KNOWN.contains(keyword);
	}

	@Override
	public Span span() {
		return span;
	}

	@Override
	public String text() {
		if (text == null) {
			text = source.text.substring(span.start(), span.end());
		}
		return text;
	}

	public int startLine() {
		return source.lineOf(span.start());
	}

	public int endLine() {
		return source.lineOf(Math.max(span.start(), span.end() - 1));
	}

	public List<Flag> flags() {
		return flags;
	}

	/**
	 * The value of a flag; "" for a flag written without {@code =} such as
	 * {@code --link}.
	 */
	public Optional<String> flag(String name) {
		for (Flag flag : flags) {
			if (flag.name().equals(name)) {
				return Optional.of(flag.value() == null ? "" : flag.value());
			}
		}
		return Optional.empty();
	}

	public String arguments() {
		if (arguments == null) {
			arguments = logical.substring(argsStart, argsEnd);
		}
		return arguments;
	}

	public int toSource(int argumentsOffset) {
		int clamped = Math.max(0, Math.min(argumentsOffset, argsEnd - argsStart));
		return Math.min(map.toSource(argsStart + clamped), span.end());
	}

	public boolean isExecForm() {
		return exec() != null;
	}

	public List<String> execArgs() {
		ExecForm form = exec();
		return form == null ? List.of() : form.values();
	}

	public List<Heredoc> heredocs() {
		return heredocs;
	}

	public Optional<Instruction> trigger() {
		return Optional.ofNullable(trigger);
	}

	public List<ShellCommand> commands() {
		if (commands == null) {
			commands = computeCommands();
		}
		return commands;
	}

	@Override
	public String toString() {
		return "Instruction[" + keyword + " line " + startLine() + "]";
	}

	// ---- package-private, for the parser and stages

	/**
	 * Docker matches keywords case-insensitively in ASCII only; other letters must not
	 * fold into a keyword.
	 */
	static String asciiUpperCase(String word) {
		for (int i = 0; i < word.length(); i++) {
			char c = word.charAt(i);
			if (c >= 'a' && c <= 'z') {
				char[] chars = word.toCharArray();
				for (int k = i; k < chars.length; k++) {
					if (chars[k] >= 'a' && chars[k] <= 'z') {
						chars[k] -= 'a' - 'A';
					}
				}
				return new String(chars);
			}
		}
		return word;
	}

	SourceText source() {
		return source;
	}

	/**
	 * Offset in the text where the keyword is written: errors about the instruction point
	 * here.
	 */
	int keywordOffset() {
		return map.toSource(keywordStart);
	}

	String logical() {
		return logical;
	}

	OffsetMap map() {
		return map;
	}

	int keywordStart() {
		return keywordStart;
	}

	void attachHeredocs(List<Heredoc> found, int[] wordRanges) {
		this.heredocs = found;
		this.heredocWords = wordRanges;
		if (trigger != null) {
			trigger.attachHeredocs(found, wordRanges);
		}
	}

	/** The exec form when the arguments are a JSON array of strings, else null. */
	ExecForm exec() {
		ExecForm form = jsonArray();
		return form != null && form.stringsOnly() ? form : null;
	}

	/**
	 * The arguments as a JSON array, for instructions that have an exec form; null when
	 * they are not one.
	 */
	ExecForm jsonArray() {
		ExecForm form = json;
		if (form == NOT_COMPUTED) {
			form = null;
			if (EXEC_FORM.contains(keyword) && argsEnd > argsStart && logical.charAt(argsStart) == '[') {
				form = ExecForm.parse(arguments());
			}
			json = form == null ? NOT_JSON : form;
			return form;
		}
		return form == NOT_JSON ? null : form;
	}

	private List<ShellCommand> computeCommands() {
		if (!keyword.equals("RUN")) {
			return List.of();
		}
		ExecForm form = exec();
		if (form != null) {
			List<Word> words = new ArrayList<>(form.values().size());
			for (int k = 0; k < form.values().size(); k++) {
				// raw is the JSON string as written, quotes included; literal is its
				// decoded value
				Span token = form.tokens().get(k);
				String raw = arguments().substring(token.start(), token.end());
				words.add(new Word(raw, argumentsToSource(token), form.values().get(k)));
			}
			Span whole = argumentsToSource(new Span(0, argsEnd - argsStart));
			return List.of(new ShellCommand(List.of(), words, List.of(), whole, ""));
		}
		ShellScript script = ShellScript.parse(arguments());
		List<ShellCommand> out = new ArrayList<>();
		boolean onlyHeredoc = heredocs.size() == 1 && heredocWords[0] == argsStart && heredocWords[1] == argsEnd;
		if (!onlyHeredoc) {
			IntUnaryOperator toSource = this::toSource;
			for (ShellCommand command : script.commands()) {
				out.add(remap(command, toSource));
			}
		}
		for (int k = 0; k < heredocs.size(); k++) {
			Heredoc heredoc = heredocs.get(k);
			boolean isScript = onlyHeredoc ? runsAsShell(heredoc.content())
					: readByShell(script, heredocWords[2 * k] - argsStart, heredoc.fd());
			if (isScript) {
				IntUnaryOperator toSource = bodyMap(heredoc)::toSource;
				for (ShellCommand command : ShellScript.parse(heredoc.content()).commands()) {
					out.add(remap(command, toSource));
				}
			}
		}
		return List.copyOf(out);
	}

	/**
	 * Docker runs a lone heredoc through the shell unless it starts with a shebang naming
	 * something else.
	 */
	private static boolean runsAsShell(String content) {
		if (!content.startsWith("#!")) {
			return true;
		}
		int end = content.indexOf('\n');
		List<String> parts = Words.fields(content.substring(2, end < 0 ? content.length() : end).trim());
		if (parts.isEmpty()) {
			return false;
		}
		String interpreter = basename(parts.get(0));
		if (interpreter.equals("env") && parts.size() > 1) {
			interpreter = basename(parts.get(1));
		}
		return SHELLS.contains(interpreter);
	}

	private static boolean readByShell(ShellScript script, int wordOffset, int fd) {
		if (fd > 0) {
			return false;
		}
		for (ShellCommand command : script.commands()) {
			if (command.span().start() <= wordOffset && wordOffset < command.span().end()) {
				Optional<String> name = command.name();
				return name.isPresent() && SHELLS.contains(basename(name.get())) && !command.argv().contains("-c");
			}
		}
		return false;
	}

	private static String basename(String path) {
		return path.substring(path.lastIndexOf('/') + 1);
	}

	private OffsetMap bodyMap(Heredoc heredoc) {
		OffsetMap body = new OffsetMap();
		int start = heredoc.bodySpan().start();
		int end = heredoc.bodySpan().end();
		if (!heredoc.stripTabs()) {
			body.add(0, start);
			return body;
		}
		String text = source.text;
		int derived = 0;
		int line = start;
		while (line < end) {
			int next = text.indexOf('\n', line);
			next = next < 0 || next >= end ? end : next + 1;
			int content = line;
			while (content < next && text.charAt(content) == '\t') {
				content++;
			}
			body.add(derived, content);
			derived += next - content;
			line = next;
		}
		return body;
	}

	private Span argumentsToSource(Span inArguments) {
		int start = toSource(inArguments.start());
		if (inArguments.length() <= 0) {
			return new Span(start, start);
		}
		return new Span(start, toSource(inArguments.end() - 1) + 1);
	}

	private static ShellCommand remap(ShellCommand command, IntUnaryOperator toSource) {
		return new ShellCommand(remap(command.assignments(), toSource), remap(command.words(), toSource),
				remap(command.redirects(), toSource), remap(command.span(), toSource), command.separator());
	}

	private static List<Word> remap(List<Word> words, IntUnaryOperator toSource) {
		List<Word> out = new ArrayList<>(words.size());
		for (Word word : words) {
			out.add(new Word(word.raw(), remap(word.span(), toSource), word.literal()));
		}
		return out;
	}

	private static Span remap(Span span, IntUnaryOperator toSource) {
		int start = toSource.applyAsInt(span.start());
		if (span.length() <= 0) {
			return new Span(start, start);
		}
		return new Span(start, toSource.applyAsInt(span.end() - 1) + 1);
	}

}
