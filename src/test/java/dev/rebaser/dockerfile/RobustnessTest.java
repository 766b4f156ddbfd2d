package dev.rebaser.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Odd inputs: parse() either succeeds losslessly or throws DockerfileSyntaxException, and
 * accessors never throw.
 */
class RobustnessTest {

	private static final String[] FRAGMENTS = { "FROM ", "from ", "RUN ", "COPY ", "ADD ", "ONBUILD ", "ARG ", "ENV ",
			"CMD ", "SHELL ", "CROSS_BUILD_COPY ", "AS ", "a", "b=1", "$A", "${A", "${A}", "\\", "`", "\n", "\r\n",
			"\r", " ", "\t", "#", "# escape=`\n", "# syntax=x\n", "<<", "<<EOF", "<<-EOF", "3<<E", "EOF", "\tEOF", "E",
			"\"", "'", "[", "]", "\"x\"", ",", "--", "--platform=", "--mount=type=cache", "\u0000", "\uFEFF", "\u00A0",
			"é", "[\"sh\", \"-c\", \"x\"]", "{", "}", ";", "&&", "|", "sh ", "-c " };

	@Test
	void randomFragmentSoupNeverEscapesAsAnotherException() {
		Random random = new Random(20261126L);
		int accepted = 0;
		for (int round = 0; round < 20_000; round++) {
			StringBuilder text = new StringBuilder();
			int pieces = 1 + random.nextInt(30);
			for (int k = 0; k < pieces; k++) {
				text.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
			}
			if (exercise(text.toString())) {
				accepted++;
			}
		}
		assertThat(accepted).isGreaterThan(1000);
	}

	@Test
	void randomBytesNeverEscapeAsAnotherException() {
		Random random = new Random(7L);
		for (int round = 0; round < 5_000; round++) {
			byte[] bytes = new byte[random.nextInt(64)];
			random.nextBytes(bytes);
			try {
				Trees.assertLossless(touchEverything(DockerfileParser.parse(bytes)));
			}
			catch (DockerfileSyntaxException e) {
				assertThat(e.detail()).doesNotStartWith("internal parser error");
				assertThat(e.line()).isPositive();
				assertThat(e.column()).isPositive();
			}
		}
	}

	@Test
	void pathologicalInputs() {
		String[] inputs = { "", "\uFEFF", "\r", "\u0000", "\\", "`", "FROM a\nRUN <<", "FROM a\nRUN [\"a",
				"FROM a\nRUN <<EOF", "FROM a\nONBUILD RUN <<EOF\n", "# escape=`\n`", "FROM a\nRUN 99999999999<<E\nE\n",
				"FROM a\nCOPY <<\"A\" <<'B' /\nA\nB\n", "FROM a\nRUN x" + " \\\n".repeat(5000),
				"FROM a\nRUN " + "x".repeat(1 << 20) };
		for (String input : inputs) {
			exercise(input);
			exercise(input.getBytes(StandardCharsets.UTF_8));
		}
	}

	private static boolean exercise(String text) {
		try {
			Dockerfile file = DockerfileParser.parse(text);
			Trees.assertLossless(file);
			touchEverything(file);
			return true;
		}
		catch (DockerfileSyntaxException e) {
			assertThat(e.detail()).as(text).doesNotStartWith("internal parser error");
			return false;
		}
	}

	private static void exercise(byte[] bytes) {
		try {
			Trees.assertLossless(touchEverything(DockerfileParser.parse(bytes)));
		}
		catch (DockerfileSyntaxException e) {
			assertThat(e.detail()).doesNotStartWith("internal parser error");
		}
	}

	private static Dockerfile touchEverything(Dockerfile file) {
		for (Instruction instruction : file.instructions()) {
			touch(instruction);
			instruction.trigger().ifPresent(RobustnessTest::touch);
		}
		for (Stage stage : file.stages()) {
			try {
				stage.resolvedBaseImage(Map.of("A", "v"));
				stage.variablesAt(stage.from(), Map.of());
				for (Instruction instruction : stage.instructions()) {
					stage.variablesAt(instruction, Map.of());
				}
			}
			catch (DockerfileSyntaxException expansionProblem) {
				assertThat(expansionProblem.line()).isPositive();
			}
		}
		file.lineOf(-5);
		file.columnOf(file.text().length() + 5);
		return file;
	}

	private static void touch(Instruction instruction) {
		instruction.commands();
		instruction.execArgs();
		instruction.heredocs();
		instruction.flags();
		instruction.startLine();
		instruction.endLine();
		String arguments = instruction.arguments();
		for (int i = -1; i <= arguments.length() + 1; i++) {
			int source = instruction.toSource(i);
			assertThat(source).isBetween(instruction.span().start(), instruction.span().end());
		}
	}

}
