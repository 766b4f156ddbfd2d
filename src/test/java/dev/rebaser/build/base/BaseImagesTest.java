package dev.rebaser.build.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rebaser.build.docker.CannedDaemon;
import dev.rebaser.build.docker.DockerUnavailableException;
import org.junit.jupiter.api.Test;

class BaseImagesTest {

	static final String REFERENCE = "debian:bookworm-slim";

	@Test
	void anImageOfTheWantedArchitectureIsPresentAndUsable() {
		CannedDaemon daemon = CannedDaemon.answering()
			.on("/images/" + REFERENCE + "/json", 200, "{\"Id\":\"sha256:1234\",\"Architecture\":\"mips64le\"}");

		BaseImageStatus status = new BaseImages(daemon.client(), "builder-1").status(REFERENCE, "bookworm", "mips64le");

		assertThat(status).isEqualTo(
				new BaseImageStatus("builder-1", REFERENCE, "bookworm", "mips64le", true, "sha256:1234", "mips64le"));
		assertThat(status.usable()).isTrue();
	}

	@Test
	void anImageOfAnotherArchitectureIsPresentButNotUsable() {
		CannedDaemon daemon = CannedDaemon.answering()
			.on("/images/" + REFERENCE + "/json", 200, "{\"Id\":\"sha256:5678\",\"Architecture\":\"amd64\"}");

		BaseImageStatus status = new BaseImages(daemon.client(), "builder-1").status(REFERENCE, "bookworm", "mips64le");

		assertThat(status.present()).isTrue();
		assertThat(status.architecture()).isEqualTo("amd64");
		assertThat(status.imageId()).isEqualTo("sha256:5678");
		assertThat(status.usable()).isFalse();
	}

	@Test
	void aMissingImageIsAbsentWithoutIdOrArchitecture() {
		BaseImageStatus status = new BaseImages(CannedDaemon.answering().client(), "builder-1").status(REFERENCE,
				"bookworm", "mips64le");

		assertThat(status.present()).isFalse();
		assertThat(status.usable()).isFalse();
		assertThat(status.imageId()).isNull();
		assertThat(status.architecture()).isNull();
		assertThat(status.host()).isEqualTo("builder-1");
		assertThat(status.suite()).isEqualTo("bookworm");
	}

	@Test
	void anUnreachableDaemonIsDockerUnavailableNamingTheHost() {
		assertThatThrownBy(() -> new BaseImages(CannedDaemon.unreachable().client(), "builder-2").status(REFERENCE,
				"bookworm", "mips64le"))
			.isInstanceOf(DockerUnavailableException.class)
			.hasMessageContaining("builder-2");
	}

	@Test
	void usableNeedsPresenceAndTheSameArchitecture() {
		assertThat(new BaseImageStatus("h", REFERENCE, "bookworm", "mips64le", false, null, "mips64le").usable())
			.isFalse();
		assertThat(new BaseImageStatus("h", REFERENCE, "bookworm", "mips64le", true, "sha256:1", "mips64le").usable())
			.isTrue();
		assertThat(new BaseImageStatus("h", REFERENCE, "bookworm", "mips64le", true, "sha256:1", null).usable())
			.isFalse();
	}

}
