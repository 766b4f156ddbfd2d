package dev.rebaser.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RoundTripTest {

	@ParameterizedTest
	@ValueSource(strings = { "kubernetes-style.Dockerfile", "crlf-no-final-newline.Dockerfile" })
	void resourceFilesPrintBackUnchanged(String name) {
		Trees.parseLossless(Trees.resource(name));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "\n", "\r", "\r\n", "\uFEFF", "\uFEFF\n", "   ", "# only a comment", "FROM a",
			"FROM a\n\n\n", "FROM a\nRUN x \\", "FROM a\nRUN x \\\n", "FROM a\nRUN x \\\n# c\n\n",
			"FROM a\u0000\nRUN \u0000", "\t\tFROM a  \t\n", "FROM a\n\u00A0\nRUN b", "FROM a\n\r\r\nRUN b\r\r\n" })
	void edgeInputsPrintBackUnchanged(String text) {
		Trees.parseLossless(text);
	}

	@Test
	void everyLineKindBecomesItsOwnNode() {
		Dockerfile file = Trees.parseLossless("# syntax=docker/dockerfile:1\n\n# hello\nFROM a\n  \nRUN b\n");
		List<String> kinds = file.nodes().stream().map(RoundTripTest::kind).toList();
		assertThat(kinds).containsExactly("Directive", "BLANK", "COMMENT", "FROM", "BLANK", "RUN");
	}

	@Test
	void byteOrderMarkIsATriviaNodeAndDoesNotHideDirectives() {
		byte[] bytes = "\uFEFF# escape=`\nFROM a\nRUN b `\n c\n".getBytes(StandardCharsets.UTF_8);
		Dockerfile file = DockerfileParser.parse(bytes);
		Trees.assertLossless(file);
		assertThat(file.nodes().get(0)).isEqualTo(new Trivia(Trivia.Kind.BOM, new Span(0, 1), "\uFEFF"));
		assertThat(file.escape()).isEqualTo('`');
		assertThat(file.instructions().get(1).arguments()).isEqualTo("b  c");
	}

	@Test
	void onlyABomIsAValidEmptyFile() {
		Dockerfile file = Trees.parseLossless("\uFEFF");
		assertThat(file.nodes()).hasSize(1);
		assertThat(file.instructions()).isEmpty();
		assertThat(file.stages()).isEmpty();
	}

	@Test
	void crlfLineEndsStayInTheInstructionSpans() {
		Dockerfile file = Trees.parseLossless(Trees.resource("crlf-no-final-newline.Dockerfile"));
		Instruction run = file.instructions().get(1);
		assertThat(run.text()).isEqualTo("RUN echo one \\\r\n    two\r\n");
		assertThat(run.arguments()).isEqualTo("echo one     two");
		assertThat(run.startLine()).isEqualTo(2);
		assertThat(run.endLine()).isEqualTo(3);
		Instruction cmd = file.instructions().get(2);
		assertThat(cmd.text()).isEqualTo("CMD [\"sh\"]");
		assertThat(cmd.startLine()).isEqualTo(6);
		assertThat(cmd.execArgs()).containsExactly("sh");
	}

	@Test
	void instructionSpanIncludesLeadingIndentAndTrailingBlanks() {
		Dockerfile file = Trees.parseLossless("FROM a\n\t WORKDIR /srv  \nRUN x\n");
		Instruction workdir = file.instructions().get(1);
		assertThat(workdir.text()).isEqualTo("\t WORKDIR /srv  \n");
		assertThat(workdir.keywordAsWritten()).isEqualTo("WORKDIR");
		assertThat(workdir.arguments()).isEqualTo("/srv");
	}

	@Test
	void lineAndColumnOfOffsets() {
		Dockerfile file = Trees.parseLossless("FROM a\r\nRUN b\n\nCMD c");
		int cmd = file.text().indexOf("CMD");
		assertThat(file.lineOf(cmd)).isEqualTo(4);
		assertThat(file.columnOf(cmd + 2)).isEqualTo(3);
		assertThat(file.lineOf(file.text().indexOf('b'))).isEqualTo(2);
		assertThat(file.columnOf(file.text().indexOf('b'))).isEqualTo(5);
		assertThat(file.lineOf(0)).isEqualTo(1);
	}

	@Test
	void keywordsAreCaseInsensitiveAndUpperCased() {
		Dockerfile file = Trees.parseLossless("from a\nRun b\ncross_build_copy x y\n");
		assertThat(file.instructions()).extracting(Instruction::keyword)
			.containsExactly("FROM", "RUN", "CROSS_BUILD_COPY");
		assertThat(file.instructions()).extracting(Instruction::keywordAsWritten)
			.containsExactly("from", "Run", "cross_build_copy");
		assertThat(file.instructions()).extracting(Instruction::isKnown).containsExactly(true, true, false);
	}

	@Test
	void onlyAsciiLettersFoldIntoKeywords() {
		Instruction odd = Trees.parseLossless("FROM a\nonbu\u0131ld run x\n").instructions().get(1);
		assertThat(odd.keyword()).isEqualTo("ONBU\u0131LD");
		assertThat(odd.isKnown()).isFalse();
		assertThat(odd.trigger()).isEmpty();
	}

	private static String kind(Node node) {
		if (node instanceof Trivia trivia) {
			return trivia.kind().name();
		}
		if (node instanceof Instruction instruction) {
			return instruction.keyword();
		}
		return "Directive";
	}

}
