package dev.rebaser.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Random and mutated scripts: the analyser must never throw and its spans must stay sane.
 */
class ShellScriptRobustnessTest {

	private static final String[] FRAGMENTS = { "apk add --no-cache curl", " && ", " || ", "; ", " | ", " |& ", " & ",
			"\n", "'", "\"", "`", "$(", "$((", "${", "}", "{ ", " }", "(", ")", "))", "if ", " then ", " elif ",
			" else ", " fi", "while ", "for x in a b", " do ", " done", "case $x in ", "a|b) ", ";;", " esac",
			"function f ", "f() ", "<<EOF\n", "<<-'X'\n", "EOF\n", "\tX\n", "# comment\n", "\\\n", "\\", ">", "2>&1",
			">>", "<", "&>", "<<<", "3<&0", "A=1 ", "arr=(", "[[ ", " ]]", "$'", "\\'", "<(", "!", "\r\n", "é",
			"\u0000", "$", "#", "=", " ", };

	private static final String SPECIALS = "'\"`(){};&|<>$\\\n#";

	@Test
	void randomAndMutatedInputsNeverThrowAndKeepSpansInOrder() {
		Random random = new Random(20_261_126L);
		String[] seeds = { "apk add --no-cache --virtual .build-deps gcc musl-dev && make && apk del .build-deps",
				"if [ -f x ]; then echo \"$(cat x)\" > /dev/null 2>&1; fi; for i in 1 2; do echo $i; done",
				"case \"$a\" in x) f;; *) g;; esac\ncat <<EOF\nbody\nEOF\n(cd / && ls) | { read a; echo ${a:-b}; }", };
		for (int round = 0; round < 20_000; round++) {
			String input = switch (round % 4) {
				case 0 -> randomChars(random);
				case 1 -> randomFragments(random);
				default -> mutate(seeds[random.nextInt(seeds.length)], random);
			};
			check(input);
		}
	}

	@Test
	void everyPrefixOfARealisticScriptIsHandled() {
		String script = "set -e; FOO=\"a b\" apk add x >/dev/null 2>&1 && if true; then (echo `id`; echo $'q'); fi\n"
				+ "case $x in a) cat <<'E' | tr a b;;\nbody ) ;;\nE\nesac; f() { [[ a && b ]]; }; echo ${x//a/b}";
		for (int i = 0; i <= script.length(); i++) {
			check(script.substring(0, i));
		}
	}

	private static void check(String input) {
		ShellScript s;
		try {
			s = ShellScript.parse(input);
		}
		catch (Throwable t) {
			fail("threw for input " + escape(input), t);
			return;
		}
		assertThat(s.source()).isEqualTo(input);
		// the facade's last-resort catch must never be what kept a parse from throwing
		assertThat(s.problem().orElse("")).as("problem for %s", escape(input)).doesNotStartWith("could not analyse");
		int previousEnd = 0;
		for (ShellCommand c : s.commands()) {
			Span span = c.span();
			assertThat(span.start()).as("start in %s", escape(input)).isGreaterThanOrEqualTo(previousEnd);
			assertThat(span.end()).as("end in %s", escape(input)).isLessThanOrEqualTo(input.length());
			assertThat(span.length()).as("length in %s", escape(input)).isPositive();
			int wordEnd = span.start();
			List<Word> items = Stream.of(c.assignments(), c.words(), c.redirects()).flatMap(List::stream).toList();
			assertThat(items).as("items of %s", escape(input)).isNotEmpty();
			for (Word w : items) {
				assertThat(w.span().start()).isGreaterThanOrEqualTo(span.start());
				assertThat(w.span().end()).isLessThanOrEqualTo(span.end());
				assertThat(input.substring(w.span().start(), w.span().end())).isEqualTo(w.raw());
				wordEnd = Math.max(wordEnd, w.span().end());
			}
			assertThat(wordEnd).isEqualTo(span.end());
			assertThat(c.separator()).isIn("", "&&", "||", ";", "|", "|&", "&", "\n", ";;", ";&", ";;&");
			previousEnd = span.end();
		}
	}

	private static String randomChars(Random random) {
		int length = random.nextInt(80);
		String alphabet = "ab $'\"`\\(){}[];&|<>#=\n\t!*?-0129~";
		StringBuilder sb = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			sb.append(random.nextInt(10) == 0 ? (char) random.nextInt(0x3000)
					: alphabet.charAt(random.nextInt(alphabet.length())));
		}
		return sb.toString();
	}

	private static String randomFragments(Random random) {
		int count = random.nextInt(25);
		StringBuilder sb = new StringBuilder();
		for (int i = 0; i < count; i++) {
			sb.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
		}
		return sb.toString();
	}

	private static String mutate(String seed, Random random) {
		StringBuilder sb = new StringBuilder(seed);
		int edits = 1 + random.nextInt(6);
		for (int i = 0; i < edits && sb.length() > 0; i++) {
			int at = random.nextInt(sb.length());
			switch (random.nextInt(3)) {
				case 0 -> sb.deleteCharAt(at);
				case 1 -> sb.insert(at, FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
				default -> sb.setCharAt(at, SPECIALS.charAt(random.nextInt(SPECIALS.length())));
			}
		}
		return sb.toString();
	}

	private static String escape(String s) {
		return "\"" + s.replace("\\", "\\\\").replace("\n", "\\n").replace("\"", "\\\"") + "\"";
	}

}
