package dev.rebaser.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Files shaped so that a careless reader spends time or memory out of proportion to their
 * size: each is answered with what can be known and a warning that says where the reader
 * stopped. What they cost is measured by {@code scripts/hostile-inputs}; here, what they
 * are answered with.
 */
class ManifestReaderComplexityTest {

	private static final String HEAD = "package image\n\ntype Config struct {\n\tregistry, name, version string\n}\n\n";

	/**
	 * Each shape at a size n: constants that double, loops nested over a list of n,
	 * helpers calling the next n times, n functions that each store an image and call the
	 * next, an index chain n deep, n unclosed {@code map[}, n plain image variables.
	 */
	private static String shape(String name, int n) {
		StringBuilder src = new StringBuilder(HEAD);
		switch (name) {
			case "doubling" -> {
				src.append("const A0 = \"x\"\n");
				for (int i = 1; i <= n; i++) {
					src.append("const A")
						.append(i)
						.append(" = A")
						.append(i - 1)
						.append(" + A")
						.append(i - 1)
						.append('\n');
				}
				src.append("var Img = Config{A").append(n).append(", \"n\", \"1\"}\n");
			}
			case "nested-loops" -> {
				src.append("var L = []string{").append("\"a\", ".repeat(n)).append("}\n");
				src.append("func initImageConfigs() map[int]Config {\n\tconfigs := map[int]Config{}\n");
				src.append("\tfor _, a := range L {\n\tfor _, b := range L {\n\tfor _, c := range L {\n");
				src.append("\tconfigs[1] = Config{a, b, c}\n}\n}\n}\n\treturn configs\n}\n");
			}
			case "helper-fanout" -> {
				src.append("func initImageConfigs() map[int]Config {\n\tconfigs := map[int]Config{}\n");
				src.append("\th0(configs)\n".repeat(n)).append("\treturn configs\n}\n");
				for (int d = 0; d < 6; d++) {
					src.append("func h")
						.append(d)
						.append("(c map[int]Config) {\n\tc[")
						.append(d)
						.append("] = Config{\"r\", \"n\", \"1\"}\n");
					src.append(("\th" + (d + 1) + "(c)\n").repeat(n)).append("}\n");
				}
			}
			case "many-roots" -> {
				for (int i = 0; i < n; i++) {
					src.append("func f")
						.append(i)
						.append("(m map[int]Config) {\n\tm[1] = Config{\"r\", \"n\", \"1\"}\n\tf")
						.append(i + 1)
						.append("(m)\n}\n");
				}
			}
			case "index-chain" ->
				src.append("var X = x").append("[b]".repeat(n)).append("\nvar Img = Config{X, \"n\", \"1\"}\n");
			case "unclosed-maps" ->
				src.append("func f(m map[int]Config) {\n").append("\tx := map[".repeat(n)).append("\n}\n");
			case "image-variables" -> {
				for (int i = 0; i < n; i++) {
					src.append("var I").append(i).append(" = Config{\"r\", \"n").append(i).append("\", \"1\"}\n");
				}
			}
			default -> throw new IllegalArgumentException(name);
		}
		return src.toString();
	}

	private static long work(String shape, int n) {
		return ManifestEvaluator.evaluated(shape(shape, n), RegistryOverrides.none()).work();
	}

	@ParameterizedTest
	@ValueSource(strings = { "doubling", "nested-loops", "helper-fanout", "many-roots", "index-chain", "unclosed-maps",
			"image-variables" })
	void workGrowsNoFasterThanTheFile(String shape) {
		int n = 200;
		long work = work(shape, n);
		long work2 = work(shape, 2 * n);
		long work4 = work(shape, 4 * n);
		assertThat(work2).as("work for 2n against n").isLessThanOrEqualTo(3 * work);
		assertThat(work4).as("work for 4n against 2n").isLessThanOrEqualTo(3 * work2);
		// evaluation may spend two steps a token, and three looks through the file read
		// each token at most once each
		long tokens = GoLexer.lex(shape(shape, 4 * n)).tokens().size();
		assertThat(work4).as("work for 4n against the file's tokens")
			.isLessThanOrEqualTo(ManifestDeclarations.BASE_STEPS + 5 * tokens);
	}

	private static List<String> messages(Manifest m) {
		return m.warnings().stream().map(ManifestWarning::message).toList();
	}

