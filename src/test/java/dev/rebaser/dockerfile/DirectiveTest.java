package dev.rebaser.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DirectiveTest {

	@Test
	void directivesAtTheTopAreHonoured() {
		Dockerfile file = Trees
			.parseLossless("# syntax=docker/dockerfile:1.7\n#ESCAPE = `\n  #  check = skip=all;error=true  \nFROM a\n");
		assertThat(file.directives()).extracting(Directive::name).containsExactly("syntax", "escape", "check");
		assertThat(file.directives()).extracting(Directive::value)
			.containsExactly("docker/dockerfile:1.7", "`", "skip=all;error=true");
		assertThat(file.directives().get(1).text()).isEqualTo("#ESCAPE = `\n");
		assertThat(file.escape()).isEqualTo('`');
	}

	@Test
	void aCommentEndsTheDirectiveBlock() {
		Dockerfile file = Trees.parseLossless("# a comment\n# escape=`\nFROM a\nRUN b \\\n c\n");
		assertThat(file.directives()).isEmpty();
		assertThat(file.escape()).isEqualTo('\\');
		assertThat(file.nodes().get(1)).isInstanceOf(Trivia.class);
		assertThat(((Trivia) file.nodes().get(1)).kind()).isEqualTo(Trivia.Kind.COMMENT);
		assertThat(file.instructions().get(1).arguments()).isEqualTo("b  c");
	}

	@Test
	void aBlankLineEndsTheDirectiveBlock() {
		Dockerfile file = Trees.parseLossless("\n# escape=`\nFROM a\n");
		assertThat(file.directives()).isEmpty();
		assertThat(file.escape()).isEqualTo('\\');
	}

	@Test
	void anUnknownDirectiveIsACommentAndEndsScanning() {
		Dockerfile file = Trees.parseLossless("# foo=bar\n# escape=`\nFROM a\n");
		assertThat(file.directives()).isEmpty();
		assertThat(file.escape()).isEqualTo('\\');
		assertThat(file.nodes()).hasSize(3);
	}

	@Test
	void directivesAfterAnInstructionAreComments() {
		Dockerfile file = Trees.parseLossless("FROM a\n# escape=`\nRUN b `\n");
		assertThat(file.directives()).isEmpty();
		assertThat(file.instructions().get(1).arguments()).isEqualTo("b `");
	}

	@Test
	void backtickEscapeContinuesLinesAndBackslashIsPlain() {
		Dockerfile file = Trees.parseLossless("# escape=`\nFROM a\nRUN dir C:\\ `\n  /w\n");
		Instruction run = file.instructions().get(1);
		assertThat(run.arguments()).isEqualTo("dir C:\\   /w");
		assertThat(run.endLine()).isEqualTo(4);
	}

	@Test
	void aDuplicatedDirectiveIsAnError() {
		assertThatThrownBy(() -> DockerfileParser.parse("# syntax=a\n# SYNTAX=b\nFROM a\n"))
			.isInstanceOfSatisfying(DockerfileSyntaxException.class, e -> {
				assertThat(e.line()).isEqualTo(2);
				assertThat(e.column()).isEqualTo(3);
				assertThat(e.detail()).isEqualTo("only one syntax parser directive can be used");
				assertThat(e.getMessage()).isEqualTo("line 2, column 3: only one syntax parser directive can be used");
			});
	}

	@Test
	void anInvalidEscapeValueIsAnError() {
		assertThatThrownBy(() -> DockerfileParser.parse("# escape=x\nFROM a\n"))
			.isInstanceOfSatisfying(DockerfileSyntaxException.class, e -> {
				assertThat(e.line()).isEqualTo(1);
				assertThat(e.column()).isEqualTo(10);
				assertThat(e.detail()).contains("invalid escape token 'x'");
			});
	}

	@Test
	void aDirectiveWithoutValueIsAComment() {
		Dockerfile file = Trees.parseLossless("# escape=\nFROM a\n");
		assertThat(file.directives()).isEmpty();
	}

}
