package dev.rebaser.build.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;

class ImageLoadTest {

	static final ByteArrayInputStream ARCHIVE = new ByteArrayInputStream(new byte[] { 1, 2, 3 });

	@Test
	void everyImageTheDaemonReportsIsReturnedInItsOrder() {
		CannedDaemon daemon = CannedDaemon.answering()
			.on("/images/load", 200, "{\"stream\":\"Loaded image: rebaser-it/a:1\\n\"}\n"
					+ "{\"stream\":\"Loaded image ID: sha256:abc\\n\"}\n{\"stream\":\"Loaded image: rebaser-it/b:2\\n\"}");

		assertThat(new ImageLoad(daemon.client()).load(ARCHIVE)).containsExactly("rebaser-it/a:1", "sha256:abc",
				"rebaser-it/b:2");
		assertThat(daemon.paths).containsExactly("/images/load?quiet=1");
	}

	@Test
	void anErrorInTheAnswerIsThrownWithTheDaemonsMessage() {
		CannedDaemon daemon = CannedDaemon.answering()
			.on("/images/load", 200, "{\"stream\":\"Loaded image: rebaser-it/a:1\\n\"}\n"
					+ "{\"errorDetail\":{\"message\":\"unexpected EOF\"},\"error\":\"unexpected EOF\"}");

		assertThatThrownBy(() -> new ImageLoad(daemon.client()).load(ARCHIVE)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("unexpected EOF");
	}

	@Test
	void aRefusalNamesTheStatusAndTheMessage() {
		CannedDaemon daemon = CannedDaemon.answering()
			.on("/images/load", 500, "{\"message\":\"archive/tar: invalid tar header\"}");

		assertThatThrownBy(() -> new ImageLoad(daemon.client()).load(ARCHIVE)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("HTTP 500")
			.hasMessageContaining("invalid tar header");
	}

	@Test
	void anUnreachableDaemonIsReportedAsSuch() {
		assertThatThrownBy(() -> new ImageLoad(CannedDaemon.unreachable().client()).load(ARCHIVE))
			.isInstanceOf(DockerUnavailableException.class)
			.hasMessageContaining("Connection refused");
	}

}
