package dev.rebaser.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shell analyser's work, counted in characters the lexer reads and open constructs
 * the parser looks at, grows with the script and no faster, for scripts shaped to make a
 * careless one look back or ahead again and again. Before, a closing word that matched
 * nothing open looked through everything open: {@code if a; then} ten thousand times
 * followed by as many {@code done} cost a second, and each doubling four times that.
 */
class ShellComplexityTest {

	private static String shape(String name, int n) {
		return switch (name) {
			case "closers matching nothing open" -> "if a; then ".repeat(n) + "done ".repeat(n);
			case "closers inside out" -> "while a; do if b; then ".repeat(n) + "fi; done; ".repeat(n);
			case "unclosed arithmetic" -> "((".repeat(n) + "\n" + "x".repeat(n);
			case "nested substitutions" -> "echo " + "\"$(".repeat(n) + "a" + ")\"".repeat(n);
			case "unclosed quotes" -> "echo 'a\n".repeat(n);
			case "heredocs" -> "cat <<EOF\nline\nEOF\n".repeat(n);
			case "one long heredoc" -> "cat <<EOF\n" + "EOF-not-yet\n".repeat(n) + "EOF\n";
			case "continuations" -> "echo a \\\n".repeat(n) + "b";
			case "case arms" -> "case x in " + "a) b ;; ".repeat(n) + "esac";
			case "tests" -> "[[ a && ( b || c ) ]] && ".repeat(n) + "true";
			case "parameter expansions" -> "echo ${a:-${b:-${c#d}}} ".repeat(n);
			default -> throw new IllegalArgumentException(name);
		};
	}

	private static long work(String script) {
		ShellParser parser = new ShellParser(script, new ArrayList<>());
		parser.parse();
		return parser.work();
	}

	@ParameterizedTest
	@ValueSource(strings = { "closers matching nothing open", "closers inside out", "unclosed arithmetic",
			"nested substitutions", "unclosed quotes", "heredocs", "one long heredoc", "continuations", "case arms",
			"tests", "parameter expansions" })
	void workGrowsLinearlyWithTheScript(String shape) {
		int n = 2_000;
		long work = work(shape(shape, n));
		long work2 = work(shape(shape, 2 * n));
		long work4 = work(shape(shape, 4 * n));
		assertThat(work2).as("work for 2n against n").isLessThanOrEqualTo(3 * work);
		assertThat(work4).as("work for 4n against 2n").isLessThanOrEqualTo(3 * work2);
		String largest = shape(shape, 4 * n);
		assertThat(work4).as("work for 4n against its %d characters", largest.length())
			.isLessThanOrEqualTo(8L * largest.length());
	}

}