	@Test
	void constantsThatDoubleEachOtherStopAtALengthNoImageReferenceReaches() {
		StringBuilder src = new StringBuilder(HEAD + "const A0 = \"x\"\n");
		for (int i = 1; i <= 60; i++) {
			src.append("const A").append(i).append(" = A").append(i - 1).append(" + A").append(i - 1).append('\n');
		}
		src.append("const Short = A5 + \"/e2e\"\n");
		src.append("var Small = Config{Short, \"agnhost\", \"2.40\"}\n");
		src.append("var Huge = Config{A60, \"agnhost\", \"2.40\"}\n");

		Manifest m = ManifestReader.read(src.toString());

		assertThat(m.images()).singleElement().satisfies(image -> {
			assertThat(image.id()).isEqualTo("Small");
			assertThat(image.registry()).isEqualTo("x".repeat(32) + "/e2e");
		});
		assertThat(messages(m)).contains("image Huge is not listed: its registry A60 cannot be resolved: "
				+ "the string it builds is longer than " + ValueEvaluator.MAX_STRING + " characters");
	}

	@Test
	void loopsThatMultiplyEachOtherStopInProportionToTheFile() {
		StringBuilder src = new StringBuilder(HEAD + "var L = []string{");
		src.append("\"a\", ".repeat(1000)).append("}\n\nfunc initImageConfigs() map[int]Config {\n");
		src.append("\tconfigs := map[int]Config{}\n\tconfigs[0] = Config{\"r\", \"first\", \"1\"}\n");
		for (int depth = 0; depth < 6; depth++) {
			src.append("\tfor _, v").append(depth).append(" := range L {\n");
		}
		src.append("\tconfigs[1] = Config{v0, \"n\", \"1\"}\n").append("}\n".repeat(6));
		src.append("\treturn configs\n}\n");

		Manifest m = ManifestReader.read(src.toString());

		assertThat(m.images()).extracting(ManifestImage::name).contains("first");
		assertThat(messages(m))
			.anyMatch(w -> w.startsWith("manifest.go asks for more than ") && w.contains("steps of evaluation")
					&& w.endsWith("the images listed are those found before it stopped"));
	}

	@Test
	void helpersThatCallHelpersManyTimesStopToo() {
		StringBuilder src = new StringBuilder(HEAD + "func initImageConfigs() map[int]Config {\n");
		src.append("\tconfigs := map[int]Config{}\n")
			.append("\th0(configs)\n".repeat(100))
			.append("\treturn configs\n}\n");
		for (int depth = 0; depth < 8; depth++) {
			src.append("func h")
				.append(depth)
				.append("(c map[int]Config) {\n\tc[")
				.append(depth)
				.append("] = Config{\"r\", \"n")
				.append(depth)
				.append("\", \"1\"}\n");
			src.append(("\th" + (depth + 1) + "(c)\n").repeat(100)).append("}\n");
		}

		Manifest m = ManifestReader.read(src.toString());

		assertThat(m.images()).extracting(ManifestImage::name).contains("n0");
		assertThat(messages(m)).anyMatch(w -> w.contains("steps of evaluation"));
	}

	@Test
	void aHugeExpressionIsNamedShortlyInItsWarning() {
		String src = HEAD + "var X = a" + "[b]".repeat(50_000) + "\nvar Img = Config{X + \"" + "y".repeat(5000)
				+ "\", \"n\", \"1\"}\n";

		Manifest m = ManifestReader.read(src);

		assertThat(m.images()).isEmpty();
		assertThat(messages(m)).singleElement()
			.satisfies(w -> assertThat(w).startsWith("image Img is not listed: its registry X + ")
				.hasSizeLessThan(GoExprText.MAX_LENGTH + 200));
	}

	@Test
	void aMillionParametersKeepTheirTypes() {
		String src = HEAD + "func f(" + "a, ".repeat(200_000) + "b int, c string) {}\n";

		GoParser parser = new GoParser(GoLexer.lex(src).tokens());
		GoAst.FuncDecl f = parser.parseFile().funcs().get(0);

		assertThat(f.params()).hasSize(200_002);
		assertThat(f.params().get(0)).isEqualTo(new GoAst.Param("a", "int"));
		assertThat(f.params().get(200_000)).isEqualTo(new GoAst.Param("b", "int"));
		assertThat(f.params().get(200_001)).isEqualTo(new GoAst.Param("c", "string"));
	}

	@Test
	void aFileOfBrokenLinesListsAThousandWarningsAndCountsTheRest() {
		String src = HEAD + "\"a\n".repeat(5000);

		Manifest m = ManifestReader.read(src);

		assertThat(m.warnings()).hasSize(ManifestEvaluator.MAX_WARNINGS + 1);
		assertThat(m.warnings().get(ManifestEvaluator.MAX_WARNINGS).message())
			.matches("and 4\\d\\d\\d more warnings after this line, not listed");
	}

}
