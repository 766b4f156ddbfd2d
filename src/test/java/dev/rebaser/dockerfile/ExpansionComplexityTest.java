package dev.rebaser.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The work of {@code ${v#p}}, {@code ${v%p}} and {@code ${v/p/r}} grows with the length
 * of the value times the length of the pattern, never faster: counted in the steps the
 * expansion spends, not in wall time. Before, a value of 2,000 characters under
 * {@code ${v//*a*a*b/x}} cost seconds (a backtracking match at every start and every
 * end), and a 4 KB Dockerfile 18 s to parse.
 */
class ExpansionComplexityTest {

	@ParameterizedTest
	@ValueSource(strings = { "${V//*a*a*b/x}", "${V/*a*a*b/x}", "${V##*a*a*b}", "${V#*a*a*b}", "${V%%*a*a*b}",
			"${V%*a*a*b}", "${V//a*b/x}", "${V//?/x}", "${V//*/x}", "${V//[ab]*[!a]/x}", "${V##a*a*a*a*b}" })
	void workGrowsLinearlyWithTheValue(String expression) {
		long n = spent(expression, 2_000);
		long n4 = spent(expression, 8_000);
		long n16 = spent(expression, 32_000);
		assertThat(n4).as("work for 4n against n").isLessThanOrEqualTo(5 * n);
		assertThat(n16).as("work for 16n against 4n").isLessThanOrEqualTo(5 * n4);
	}

	@Test
	void aHostileDockerfileStopsAtTheBudgetWithALineToShow() {
		StringBuilder text = new StringBuilder("FROM base\nENV A=x\n");
		for (int i = 0; i < 40; i++) {
			text.append("ENV A=$A$A\n"); // doubles: 2^40 characters
		}
		text.append("RUN true\n");
		Dockerfile file = DockerfileParser.parse(text.toString());
		Stage stage = file.stages().get(0);
		Instruction last = stage.instructions().get(stage.instructions().size() - 1);

		assertThatThrownBy(() -> stage.variablesAt(last, Map.of()))
			.isInstanceOfSatisfying(DockerfileSyntaxException.class, e -> {
				assertThat(e.detail()).contains("more than " + ExpansionBudget.DEFAULT_STEPS + " steps");
				assertThat(e.line()).isGreaterThan(2);
			});
	}

	@Test
	void aLongValueUnderAStarryPatternIsCheap() {
		String value = "a".repeat(2_000);
		ExpansionBudget budget = new ExpansionBudget(ExpansionBudget.DEFAULT_STEPS);

		assertThat(VariableExpander.expand("${V//*a*a*b/x}", Map.of("V", value)::get, '\\', budget)).isEqualTo(value);
		assertThat(budget.spent()).isLessThan(100_000);
	}

	/**
	 * The set-of-positions matcher gives what a glob turned into a regular expression
	 * gives, for the leftmost-longest rule of {@code ${v/p/r}} and the shortest and
	 * longest trims.
	 */
	@Test
	void matchesAgreeWithARegularExpressionOnRandomCases() {
		Random random = new Random(20261203);
		String[] pieces = { "a", "b", "*", "?", "[ab]", "[!a]", "\\*" };
		for (int round = 0; round < 20_000; round++) {
			StringBuilder glob = new StringBuilder();
			for (int i = random.nextInt(5); i >= 0; i--) {
				glob.append(pieces[random.nextInt(pieces.length)]);
			}
			StringBuilder value = new StringBuilder();
			for (int i = random.nextInt(9); i > 0; i--) {
				value.append("ab*".charAt(random.nextInt(3)));
			}
			String v = value.toString();
			Pattern regex = Pattern.compile(regex(glob.toString()), Pattern.DOTALL);
			Map<String, String> vars = Map.of("V", v);
			String g = glob.toString();
			assertThat(VariableExpander.expand("${V//" + g + "/X}", vars::get, '\\')).as("%s on %s", g, v)
				.isEqualTo(replaceByRegex(regex, v, "X", true));
			assertThat(VariableExpander.expand("${V/" + g + "/X}", vars::get, '\\')).as("%s on %s", g, v)
				.isEqualTo(replaceByRegex(regex, v, "X", false));
			assertThat(VariableExpander.expand("${V##" + g + "}", vars::get, '\\')).as("## %s on %s", g, v)
				.isEqualTo(trimByRegex(regex, v, true, true));
			assertThat(VariableExpander.expand("${V#" + g + "}", vars::get, '\\')).as("# %s on %s", g, v)
				.isEqualTo(trimByRegex(regex, v, true, false));
			assertThat(VariableExpander.expand("${V%%" + g + "}", vars::get, '\\')).as("%% %s on %s", g, v)
				.isEqualTo(trimByRegex(regex, v, false, true));
			assertThat(VariableExpander.expand("${V%" + g + "}", vars::get, '\\')).as("%% %s on %s", g, v)
				.isEqualTo(trimByRegex(regex, v, false, false));
		}
	}

	private static long spent(String expression, int length) {
		StringBuilder value = new StringBuilder("a".repeat(length));
		ExpansionBudget budget = new ExpansionBudget(Long.MAX_VALUE);
		VariableExpander.expand(expression, Map.of("V", value.toString())::get, '\\', budget);
		return budget.spent();
	}

	private static String regex(String glob) {
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < glob.length(); i++) {
			char c = glob.charAt(i);
			if (c == '*') {
				out.append(".*");
			}
			else if (c == '?') {
				out.append('.');
			}
			else if (c == '[') {
				int close = glob.indexOf(']', i);
				String set = glob.substring(i + 1, close);
				out.append(set.startsWith("!") ? "[^" + set.substring(1) + "]" : "[" + set + "]");
				i = close;
			}
			else if (c == '\\') {
				out.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
			}
			else {
				out.append(Pattern.quote(String.valueOf(c)));
			}
		}
		return out.toString();
	}

	/** At each position the longest match there, no empty match right after a match. */
	private static String replaceByRegex(Pattern regex, String v, String replacement, boolean all) {
		StringBuilder out = new StringBuilder();
		int lastEnd = -1;
		int i = 0;
		while (i <= v.length()) {
			int end = -1;
			for (int e = v.length(); e >= i; e--) {
				if (regex.matcher(v.substring(i, e)).matches()) {
					end = e;
					break;
				}
			}
			if (end >= 0 && !(end == i && i == lastEnd)) {
				out.append(replacement);
				lastEnd = end;
				if (!all) {
					return out.append(v, end, v.length()).toString();
				}
				if (end > i) {
					i = end;
					continue;
				}
			}
			if (i < v.length()) {
				out.append(v.charAt(i));
			}
			i++;
		}
		return out.toString();
	}

	private static String trimByRegex(Pattern regex, String v, boolean prefix, boolean longest) {
		int n = v.length();
		for (int k = 0; k <= n; k++) {
			int len = longest ? n - k : k;
			String part = prefix ? v.substring(0, len) : v.substring(n - len);
			if (regex.matcher(part).matches()) {
				return prefix ? v.substring(len) : v.substring(0, n - len);
			}
		}
		return v;
	}

}
