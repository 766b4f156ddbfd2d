package dev.rebaser.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HeredocTest {

	@Test
	void bodyAndTerminatorBelongToTheInstruction() {
		String text = "FROM a\nRUN <<EOF\necho hi\n  EOF\nEOF\nCMD c\n";
		Dockerfile file = Trees.parseLossless(text);
		Instruction run = file.instructions().get(1);
		assertThat(run.text()).isEqualTo("RUN <<EOF\necho hi\n  EOF\nEOF\n");
		assertThat(run.endLine()).isEqualTo(5);
		assertThat(run.heredocs()).hasSize(1);
		Heredoc heredoc = run.heredocs().get(0);
		assertThat(heredoc.delimiter()).isEqualTo("EOF");
		assertThat(heredoc.stripTabs()).isFalse();
		assertThat(heredoc.quoted()).isFalse();
		assertThat(heredoc.fd()).isEqualTo(-1);
		assertThat(heredoc.content()).isEqualTo("echo hi\n  EOF\n");
		assertThat(Trees.sourceOf(file, heredoc.bodySpan())).isEqualTo("echo hi\n  EOF\n");
		assertThat(Trees.sourceOf(file, heredoc.terminatorSpan())).isEqualTo("EOF");
		assertThat(file.instructions().get(2).keyword()).isEqualTo("CMD");
	}

	@Test
	void dashStripsLeadingTabsInContentAndTerminator() {
		String text = "FROM a\nRUN <<-END\n\techo a\n\t\t  echo b\n\tEND\n";
		Dockerfile file = Trees.parseLossless(text);
		Heredoc heredoc = file.instructions().get(1).heredocs().get(0);
		assertThat(heredoc.stripTabs()).isTrue();
		assertThat(heredoc.content()).isEqualTo("echo a\n  echo b\n");
		assertThat(Trees.sourceOf(file, heredoc.bodySpan())).isEqualTo("\techo a\n\t\t  echo b\n");
		assertThat(Trees.sourceOf(file, heredoc.terminatorSpan())).isEqualTo("\tEND");
	}

	@Test
	void withoutDashATabbedTerminatorIsBodyText() {
		assertThatThrownBy(() -> DockerfileParser.parse("FROM a\nRUN <<END\n\tEND\n"))
			.isInstanceOf(DockerfileSyntaxException.class);
	}

	@Test
	void quotedDelimiters() {
		Dockerfile file = Trees.parseLossless("FROM a\nRUN <<\"EOF\" cat\n$x\nEOF\nCOPY <<'X' /f\ny\nX\n");
		Heredoc doubleQuoted = file.instructions().get(1).heredocs().get(0);
		assertThat(doubleQuoted.delimiter()).isEqualTo("EOF");
		assertThat(doubleQuoted.quoted()).isTrue();
		Heredoc singleQuoted = file.instructions().get(2).heredocs().get(0);
		assertThat(singleQuoted.delimiter()).isEqualTo("X");
		assertThat(singleQuoted.quoted()).isTrue();
		assertThat(singleQuoted.content()).isEqualTo("y\n");
	}

	@Test
	void severalHeredocsOnOneLineReadTheirBodiesInOrder() {
		String text = "FROM a\nCOPY <<one.txt 3<<two.txt /dest/\nfirst\none.txt\nsecond\ntwo.txt\nRUN x\n";
		Dockerfile file = Trees.parseLossless(text);
		Instruction copy = file.instructions().get(1);
		assertThat(copy.heredocs()).extracting(Heredoc::delimiter).containsExactly("one.txt", "two.txt");
		assertThat(copy.heredocs()).extracting(Heredoc::content).containsExactly("first\n", "second\n");
		assertThat(copy.heredocs()).extracting(Heredoc::fd).containsExactly(-1, 3);
		assertThat(copy.endLine()).isEqualTo(6);
		assertThat(file.instructions().get(2).keyword()).isEqualTo("RUN");
	}

	@Test
	void heredocInsideOnbuildBelongsToTheOnbuildNode() {
		Dockerfile file = Trees.parseLossless("FROM a\nONBUILD RUN <<EOF\necho\nEOF\nUSER u\n");
		Instruction onbuild = file.instructions().get(1);
		assertThat(onbuild.heredocs()).hasSize(1);
		assertThat(onbuild.text()).endsWith("EOF\n");
		Instruction trigger = onbuild.trigger().orElseThrow();
		assertThat(trigger.keyword()).isEqualTo("RUN");
		assertThat(trigger.heredocs()).isEqualTo(onbuild.heredocs());
		assertThat(trigger.text()).isEqualTo("RUN <<EOF\necho\nEOF\n");
	}

	@Test
	void lessThanSignsThatAreNotHeredocs() {
		Dockerfile file = Trees.parseLossless("FROM a\nRUN echo \"<<EOF\" '<<X' cat<<Y\nENV A=<<B\nRUN echo <<\n"
				+ "RUN [\"sh\", \"-c\", \"cat <<EOF\"]\n");
		assertThat(file.instructions()).hasSize(5);
		assertThat(file.instructions()).allSatisfy(i -> assertThat(i.heredocs()).isEmpty());
	}

	@Test
	void crlfTerminators() {
		String text = "FROM a\r\nRUN <<EOF\r\nhi\r\nEOF\r\nCMD c\r\n";
		Dockerfile file = Trees.parseLossless(text);
		Heredoc heredoc = file.instructions().get(1).heredocs().get(0);
		assertThat(heredoc.content()).isEqualTo("hi\r\n");
		assertThat(Trees.sourceOf(file, heredoc.terminatorSpan())).isEqualTo("EOF");
		assertThat(file.instructions()).hasSize(3);
	}

	@Test
	void heredocAfterAContinuationStartsAfterTheLastLine() {
		Dockerfile file = Trees.parseLossless("FROM a\nRUN --mount=type=cache,target=/c \\\n  cat <<EOF\nbody\nEOF\n");
		Instruction run = file.instructions().get(1);
		assertThat(run.heredocs().get(0).content()).isEqualTo("body\n");
		assertThat(run.endLine()).isEqualTo(5);
	}

	@Test
	void anUnterminatedHeredocNamesTheLineWhereItStarted() {
		assertThatThrownBy(() -> DockerfileParser.parse("FROM a\nRUN cat \\\n  <<EOF\nline\nline\n"))
			.isInstanceOfSatisfying(DockerfileSyntaxException.class, e -> {
				assertThat(e.line()).isEqualTo(3);
				assertThat(e.column()).isEqualTo(3);
				assertThat(e.detail()).contains("unterminated heredoc <<EOF");
			});
	}

	@Test
	void heredocsAreOnlyForRunCopyAndAdd() {
		Dockerfile file = Trees.parseLossless("FROM a\nLABEL x=<<EOF\nCMD cat <<EOF\n");
		assertThat(file.instructions()).hasSize(3);
	}

}
