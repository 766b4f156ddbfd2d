package dev.rebaser.rewrite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebaser.rules.RuleSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BaseImageFileTest {

	private static final RuleSet RULES = RewriteGoldenTest.RULES;

	private static BaseImageFileResult rewrite(String text) {
		return new Rewriter(RULES).rewriteBaseImageFile(text, RewriteOptions.defaults(RULES));
	}

	@Test
	void aFileThatAlreadyNamesTheTargetStaysAsItIs() {
		String text = "linux/amd64=alpine:3.12\nlinux/mips64le=example/base:1\n";
		assertThat(rewrite(text).text()).isEqualTo(text);
		assertThat(rewrite(text).changes()).isEmpty();
	}

	@Test
	void keepsCrlfAndAMissingFinalNewline() {
		assertThat(rewrite("linux/amd64=alpine:3.12\r\nlinux/arm64=arm64v8/alpine:3.12").text()).isEqualTo(
				"linux/amd64=alpine:3.12\r\nlinux/arm64=arm64v8/alpine:3.12\r\nlinux/mips64le=debian:bookworm-slim");
	}

	@Test
	void anUnknownImageIsUsedAsItIsWithAWarning() {
		BaseImageFileResult result = rewrite("# base images\nlinux/amd64=example.org/base:1.0\n");
		assertThat(result.text())
			.isEqualTo("# base images\nlinux/amd64=example.org/base:1.0\nlinux/mips64le=example.org/base:1.0\n");
		assertThat(result.warnings()).extracting(RewriteWarning::code, RewriteWarning::line)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("base-image-unmapped", 2));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = {
					"linux/amd64=REGISTRY/agnhost:2.26-linux-amd64|linux/mips64le=REGISTRY/agnhost:2.26-linux-mips64le",
					"amd64=REGISTRY/agnhost:2.8-amd64|mips64le=REGISTRY/agnhost:2.8-mips64le",
					"amd64=REGISTRY/agnhost-amd64:2.8|mips64le=REGISTRY/agnhost-mips64le:2.8",
					"amd64=REGISTRY/agnhost-amd64|mips64le=REGISTRY/agnhost-mips64le" })
	void anotherE2eImageKeepsItsTagSchemeWithTheTargetsArch(String line, String added) {
		BaseImageFileResult result = rewrite("arm=REGISTRY/x-arm:1\n" + line + "\n");

		assertThat(result.text()).isEqualTo("arm=REGISTRY/x-arm:1\n" + line + "\n" + added + "\n");
		assertThat(result.warnings()).isEmpty();
	}

	@Test
	void anE2eImageWhoseReferenceNamesNoArchIsUsedAsItIsWithAWarning() {
		BaseImageFileResult result = rewrite("linux/amd64=REGISTRY/agnhost:2.8\n");

		assertThat(result.text()).isEqualTo("linux/amd64=REGISTRY/agnhost:2.8\nlinux/mips64le=REGISTRY/agnhost:2.8\n");
		assertThat(result.warnings()).extracting(RewriteWarning::message)
			.containsExactly("REGISTRY/agnhost:2.8 does not name its architecture; the target line uses it unchanged");
	}

	@Test
	void aFileWithoutLinuxLinesIsReported() {
		BaseImageFileResult result = rewrite("windows/amd64/1809=mcr.microsoft.com/windows/nanoserver:1809\n");
		assertThat(result.changes()).isEmpty();
		assertThat(result.warnings()).extracting(RewriteWarning::code).containsExactly("base-image-unmapped");
	}

}
