package dev.rebaser.build.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rebaser.build.base.Architecture;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImageExportTest {

	static final String INSPECT = "{\"Id\":\"sha256:abc\",\"Architecture\":\"mips64le\"}";

	@Test
	void saveCopiesTheDaemonsArchiveToTheStream() {
		byte[] archive = new byte[200_000];
		for (int i = 0; i < archive.length; i++) {
			archive[i] = (byte) (i * 31);
		}
		CannedDaemon daemon = CannedDaemon.answering()
			.on("/images/rebaser-it/tiny:1/json", 200, INSPECT)
			.on("/images/rebaser-it/tiny:1/get", 200, archive);
		ByteArrayOutputStream out = new ByteArrayOutputStream();

		new ImageExport(daemon.client()).save("rebaser-it/tiny:1", out);

		assertThat(out.toByteArray()).isEqualTo(archive);
	}

	@Test
	void aMissingImageIsNamedInTheFailure() {
		CannedDaemon daemon = CannedDaemon.answering();

		assertThatThrownBy(
				() -> new ImageExport(daemon.client()).save("rebaser-it/gone:1", OutputStream.nullOutputStream()))
			.isInstanceOfSatisfying(ImageNotFoundException.class,
					e -> assertThat(e.reference()).isEqualTo("rebaser-it/gone:1"))
			.hasMessageContaining("rebaser-it/gone:1");
		assertThat(daemon.paths).noneMatch(path -> path.contains("/get"));
	}

	@Test
	void saveAllNamesTheOneMissingReference() {
		CannedDaemon daemon = CannedDaemon.answering().on("/images/rebaser-it/here:1/json", 200, INSPECT);

		assertThatThrownBy(() -> new ImageExport(daemon.client())
			.saveAll(List.of("rebaser-it/here:1", "rebaser-it/gone:2"), OutputStream.nullOutputStream()))
			.isInstanceOf(ImageNotFoundException.class)
			.hasMessageContaining("rebaser-it/gone:2")
			.hasMessageNotContaining("here");
	}

	@Test
	void saveAllAsksForEveryReferenceInOneRequest() {
		CannedDaemon daemon = CannedDaemon.answering().on("/json", 200, INSPECT).on("/images/get", 200, "archive");
		ByteArrayOutputStream out = new ByteArrayOutputStream();

		new ImageExport(daemon.client()).saveAll(List.of("rebaser-it/a:1", "registry.example:5000/b"), out);

		assertThat(out.toString()).isEqualTo("archive");
		String get = daemon.paths.stream().filter(p -> p.contains("/images/get")).findFirst().orElseThrow();
		assertThat(get).contains("names=rebaser-it/a:1").contains("names=registry.example:5000/b:latest");
	}

	@Test
	void anUnreachableDaemonIsDockerUnavailable() {
		CannedDaemon daemon = CannedDaemon.unreachable();

		assertThatThrownBy(
				() -> new ImageExport(daemon.client()).save("debian:bookworm-slim", OutputStream.nullOutputStream()))
			.isInstanceOf(DockerUnavailableException.class);
	}

	@Test
	void aFailingDestinationIsAnIoFailureNotTheDaemons() {
		CannedDaemon daemon = CannedDaemon.answering().on("/json", 200, INSPECT).on("/get", 200, "archive");
		OutputStream broken = new OutputStream() {
			@Override
			public void write(int b) throws IOException {
				throw new IOException("disk full");
			}

			@Override
			public void write(byte[] b, int off, int len) throws IOException {
				throw new IOException("disk full");
			}
		};

		assertThatThrownBy(() -> new ImageExport(daemon.client()).save("debian:bookworm-slim", broken))
			.isInstanceOf(UncheckedIOException.class)
			.hasRootCauseMessage("disk full");
	}

	@Test
	void referencesSplitSoThatJoiningGivesThemBack() {
		for (String reference : List.of("debian:bookworm-slim", "rebaser-it/a:1", "sha256:0123abcd",
				"registry.example:5000/team/app:v2", "repo@sha256:0123abcd")) {
			assertThat(ImageExport.ImageReference.split(reference).joined()).isEqualTo(reference);
		}
		assertThat(ImageExport.ImageReference.split("registry.example:5000/app"))
			.isEqualTo(new ImageExport.ImageReference("registry.example:5000/app", "latest"));
	}

}
