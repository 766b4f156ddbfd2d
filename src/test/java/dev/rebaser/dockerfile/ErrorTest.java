package dev.rebaser.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorTest {

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "FROM a\\nRUN x\\n  from  \\n|3|3|FROM requires an image argument",
			"FROM a\\nRUN\\n|2|1|RUN requires at least one argument",
			"FROM a\\nRUN --mount=type=cache  \\n|2|1|RUN requires at least one argument",
			"FROM a\\nWORKDIR\\n|2|1|WORKDIR requires exactly one argument",
			"FROM a\\nCOPY onlyone\\n|2|1|COPY requires at least two arguments: a source and a destination",
			"FROM a\\nCOPY [\"a\"]\\n|2|1|COPY requires at least two arguments: a source and a destination",
			"FROM a\\nENV\\n|2|1|ENV requires at least one argument",
			"FROM a\\nENV A\\n|2|1|ENV must have two arguments",
			"FROM a\\nENV A=1 B\\n|2|1|Syntax error - can't find = in \"B\". Must be of the form: name=value",
			"FROM a\\nSHELL /bin/sh -c\\n|2|1|SHELL requires the arguments to be in JSON form",
			"FROM a\\nONBUILD\\n|2|1|ONBUILD requires at least one argument",
			"FROM a\\nONBUILD ONBUILD RUN x\\n|2|9|ONBUILD ONBUILD is not allowed",
			"FROM a\\nonbuild from b\\n|2|9|FROM isn't allowed as an ONBUILD trigger",
			"FROM a\\nONBUILD RUN\\n|2|9|RUN requires at least one argument",
			"FROM a b\\n|1|1|FROM requires either one or three arguments: image [AS name]",
			"FROM a AT b\\n|1|1|FROM requires either one or three arguments: image [AS name]",
			"FROM a AS 1st\\n|1|1|invalid name for build stage: \"1st\", name can't start with a number or contain symbols",
			"# c\\nRUN x\\nFROM a\\n|2|1|RUN before the first FROM: no build stage in current context",
			"FROM a\\n  \\\\\\n\\n|2|1|line continuation without an instruction", })
	void syntaxErrorsNameLineColumnAndCause(String escapedText, int line, int column, String detail) {
		String text = escapedText.replace("\\n", "\n").replace("\\\\", "\\");
		assertThatThrownBy(() -> DockerfileParser.parse(text)).isInstanceOfSatisfying(DockerfileSyntaxException.class,
				e -> {
					assertThat(e.detail()).isEqualTo(detail);
					assertThat(e.line()).isEqualTo(line);
					assertThat(e.column()).isEqualTo(column);
				});
	}

	@Test
	void malformedUtf8IsReportedWhereItStarts() {
		byte[] head = "FROM a\nRUN ab".getBytes(StandardCharsets.UTF_8);
		byte[] bytes = new byte[head.length + 3];
		System.arraycopy(head, 0, bytes, 0, head.length);
		bytes[head.length] = (byte) 0xC3;
		bytes[head.length + 1] = (byte) 0x28;
		bytes[head.length + 2] = '\n';
		assertThatThrownBy(() -> DockerfileParser.parse(bytes)).isInstanceOfSatisfying(DockerfileSyntaxException.class,
				e -> {
					assertThat(e.line()).isEqualTo(2);
					assertThat(e.column()).isEqualTo(7);
					assertThat(e.detail()).contains("UTF-8");
				});
	}

	@Test
	void encodedSurrogatesAndOverlongFormsAreMalformed() {
		byte[][] inputs = { { (byte) 0xED, (byte) 0xA0, (byte) 0x80 }, { (byte) 0xC0, (byte) 0xAF }, { (byte) 0xFF },
				{ 'F', (byte) 0xE2, (byte) 0x82 } };
		for (byte[] bytes : inputs) {
			assertThatThrownBy(() -> DockerfileParser.parse(bytes)).isInstanceOf(DockerfileSyntaxException.class);
		}
	}

	@Test
	void wellFormedUtf8IsDecoded() {
		Dockerfile file = DockerfileParser.parse("FROM a\nLABEL k=\"é中😀\"\n".getBytes(StandardCharsets.UTF_8));
		Trees.assertLossless(file);
		assertThat(file.instructions().get(1).arguments()).isEqualTo("k=\"é中😀\"");
	}

	@Test
	void expansionErrorsBecomeSyntaxErrorsAtTheInstruction() {
		Dockerfile file = Trees.parseLossless("ARG A=${oops\nFROM x${A}\nENV B=${C\nRUN r\n");
		Stage stage = file.stages().get(0);
		assertThatThrownBy(() -> stage.resolvedBaseImage(Map.of()))
			.isInstanceOfSatisfying(DockerfileSyntaxException.class, e -> assertThat(e.line()).isEqualTo(1));
		assertThat(stage.resolvedBaseImage(Map.of("A", "ok"))).isEqualTo("xok");
		assertThatThrownBy(() -> stage.variablesAt(stage.instructions().get(1), Map.of("A", "ok")))
			.isInstanceOfSatisfying(DockerfileSyntaxException.class, e -> assertThat(e.line()).isEqualTo(3));
	}

	@Test
	void nullInputIsASyntaxError() {
		assertThatThrownBy(() -> DockerfileParser.parse((String) null)).isInstanceOf(DockerfileSyntaxException.class);
		assertThatThrownBy(() -> DockerfileParser.parse((byte[]) null)).isInstanceOf(DockerfileSyntaxException.class);
	}

}
