package dev.rebaser.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExecFormAndFlagsTest {

	@Test
	void validJsonArraysAreExecForm() {
		Dockerfile file = Trees.parseLossless(
				"FROM a\nCMD [ \"sh\" , \"-c\", \"echo \\\"\\u0041\\\\\" ]\n" + "ENTRYPOINT []\nVOLUME [\"/data\"]\n");
		Instruction cmd = file.instructions().get(1);
		assertThat(cmd.isExecForm()).isTrue();
		assertThat(cmd.execArgs()).containsExactly("sh", "-c", "echo \"A\\");
		assertThat(file.instructions().get(2).isExecForm()).isTrue();
		assertThat(file.instructions().get(2).execArgs()).isEmpty();
		assertThat(file.instructions().get(3).execArgs()).containsExactly("/data");
	}

	@Test
	void invalidJsonFallsBackToShellForm() {
		String[] shellForms = { "CMD [\"sh\", 'x']", "CMD [\"a\",]", "CMD [\"a\"] x", "CMD [\"a\"", "CMD [1 2]",
				"CMD [01]", "CMD [{\"a\" 1}]", "CMD [\"a\\q\"]", "CMD [", "CMD [\"\\u12\"]", "CMD [\"a\" \"b\"]" };
		for (String line : shellForms) {
			Instruction cmd = Trees.parseLossless("FROM a\n" + line + "\n").instructions().get(1);
			assertThat(cmd.isExecForm()).as(line).isFalse();
			assertThat(cmd.execArgs()).as(line).isEmpty();
			assertThat(cmd.arguments()).as(line).isEqualTo(line.substring(4));
		}
	}

	@Test
	void validJsonWithOtherElementsIsRejectedLikeDocker() {
		String[] arrays = { "[1]", "[\"a\", null]", "[[\"a\"]]", "[{\"k\": [1, {\"x\": \"y\"}]}, \"b\"]",
				"[true, -1.5e3, \"c\"]" };
		for (String array : arrays) {
			org.assertj.core.api.Assertions.assertThatThrownBy(() -> DockerfileParser.parse("FROM a\nRUN " + array))
				.as(array)
				.isInstanceOfSatisfying(DockerfileSyntaxException.class, e -> assertThat(e.detail())
					.isEqualTo("when using JSON array syntax, arrays must be comprised of strings only"));
		}
	}

	@Test
	void nestingTooDeepForJsonIsShellForm() {
		String deep = "[1, " + "[".repeat(20_000) + "]".repeat(20_000) + "]";
		Instruction cmd = Trees.parseLossless("FROM a\nCMD " + deep + "\n").instructions().get(1);
		assertThat(cmd.isExecForm()).isFalse();
	}

	@Test
	void execFormOnlyForInstructionsThatHaveIt() {
		Dockerfile file = Trees.parseLossless("FROM a\nLABEL [\"a\"]=b\nWORKDIR [\"/x\"]\n");
		assertThat(file.instructions().get(1).isExecForm()).isFalse();
		assertThat(file.instructions().get(2).isExecForm()).isFalse();
	}

	@Test
	void execFormAcrossContinuationLines() {
		Dockerfile file = Trees.parseLossless("FROM a\nENTRYPOINT [\"/bin/tini\", \\\n   \"--\"]\n");
		assertThat(file.instructions().get(1).execArgs()).containsExactly("/bin/tini", "--");
	}

	@Test
	void flagsWithAndWithoutValues() {
		String text = "FROM a\nCOPY --from=build --chown=1000:1000 --link --chmod=\"0755\" src /dst\n";
		Dockerfile file = Trees.parseLossless(text);
		Instruction copy = file.instructions().get(1);
		assertThat(copy.flags()).extracting(Flag::name).containsExactly("from", "chown", "link", "chmod");
		assertThat(copy.flags()).extracting(Flag::value).containsExactly("build", "1000:1000", null, "0755");
		assertThat(copy.flag("from")).contains("build");
		assertThat(copy.flag("link")).contains("");
		assertThat(copy.flag("network")).isEqualTo(Optional.empty());
		assertThat(Trees.sourceOf(file, copy.flags().get(3).span())).isEqualTo("--chmod=\"0755\"");
		assertThat(copy.arguments()).isEqualTo("src /dst");
	}

	@Test
	void doubleDashEndsFlags() {
		Instruction run = Trees.parseLossless("FROM a\nRUN --network=none -- --not-a-flag x\n").instructions().get(1);
		assertThat(run.flags()).extracting(Flag::name).containsExactly("network");
		assertThat(run.arguments()).isEqualTo("--not-a-flag x");
	}

	@Test
	void flagsStopAtTheFirstOtherWord() {
		Instruction run = Trees.parseLossless("FROM a\nRUN apt-get --yes install\n").instructions().get(1);
		assertThat(run.flags()).isEmpty();
		assertThat(run.arguments()).isEqualTo("apt-get --yes install");
	}

	@Test
	void flagSpansOnAContinuationLine() {
		String text = "FROM a\nRUN \\\n  --mount=type=cache,target=/var/cache/apt \\\n  apt-get update\n";
		Dockerfile file = Trees.parseLossless(text);
		Instruction run = file.instructions().get(1);
		Flag mount = run.flags().get(0);
		assertThat(mount.value()).isEqualTo("type=cache,target=/var/cache/apt");
		assertThat(Trees.sourceOf(file, mount.span())).isEqualTo("--mount=type=cache,target=/var/cache/apt");
		assertThat(run.arguments()).isEqualTo("apt-get update");
	}

	@Test
	void execFormRunAfterFlags() {
		Instruction run = Trees.parseLossless("FROM a\nRUN --network=host [\"echo\", \"x\"]\n").instructions().get(1);
		assertThat(run.isExecForm()).isTrue();
		assertThat(run.execArgs()).containsExactly("echo", "x");
	}

}
