package dev.rebaser.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CliUsageTest extends CliRunning {

	@TempDir
	Path dir;

	@Test
	void topLevelHelpListsEveryCommand() {
		assertThat(run("--help")).isEqualTo(0);
		assertThat(stdout()).contains("usage: rebaser")
			.contains("manifest")
			.contains("parse")
			.contains("rewrite")
			.contains("bootstrap-base")
			.contains("bootstrap-toolchain")
			.contains("packages")
			.contains("Exit codes");
		assertThat(stderr()).isEmpty();
	}

	@Test
	void helpCommandDescribesACommand() {
		assertThat(run("help", "rewrite")).isEqualTo(0);
		assertThat(stdout()).contains("usage: rebaser rewrite").contains("--target");
	}

	@ParameterizedTest
	@ValueSource(strings = { "manifest", "parse", "rewrite", "bootstrap-base", "bootstrap-toolchain", "packages" })
	void everyCommandHasHelp(String command) {
		assertThat(run(command, "--help")).isEqualTo(0);
		assertThat(stdout()).contains("usage: rebaser " + command).contains("--help");
		assertThat(stderr()).isEmpty();
	}

	@Test
	void versionIsPrinted() {
		assertThat(run("--version")).isEqualTo(0);
		assertThat(stdout()).startsWith("rebaser ");
	}

	@Test
	void anUnknownCommandPrintsUsageToStderrAndExitsWithTwo() {
		assertThat(run("rewirte", "Dockerfile")).isEqualTo(2);
		assertThat(stdout()).isEmpty();
		assertThat(stderr()).contains("rewirte").contains("usage: rebaser");
	}

	@Test
	void anUnknownOptionPrintsUsageToStderrAndExitsWithTwo() {
		assertThat(run("rewrite", "--frobnicate", "Dockerfile")).isEqualTo(2);
		assertThat(stdout()).isEmpty();
		assertThat(stderr()).contains("--frobnicate").contains("usage: rebaser rewrite");
	}

	@Test
	void anUnknownTopLevelOptionIsAUsageError() {
		assertThat(run("--frobnicate")).isEqualTo(2);
		assertThat(stderr()).contains("--frobnicate").contains("usage: rebaser");
	}

	@Test
	void aMissingOptionValueIsAUsageError() {
		assertThat(run("packages", "--suite")).isEqualTo(2);
		assertThat(stderr()).contains("--suite").contains("usage: rebaser packages");
	}

	@Test
	void onlyNoArgumentsOrSpringSettingsStartTheWebService() {
		assertThat(Cli.startsServer(new String[0])).isTrue();
		assertThat(Cli.startsServer(new String[] { "--spring.profiles.active=postgres", "--server.port=8081" }))
			.isTrue();
		assertThat(Cli.startsServer(new String[] { "rewirte" })).isFalse();
		assertThat(Cli.startsServer(new String[] { "--frobnicate" })).isFalse();
		assertThat(Cli.startsServer(new String[] { "--help" })).isFalse();
		assertThat(Cli.startsServer(new String[] { "--server.port=8081", "rewrite" })).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "mips64le", "mips64el" })
	void rewriteTakesEitherSpellingOfMips64le(String arch) throws IOException {
		Path dockerfile = Files.writeString(dir.resolve("Dockerfile"), "FROM alpine:3.20\nRUN apk add curl\n");
		assertThat(run("rewrite", "--json", "--arch", arch, dockerfile.toString())).as(stderr()).isEqualTo(0);
		assertThat(stdout()).contains("debian-bookworm/mips64le");
	}

	@Test
	void withoutOptionsRewriteUsesTheRulesDefaultTarget() throws IOException {
		Path dockerfile = Files.writeString(dir.resolve("Dockerfile"), "FROM alpine:3.20\nRUN apk add curl\n");
		assertThat(run("rewrite", "--json", dockerfile.toString())).isEqualTo(0);
		assertThat(stdout()).contains(dev.rebaser.rules.RuleSet.builtin().defaultTarget().key());
	}

}
