package dev.rebaser.build.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.model.BuildResponseItem;
import com.github.dockerjava.core.DockerClientConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BuildStreamTest {

	/**
	 * The mapper docker-java decodes the daemon's stream with, so the test sees what a
	 * real build sees.
	 */
	private static final ObjectMapper MAPPER = DockerClientConfig.getDefaultObjectMapper();

	@Test
	void successfulBuildGivesTheFullImageIdFromAuxAndTheStreamTextAsLog() throws IOException {
		BuildStream stream = replay("success.jsonl");

		assertThat(stream.imageId())
			.contains("sha256:9f8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a39281706f5e4d3c2b1a0");
		assertThat(stream.error()).isEmpty();
		assertThat(stream.log()).startsWith("Step 1/2 : FROM debian:bookworm-slim\n")
			.contains("hello\n")
			.endsWith("Successfully tagged rebaser/test:1\n");
	}

	@Test
	void errorItemIsTheFailureAndTheFailingStepsOutputStaysInTheLog() throws IOException {
		BuildStream stream = replay("failure.jsonl");

		assertThat(stream.imageId()).isEmpty();
		assertThat(stream.error())
			.contains("The command '/bin/sh -c echo about to fail && false' returned a non-zero code: 1");
		assertThat(stream.log()).contains("about to fail\n").endsWith("returned a non-zero code: 1\n");
	}

	@Test
	void aBrokenTransportIsAFailureEvenWithoutAnErrorItem() throws IOException {
		BuildStream stream = new BuildStream();
		stream.accept(MAPPER.readValue("{\"stream\":\"Step 1/1 : FROM x\\n\"}", BuildResponseItem.class));
		stream.broken(new java.net.SocketTimeoutException("Read timed out"));

		assertThat(stream.error()).get().asString().contains("Read timed out");
		assertThat(stream.log()).startsWith("Step 1/1 : FROM x\n").contains("Read timed out");
	}

	private static BuildStream replay(String name) throws IOException {
		BuildStream stream = new BuildStream();
		try (InputStream in = BuildStreamTest.class.getResourceAsStream("/build/stream/" + name)) {
			for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
				stream.accept(MAPPER.readValue(line, BuildResponseItem.class));
			}
		}
		return stream;
	}

}
