package dev.rebaser.rewrite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebaser.rules.RuleSet;
import org.junit.jupiter.api.Test;

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

	@Test
	void aFileWithoutLinuxLinesIsReported() {
		BaseImageFileResult result = rewrite("windows/amd64/1809=mcr.microsoft.com/windows/nanoserver:1809\n");
		assertThat(result.changes()).isEmpty();
		assertThat(result.warnings()).extracting(RewriteWarning::code).containsExactly("base-image-unmapped");
	}

}
