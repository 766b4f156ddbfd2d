package dev.rebaser.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContinuationTest {

	@Test
	void continuationsJoinWithoutTheEscapeAndKeepIndentation() {
		Dockerfile file = Trees.parseLossless("FROM a\nRUN apk add \\\n    curl \\\n    bash\nUSER x\n");
		Instruction run = file.instructions().get(1);
		assertThat(run.arguments()).isEqualTo("apk add     curl     bash");
		assertThat(run.startLine()).isEqualTo(2);
		assertThat(run.endLine()).isEqualTo(4);
		assertThat(file.instructions().get(2).startLine()).isEqualTo(5);
	}

	@Test
	void trailingBlanksAfterTheEscapeStillContinue() {
		Dockerfile file = Trees.parseLossless("FROM a\nRUN one \\  \t\n two\n");
		assertThat(file.instructions().get(1).arguments()).isEqualTo("one  two");
		assertThat(file.instructions()).hasSize(2);
	}

	@Test
	void commentAndEmptyLinesInsideAContinuationAreDroppedFromArguments() {
		String text = "FROM a\nRUN one \\\n  # note \\\n\n   \n  two \\\n#x\n  three\nCMD c\n";
		Dockerfile file = Trees.parseLossless(text);
		Instruction run = file.instructions().get(1);
		assertThat(run.arguments()).isEqualTo("one   two   three");
		assertThat(run.text()).isEqualTo("RUN one \\\n  # note \\\n\n   \n  two \\\n#x\n  three\n");
		assertThat(run.endLine()).isEqualTo(8);
		assertThat(file.instructions()).hasSize(3);
	}

	@Test
	void toSourceMapsAcrossContinuationAndDroppedLines() {
		String text = "FROM a\nRUN one \\\n  # note\n\n  two \\\n  three\n";
		Dockerfile file = Trees.parseLossless(text);
		Instruction run = file.instructions().get(1);
		String args = run.arguments();
		for (String word : new String[] { "one", "two", "three" }) {
			int at = args.indexOf(word);
			int source = run.toSource(at);
			assertThat(text.substring(source, source + word.length())).isEqualTo(word);
			assertThat(run.toSource(at + word.length() - 1)).isEqualTo(source + word.length() - 1);
		}
		assertThat(run.toSource(0)).isEqualTo(text.indexOf("one"));
	}

	@Test
	void aFileEndingMidContinuationEndsTheInstructionAtEof() {
		Dockerfile file = Trees.parseLossless("FROM a\nRUN one \\\n   two \\");
		Instruction run = file.instructions().get(1);
		assertThat(run.arguments()).isEqualTo("one    two");
		assertThat(run.span().end()).isEqualTo(file.text().length());

		Dockerfile dangling = Trees.parseLossless("FROM a\nRUN one \\\n# trailing comment\n\n");
		assertThat(dangling.instructions().get(1).arguments()).isEqualTo("one");
		assertThat(dangling.nodes()).hasSize(2);
	}

	@Test
	void aKeywordMayFollowAnEscapeOnlyLine() {
		Dockerfile file = Trees.parseLossless("FROM a\n\\\nRUN b\n");
		Instruction run = file.instructions().get(1);
		assertThat(run.keyword()).isEqualTo("RUN");
		assertThat(run.arguments()).isEqualTo("b");
		assertThat(run.startLine()).isEqualTo(2);
		assertThat(run.toSource(0)).isEqualTo(file.text().indexOf('b'));
	}

	@Test
	void crlfContinuations() {
		String text = "FROM a\r\nRUN a \\\r\n  # c\r\n\r\n  b\r\n";
		Dockerfile file = Trees.parseLossless(text);
		Instruction run = file.instructions().get(1);
		assertThat(run.arguments()).isEqualTo("a   b");
		assertThat(run.toSource(run.arguments().indexOf('b'))).isEqualTo(text.indexOf("b\r"));
		assertThat(run.span().end()).isEqualTo(text.length());
	}

	@Test
	void aCommentAfterAnInstructionIsNotPartOfIt() {
		Dockerfile file = Trees.parseLossless("FROM a\nRUN b # not a comment\n# a comment\n");
		assertThat(file.instructions().get(1).arguments()).isEqualTo("b # not a comment");
		assertThat(file.nodes()).hasSize(3);
	}

}
