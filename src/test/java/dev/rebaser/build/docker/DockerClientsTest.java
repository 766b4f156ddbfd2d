package dev.rebaser.build.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.transport.DockerHttpClient;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DockerClientsTest {

	/**
	 * A daemon stand-in that answers every request with one status and body, and
	 * remembers the paths asked.
	 */
	static final class RecordingDaemon implements DockerHttpClient {

		final List<String> paths = new ArrayList<>();

		final int status;

		final String versionBody;

		RecordingDaemon(int status, String versionBody) {
			this.status = status;
			this.versionBody = versionBody;
		}

		@Override
		public Response execute(Request request) {
			paths.add(request.path());
			String body = request.path().endsWith("/version") ? versionBody : "OK";
			return new Response() {
				@Override
				public int getStatusCode() {
					return status;
				}

				@Override
				public Map<String, List<String>> getHeaders() {
					return Map.of("Content-Type", List.of("application/json"));
				}

				@Override
				public InputStream getBody() {
					return new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8));
				}

				@Override
				public void close() {
				}
			};
		}

		@Override
		public void close() {
		}

	}

	@Test
	void asksVersionWithoutPrefixThenSpeaksTheDaemonsApiVersion() {
		RecordingDaemon daemon = new RecordingDaemon(200,
				"{\"Version\":\"20.10.24\",\"ApiVersion\":\"1.41\",\"MinAPIVersion\":\"1.12\"}");

		DockerClient client = DockerClients.connect(config(), daemon);
		client.pingCmd().exec();

		assertThat(daemon.paths).containsExactly("/version", "/v1.41/_ping");
	}

	@Test
	void aNewerDaemonIsSpokenToInItsNewerVersion() {
		RecordingDaemon daemon = new RecordingDaemon(200,
				"{\"Version\":\"28.2.2\",\"ApiVersion\":\"1.50\",\"MinAPIVersion\":\"1.44\"}");

		DockerClients.connect(config(), daemon).pingCmd().exec();

		assertThat(daemon.paths).containsExactly("/version", "/v1.50/_ping");
	}

	@Test
	void anAnswerWithoutApiVersionOrAnErrorStatusMeansNoUsableDaemon() {
		assertThatThrownBy(() -> DockerClients.connect(config(), new RecordingDaemon(200, "{\"Version\":\"x\"}")))
			.isInstanceOf(DockerUnavailableException.class)
			.hasMessageContaining("ApiVersion");
		assertThatThrownBy(() -> DockerClients.connect(config(), new RecordingDaemon(503, "{}")))
			.isInstanceOf(DockerUnavailableException.class)
			.hasMessageContaining("503");
	}

	private static DefaultDockerClientConfig.Builder config() {
		return DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost("unix:///nowhere/docker.sock");
	}

}
