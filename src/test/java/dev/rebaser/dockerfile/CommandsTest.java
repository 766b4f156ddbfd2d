package dev.rebaser.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Instruction.commands(): the shell analysis of RUN with spans in the Dockerfile text.
 * The assertions hold for any correct splitting of the script into simple commands, so
 * they only pin down the parser's mapping.
 */
class CommandsTest {

	@Test
	void shellFormWordsMapToTheirSourceAcrossContinuations() {
		String text = "FROM a\nRUN apk add \\\n  # packages\n\n    curl \\\n    bash\n";
		Dockerfile file = Trees.parseLossless(text);
		List<ShellCommand> commands = file.instructions().get(1).commands();
		assertThat(commands).isNotEmpty();
		assertThat(commands.get(0).name()).contains("apk");
		List<Word> words = commands.stream().flatMap(c -> c.words().stream()).toList();
		assertThat(words).extracting(Word::raw).containsExactly("apk", "add", "curl", "bash");
		for (Word word : words) {
			assertThat(Trees.sourceOf(file, word.span())).isEqualTo(word.raw());
		}
		assertThat(words.get(2).span().start()).isEqualTo(text.indexOf("curl"));
		ShellCommand command = commands.get(0);
		assertThat(command.span().start()).isEqualTo(text.indexOf("apk"));
	}

	@Test
	void wordsOnLaterLinesKeepTheirOwnLine() {
		String text = "FROM a\r\nRUN set -e; \\\r\n\techo done\r\n";
		Dockerfile file = Trees.parseLossless(text);
		List<Word> words = file.instructions().get(1).commands().stream().flatMap(c -> c.words().stream()).toList();
		Word done = words.stream().filter(w -> w.raw().equals("done")).findFirst().orElseThrow();
		assertThat(file.lineOf(done.span().start())).isEqualTo(3);
		assertThat(file.columnOf(done.span().start())).isEqualTo(7);
		assertThat(Trees.sourceOf(file, done.span())).isEqualTo("done");
	}

	@Test
	void onlyRunHasCommands() {
		Dockerfile file = Trees.parseLossless("FROM a\nCMD echo hi\nENTRYPOINT [\"sh\"]\nUSER x\n");
		assertThat(file.instructions()).allSatisfy(i -> assertThat(i.commands()).isEmpty());
	}

	@Test
	void execFormRunIsOneCommandOfTheJsonStrings() {
		String text = "FROM a\nRUN [\"/bin/sh\", \\\n  \"-c\", \"echo \\\"hi\\\"\"]\n";
		Dockerfile file = Trees.parseLossless(text);
		List<ShellCommand> commands = file.instructions().get(1).commands();
		assertThat(commands).hasSize(1);
		ShellCommand command = commands.get(0);
		assertThat(command.words()).extracting(Word::literal).containsExactly("/bin/sh", "-c", "echo \"hi\"");
		assertThat(command.name()).contains("/bin/sh");
		assertThat(Trees.sourceOf(file, command.words().get(1).span())).isEqualTo("\"-c\"");
		assertThat(Trees.sourceOf(file, command.words().get(2).span())).isEqualTo("\"echo \\\"hi\\\"\"");
		assertThat(Trees.sourceOf(file, command.span())).startsWith("[\"/bin/sh\"").endsWith("\"]");
	}

	@Test
	void aLoneHeredocIsTheScript() {
		String text = "FROM a\nRUN <<EOF\napk add curl\nEOF\n";
		Dockerfile file = Trees.parseLossless(text);
		List<ShellCommand> commands = file.instructions().get(1).commands();
		assertThat(commands).hasSize(1);
		assertThat(commands.get(0).argv()).containsExactly("apk", "add", "curl");
		assertThat(commands.get(0).words().get(2).span().start()).isEqualTo(text.indexOf("curl"));
	}

	@Test
	void tabStrippedHeredocSpansPointPastTheTabs() {
		String text = "FROM a\nRUN <<-EOF\n\tapk add curl\n\t\tapk del x\n\tEOF\n";
		Dockerfile file = Trees.parseLossless(text);
		List<Word> words = file.instructions().get(1).commands().stream().flatMap(c -> c.words().stream()).toList();
		assertThat(words).extracting(Word::raw).containsExactly("apk", "add", "curl", "apk", "del", "x");
		for (Word word : words) {
			assertThat(Trees.sourceOf(file, word.span())).isEqualTo(word.raw());
		}
		assertThat(words.get(3).span().start()).isEqualTo(text.indexOf("apk del"));
	}

	@Test
	void aShellReadingTheHeredocMakesItTheScript() {
		String text = "FROM a\nRUN /bin/bash <<EOF\napk add curl\nEOF\n";
		Dockerfile file = Trees.parseLossless(text);
		List<ShellCommand> commands = file.instructions().get(1).commands();
		assertThat(commands).extracting(c -> c.name().orElse("")).contains("/bin/bash", "apk");
		ShellCommand apk = commands.stream().filter(c -> c.name().orElse("").equals("apk")).findFirst().orElseThrow();
		assertThat(apk.span().start()).isEqualTo(text.indexOf("apk"));
	}

	@Test
	void aHeredocThatIsDataIsNotAnalysed() {
		Dockerfile file = Trees.parseLossless("FROM a\nRUN cat <<EOF\napk add curl\nEOF\n"
				+ "RUN <<EOF\n#!/usr/bin/env python3\nprint(1)\nEOF\nRUN <<EOF\n#!/bin/sh\napk add x\nEOF\n");
		assertThat(file.instructions().get(1).commands()).extracting(c -> c.name().orElse("")).doesNotContain("apk");
		assertThat(file.instructions().get(2).commands()).isEmpty();
		assertThat(file.instructions().get(3).commands()).extracting(c -> c.name().orElse("")).contains("apk");
	}

	@Test
	void onbuildRunTriggerHasCommands() {
		String text = "FROM a\nONBUILD RUN apk add curl\n";
		Dockerfile file = Trees.parseLossless(text);
		Instruction onbuild = file.instructions().get(1);
		Instruction trigger = onbuild.trigger().orElseThrow();
		assertThat(onbuild.commands()).isEmpty();
		assertThat(trigger.arguments()).isEqualTo("apk add curl");
		List<Word> words = trigger.commands().stream().flatMap(c -> c.words().stream()).toList();
		assertThat(words).extracting(Word::raw).containsExactly("apk", "add", "curl");
		assertThat(words.get(0).span().start()).isEqualTo(text.indexOf("apk"));
		assertThat(trigger.span()).isEqualTo(new Span(text.indexOf("RUN"), text.length()));
	}

	@Test
	void commandsAreComputedOnceAndReused() {
		Instruction run = Trees.parseLossless("FROM a\nRUN echo hi\n").instructions().get(1);
		assertThat(run.commands()).isSameAs(run.commands());
	}

}
