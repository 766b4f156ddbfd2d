package dev.rebaser.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebaser.manifest.GoToken.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class GoLexerTest {

	private static List<GoToken> tokens(String src) {
		return GoLexer.lex(src).tokens();
	}

	private static List<String> texts(String src) {
		return tokens(src).stream().map(t -> t.kind() == Kind.SEMI ? ";" : t.text()).toList();
	}

	@Test
	void interpretedStringEscapesAreDecoded() {
		GoToken t = tokens("\"a\\tb\\x41\\101\\u00e9\\U0001F600\\\"\\\\\"").get(0);
		assertThat(t.kind()).isEqualTo(Kind.STRING);
		assertThat(t.text()).isEqualTo("a\tbAAé\uD83D\uDE00\"\\");
	}

	@Test
	void rawStringsKeepBackslashesSpanLinesAndDropCarriageReturns() {
		List<GoToken> ts = tokens("x := `a\\n\r\nb`\ny");
		assertThat(ts.get(2).kind()).isEqualTo(Kind.STRING);
		assertThat(ts.get(2).text()).isEqualTo("a\\n\nb");
		GoToken y = ts.stream().filter(t -> t.text().equals("y")).findFirst().orElseThrow();
		assertThat(y.line()).isEqualTo(3);
	}

	@Test
	void runesCommentsAndLineNumbers() {
		List<GoToken> ts = tokens("a := '\\''  // it's a comment \"\nb /* one\ntwo */ c\n");
		assertThat(ts).extracting(GoToken::kind)
			.containsExactly(Kind.IDENT, Kind.OP, Kind.RUNE, Kind.SEMI, Kind.IDENT, Kind.SEMI, Kind.IDENT, Kind.SEMI,
					Kind.EOF);
		assertThat(ts.get(2).text()).isEqualTo("'");
		assertThat(ts.get(4).line()).isEqualTo(2);
		assertThat(ts.get(6).line()).isEqualTo(3);
	}

	@Test
	void semicolonsAreInsertedOnlyWhereGoInsertsThem() {
		assertThat(texts("f(a,\nb)\nx++\nreturn\ny = z +\n1")).containsExactly("f", "(", "a", ",", "b", ")", ";", "x",
				"++", ";", "return", ";", "y", "=", "z", "+", "1", ";", "");
	}

	@Test
	void operatorsAndNumbersTakeTheLongestMatch() {
		assertThat(texts("a &^= 0x1F; b <<= 1.5e-3i; c := ...")).containsExactly("a", "&^=", "0x1F", ";", "b", "<<=",
				"1.5e-3i", ";", "c", ":=", "...", "");
		assertThat(tokens("1.5e-3i").get(0).kind()).isEqualTo(Kind.IMAG);
	}

	@Test
	void malformedInputBecomesProblemsNotExceptions() {
		GoLexer.Result r = GoLexer.lex("s := \"open\nt := `never closed\n'ab' \\xZ §");
		assertThat(r.problems()).extracting(GoLexer.Problem::message)
			.anyMatch(m -> m.contains("string literal"))
			.anyMatch(m -> m.contains("raw string"));
		assertThat(r.tokens().get(r.tokens().size() - 1).kind()).isEqualTo(Kind.EOF);
	}

}
