package dev.rebaser.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VariableExpanderTest {

	private static final Map<String, String> ENV = new HashMap<>();

	static {
		ENV.put("BASEIMAGE", "registry.k8s.io/e2e-test-images/agnhost:2.47");
		ENV.put("ARCH", "amd64");
		ENV.put("EMPTY", "");
		ENV.put("PATHV", "a/b/c");
		ENV.put("NUM", "abc123");
		ENV.put("DASHED", "a-b-c");
		ENV.put("SPACED", "x y");
		ENV.put("ünï", "unicode");
	}

	private static String expand(String text) {
		return VariableExpander.expand(text, ENV::get, '\\');
	}

	@ParameterizedTest(name = "[{index}] {0} -> {1}")
	@CsvSource(delimiter = '|', quoteCharacter = '~', value = { "plain text|plain text", "$ARCH|amd64", "${ARCH}|amd64",
			"x-$ARCH-y|x-amd64-y", "$ARCH_SUFFIX|", "${ARCH}_SUFFIX|amd64_SUFFIX", "$UNSET|", "a$UNSET.b|a.b",
			"$ünï|unicode", "cost$|cost$", "$ x|$ x", "a$/b|a$/b", "a$$b|ab", "$1abc|abc", "${EMPTY}|",
			"${ARCH:-d}|amd64", "${EMPTY:-d}|d", "${UNSET:-d}|d", "${ARCH-d}|amd64", "${EMPTY-d}|", "${UNSET-d}|d",
			"${ARCH:+w}|w", "${EMPTY:+w}|", "${UNSET:+w}|", "${EMPTY+w}|w", "${UNSET+w}|", "${ARCH:?must}|amd64",
			"${EMPTY?must}|", "${UNSET:-${ALSO:-deep}}|deep", "${UNSET:-$ARCH}|amd64", "~${UNSET:-\"a b\"}~|a b",
			"${UNSET:-'x}'}|x}", "${UNSET:-a\\}b}|a}b", "${PATHV#*/}|b/c", "${PATHV##*/}|c", "${PATHV%/*}|a/b",
			"${PATHV%%/*}|a", "${PATHV#nomatch}|a/b/c", "${PATHV%c}|a/b/", "${NUM%[0-9]}|abc12", "${NUM%%[0-9]*}|abc",
			"${NUM#?}|bc123", "${NUM#[!a]}|abc123", "${NUM##[a-c]*[12]}|3", "${NUM#\\*}|abc123", "${UNSET#x}|",
			"${DASHED/-/_}|a_b-c", "${DASHED//-/_}|a_b_c", "${DASHED/b*/X}|a-X", "${DASHED//[ac]/Z}|Z-b-Z",
			"${DASHED/nomatch/X}|a-b-c", "${UNSET/a/b}|", "'$ARCH'|$ARCH", "~\"$ARCH\"~|amd64", "~\"a'b\"~|a'b",
			"~'a\"b'~|a\"b", "~\"a\\\"b\"~|a\"b", "~\"a\\b\"~|a\\b", "~\"a\\$ARCH\"~|a$ARCH", "a\\$ARCH|a$ARCH",
			"a\\\\b|a\\b", "a\\ b|a b", "abc\\|abc", "~\"$SPACED\"~|x y", "$(not run)|$(not run)", "~`date`~|`date`", })
	void expandsLikeDocker(String text, String expected) {
		// an empty CSV column arrives as null
		assertThat(expand(text)).isEqualTo(expected == null ? "" : expected);
	}

	@Test
	void resolvesAKubernetesBaseImagePlaceholder() {
		assertThat(expand("$BASEIMAGE")).isEqualTo("registry.k8s.io/e2e-test-images/agnhost:2.47");
		assertThat(expand("${BASEIMAGE%:*}:latest")).isEqualTo("registry.k8s.io/e2e-test-images/agnhost:latest");
		assertThat(expand("${BASEIMAGE##*/}")).isEqualTo("agnhost:2.47");
	}

	@Test
	void backquoteEscapeCharacterIsHonoured() {
		assertThat(VariableExpander.expand("a`$ARCH", ENV::get, '`')).isEqualTo("a$ARCH");
		assertThat(VariableExpander.expand("C:\\dir\\$ARCH", ENV::get, '`')).isEqualTo("C:\\dir\\amd64");
		assertThat(VariableExpander.expand("\"x`\"y\"", ENV::get, '`')).isEqualTo("x\"y");
	}

	@Test
	void asksTheLookupOnlyForNamesThatAreExpanded() {
		List<String> asked = new ArrayList<>();
		VariableExpander.expand("$A ${B:-$C} '$D' \\$E", name -> {
			asked.add(name);
			return null;
		}, '\\');

		assertThat(asked).containsExactly("A", "C", "B");
	}

	@Test
	void requiredVariableThatIsUnsetOrEmptyIsAnError() {
		assertThatThrownBy(() -> expand("x${UNSET:?set it}")).isInstanceOfSatisfying(ExpansionException.class, e -> {
			assertThat(e.offset()).isEqualTo(1);
			assertThat(e.getMessage()).contains("UNSET: set it");
		});
		assertThatThrownBy(() -> expand("${EMPTY:?}")).isInstanceOf(ExpansionException.class)
			.hasMessageContaining("EMPTY: is not allowed to be empty");
		assertThatThrownBy(() -> expand("${UNSET?}")).isInstanceOf(ExpansionException.class)
			.hasMessageContaining("UNSET: is not allowed to be unset");
	}

	@ParameterizedTest(name = "[{index}] {0} at {1}")
	@CsvSource(delimiter = '|', quoteCharacter = '~', value = { "ab${}|2|bad substitution", "${:-x}|0|bad substitution",
			"${{x}}|0|bad substitution", "x${|1|missing '}'", "${ARCH|0|missing '}'", "${ARCH:-x|0|missing '}'",
			"${ARCH!x}|0|unsupported modifier (!)", "${ARCH:x}|0|unsupported modifier (:x)", "${ARCH/x|0|missing '/'",
			"'abc|0|unterminated single quote", "~ab\"cd~|2|unterminated double quote", })
	void badSyntaxIsAnExpansionExceptionWithItsOffset(String text, int offset, String message) {
		assertThatThrownBy(() -> expand(text)).isInstanceOfSatisfying(ExpansionException.class, e -> {
			assertThat(e.offset()).isEqualTo(offset);
			assertThat(e.getMessage()).contains(message);
		});
	}

	@Test
	void nullTextAndNullLookupAreTolerated() {
		assertThat(VariableExpander.expand(null, ENV::get, '\\')).isEmpty();
		assertThat(VariableExpander.expand("a${X:-b}$Y", null, '\\')).isEqualTo("ab");
	}

	@Test
	void deepNestingIsAnExpansionExceptionNotAStackOverflow() {
		String text = "${A:-".repeat(50_000);

		assertThatThrownBy(() -> expand(text)).isInstanceOf(ExpansionException.class);
	}

	@Test
	void randomTextThrowsNothingButExpansionException() {
		Random random = new Random(42);
		String alphabet = "ab_Z09 $'\"`\\{}:-+?#%/*[]!";
		for (int round = 0; round < 20_000; round++) {
			StringBuilder sb = new StringBuilder();
			int length = random.nextInt(30);
			for (int i = 0; i < length; i++) {
				sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
			}
			String text = sb.toString();
			try {
				String out = VariableExpander.expand(text, name -> name.equals("a") ? "abab" : null,
						round % 2 == 0 ? '\\' : '`');
				assertThat(out).isNotNull();
			}
			catch (ExpansionException e) {
				assertThat(e.offset()).isBetween(0, text.length());
			}
			catch (RuntimeException | StackOverflowError e) {
				fail("unexpected " + e + " for " + text, e);
			}
		}
	}

}
