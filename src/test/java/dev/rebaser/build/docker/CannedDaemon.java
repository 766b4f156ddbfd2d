package dev.rebaser.build.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.transport.DockerHttpClient;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A daemon stand-in for unit tests: answers requests whose path contains a registered
 * piece with a fixed status and body, everything else with 404, and remembers the paths
 * asked (decoded). An unreachable one fails every request as a refused connection does.
 */
public final class CannedDaemon implements DockerHttpClient {

	public record Answer(int status, byte[] body) {
	}

	final List<String> paths = new ArrayList<>();

	private final Map<String, Answer> answers = new LinkedHashMap<>();

	private final boolean reachable;

	private CannedDaemon(boolean reachable) {
		this.reachable = reachable;
	}

	public static CannedDaemon answering() {
		return new CannedDaemon(true);
	}

	public static CannedDaemon unreachable() {
		return new CannedDaemon(false);
	}

	public CannedDaemon on(String pathPiece, int status, String body) {
		return on(pathPiece, status, body.getBytes(StandardCharsets.UTF_8));
	}

	public CannedDaemon on(String pathPiece, int status, byte[] body) {
		answers.put(pathPiece, new Answer(status, body));
		return this;
	}

	public DockerClient client() {
		DefaultDockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
			.withDockerHost("unix:///nowhere/docker.sock")
			.withApiVersion("1.41")
			.build();
		return DockerClientImpl.getInstance(config, this);
	}

	@Override
	public Response execute(Request request) {
		String path = URLDecoder.decode(request.path(), StandardCharsets.UTF_8);
		paths.add(path);
		if (!reachable) {
			throw new UncheckedIOException(new ConnectException("Connection refused"));
		}
		Answer answer = answers.entrySet()
			.stream()
			.filter(e -> path.contains(e.getKey()))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse(new Answer(404, "{\"message\":\"no such image\"}".getBytes(StandardCharsets.UTF_8)));
		return new Response() {
			@Override
			public int getStatusCode() {
				return answer.status();
			}

			@Override
			public Map<String, List<String>> getHeaders() {
				return Map.of("Content-Type", List.of("application/json"));
			}

			@Override
			public InputStream getBody() {
				return new ByteArrayInputStream(answer.body());
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
