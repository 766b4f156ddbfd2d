package dev.rebaser.rewrite;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RewriteLogTest {

	@Test
	void aWarningFoundAgainOnItsLineIsKeptOnceInLineOrder() {
		RewriteLog log = new RewriteLog();
		log.warn(3, "version-pin-dropped", "curl=8.0 is an Alpine version");
		log.warn(1, "apk-untranslated", "apk fix");
		log.warn(3, "version-pin-dropped", "curl=8.0 is an Alpine version");
		log.warn(3, "version-pin-dropped", "wget=1.0 is an Alpine version");
		log.warn(1, "apk-untranslated", "apk fix");

		assertThat(log.warnings()).containsExactly(new RewriteWarning(1, "apk-untranslated", "apk fix"),
				new RewriteWarning(3, "version-pin-dropped", "curl=8.0 is an Alpine version"),
				new RewriteWarning(3, "version-pin-dropped", "wget=1.0 is an Alpine version"));
	}

}
