package dev.rebaser.build.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BuildRequestTest {

	@Test
	void defaultsToTheContextsDockerfileWithCacheAndNoArgsOrTags() {
		BuildRequest request = BuildRequest.ofDirectory(Path.of("ctx"), "mips64le");

		assertThat(request.dockerfile()).isEqualTo("Dockerfile");
		assertThat(request.noCache()).isFalse();
		assertThat(request.buildArgs()).isEmpty();
		assertThat(request.tags()).isEmpty();
	}

	@Test
	void withersAddWithoutLosingEarlierSettings() {
		BuildRequest request = BuildRequest.ofDirectory(Path.of("ctx"), "mips64le")
			.withoutCache()
			.withDockerfile("build/Dockerfile.debian")
			.withBuildArg("BASEIMAGE", "debian:bookworm-slim")
			.withBuildArg("BASEARCH", "mips64el")
			.withTag("a:1")
			.withTag("a:latest");

		assertThat(request.noCache()).isTrue();
		assertThat(request.dockerfile()).isEqualTo("build/Dockerfile.debian");
		assertThat(request.buildArgs()).containsOnlyKeys("BASEIMAGE", "BASEARCH");
		assertThat(request.tags()).containsExactlyInAnyOrder("a:1", "a:latest");
		assertThat(request.contextDir()).isEqualTo(Path.of("ctx"));
	}

	@Test
	void aRequestNeedsExactlyOneContextAndAnArchitecture() {
		assertThatThrownBy(() -> new BuildRequest(Path.of("ctx"), new ByteArrayInputStream(new byte[0]), null,
				java.util.Map.of(), java.util.Set.of(), "mips64le", false))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> BuildRequest.ofDirectory(Path.of("ctx"), " "))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
