package dev.rebaser.build.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.core.RemoteApiVersion;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

/**
 * Connects docker-java to a daemon, speaking the daemon's own API version.
 *
 * <p>
 * docker-java would otherwise send requests under a version of its choice: dockerd 20.10
 * (API 1.41) rejects versions newer than its own, and recent daemons reject anything
 * below 1.44. So the daemon is asked first, through {@code /version} without a version
 * prefix, which every daemon answers.
 */
public final class DockerClients {

	/**
	 * An emulated {@code RUN} step can print nothing for many minutes, and a build stream
	 * stays open for all of it.
	 */
	static final Duration RESPONSE_TIMEOUT = Duration.ofHours(6);
	static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);

	private static final ObjectMapper JSON = new ObjectMapper();

	private DockerClients() {
	}

	public static DockerClient connect(DockerHost host) {
		DefaultDockerClientConfig.Builder config = DefaultDockerClientConfig.createDefaultConfigBuilder()
			.withDockerHost(host.uri().toString())
			.withDockerTlsVerify(host.usesTls());
		if (host.usesTls()) {
			config.withDockerCertPath(host.tlsCertPath().toString());
		}
		return connect(config, httpClient(config.build()));
	}

	/**
	 * The transport does not depend on the API version, so one client asks the version
	 * and then serves all requests.
	 */
	public static DockerClient connect(DefaultDockerClientConfig.Builder config, DockerHttpClient http) {
		String apiVersion = daemonApiVersion(http);
		return DockerClientImpl.getInstance(config.withApiVersion(RemoteApiVersion.parseConfig(apiVersion)).build(),
				http);
	}

	/** The API version the daemon speaks, e.g. {@code 1.41} for dockerd 20.10. */
	public static String daemonApiVersion(DockerHttpClient http) {
		DockerHttpClient.Request request = DockerHttpClient.Request.builder()
			.method(DockerHttpClient.Request.Method.GET)
			.path("/version")
			.build();
		try (DockerHttpClient.Response response = http.execute(request); InputStream body = response.getBody()) {
			if (response.getStatusCode() != 200) {
				throw new DockerUnavailableException(
						"the Docker daemon answered /version with HTTP " + response.getStatusCode());
			}
			return apiVersionOf(JSON.readTree(body));
		}
		catch (DockerUnavailableException e) {
			throw e;
		}
		catch (IOException | RuntimeException e) {
			throw new DockerUnavailableException("no Docker daemon answers: " + e.getMessage(), e);
		}
	}

	public static String apiVersionOf(JsonNode version) {
		String apiVersion = version.path("ApiVersion").asText("");
		if (!apiVersion.matches("\\d+\\.\\d+")) {
			throw new DockerUnavailableException("the Docker daemon gave no usable ApiVersion: " + version);
		}
		return apiVersion;
	}

	private static DockerHttpClient httpClient(DockerClientConfig config) {
		return new ApacheDockerHttpClient.Builder().dockerHost(config.getDockerHost())
			.sslConfig(config.getSSLConfig())
			.connectionTimeout(CONNECT_TIMEOUT)
			.responseTimeout(RESPONSE_TIMEOUT)
			.maxConnections(32)
			.build();
	}

}
