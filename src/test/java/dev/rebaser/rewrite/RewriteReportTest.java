package dev.rebaser.rewrite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebaser.rules.RuleSet;
import org.junit.jupiter.api.Test;

class RewriteReportTest {

	private static final RuleSet RULES = RewriteGoldenTest.RULES;

	@Test
	void namesTheTargetEveryChangeEveryWarningAndTheQemuDecision() {
		Rewriter rewriter = new Rewriter(RULES);
		RewriteOptions options = RewriteOptions.defaults(RULES);
		RewriteResult result = rewriter.rewrite("""
				ARG BASEIMAGE
				FROM $BASEIMAGE
				CROSS_BUILD_COPY qemu-QEMUARCH-static /usr/bin/
				RUN apk add --no-cache curl=8.5.0-r0 && adduser -D -g 'a|b' app
				""", options);
		BaseImageFileResult base = rewriter.rewriteBaseImageFile("linux/amd64=alpine:3.19\n", options);
		String report = RewriteReport.markdown("Dockerfile", result, base);
		assertThat(report).contains("Target: `debian-bookworm/mips64le`")
			.contains("| 3 | `dialect:CROSS_BUILD_COPY` | `CROSS_BUILD_COPY qemu-QEMUARCH-static /usr/bin/` |")
			.contains("`apk:add`")
			.contains("| 4 | version-pin-dropped |")
			.contains("## Changes in BASEIMAGE")
			.contains("`linux/mips64le=debian:bookworm-slim`")
			.contains("binfmt_misc")
			.contains("`adduser -D -g 'a\\|b' app`");
	}

	@Test
	void withoutChangesItSaysNone() {
		RewriteResult result = new Rewriter(RULES).rewrite("FROM debian:bookworm-slim\n",
				RewriteOptions.defaults(RULES));
		assertThat(RewriteReport.markdown("Dockerfile", result, null)).contains("## Changes in Dockerfile\n\nNone.")
			.contains("## Warnings\n\nNone.")
			.doesNotContain("BASEIMAGE");
	}

}
