package dev.rebaser.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntUnaryOperator;

/**
 * A simple command: leading {@code NAME=value} assignments, the argv words and the
 * redirections, with the span from its first to its last item and the operator that
 * follows it.
 *
 * <p>
 * A redirection's word covers the operator, any blanks and the target
 * ({@code "> /dev/null"}); its literal is operator and target value without the blanks
 * ({@code ">/dev/null"}). {@code separator} is one of {@code && || ; | |& & \n}, a case
 * terminator {@code ;; ;& ;;&}, or "" when nothing follows or the command ends a subshell
 * ({@code (a)}).
 */
public record ShellCommand(List<Word> assignments, List<Word> words, List<Word> redirects, Span span,
		String separator) {

	public ShellCommand {
		assignments = List.copyOf(assignments);
		words = List.copyOf(words);
		redirects = List.copyOf(redirects);
	}

	public List<String> argv() {
		List<String> argv = new ArrayList<>(words.size());
		for (Word w : words) {
			argv.add(w.raw());
		}
		return argv;
	}

	public Optional<String> name() {
		return words.isEmpty() ? Optional.empty() : Optional.ofNullable(words.get(0).literal());
	}

	/**
	 * The same command with every span mapped through {@code toSource}, e.g. into a
	 * Dockerfile's text.
	 */
	public ShellCommand shifted(IntUnaryOperator toSource) {
		return new ShellCommand(shift(assignments, toSource), shift(words, toSource), shift(redirects, toSource),
				map(span, toSource), separator);
	}

	private static List<Word> shift(List<Word> list, IntUnaryOperator toSource) {
		List<Word> out = new ArrayList<>(list.size());
		for (Word w : list) {
			out.add(w.shifted(toSource));
		}
		return out;
	}

	/**
	 * Maps by the last char rather than the end, so a span never stretches over text the
	 * mapping skips.
	 */
	static Span map(Span span, IntUnaryOperator toSource) {
		int start = toSource.applyAsInt(span.start());
		if (span.length() <= 0) {
			return new Span(start, start);
		}
		return new Span(start, toSource.applyAsInt(span.end() - 1) + 1);
	}
}
