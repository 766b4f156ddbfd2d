package dev.rebaser.build.docker;

import java.net.URI;
import java.nio.file.Path;

/**
 * Where a Docker daemon listens: a unix socket or a TCP endpoint. A TCP endpoint that
 * needs TLS names the folder holding {@code ca.pem}, {@code cert.pem} and
 * {@code key.pem}, as the docker CLI's {@code DOCKER_CERT_PATH} does.
 */
public record DockerHost(URI uri, Path tlsCertPath) {

	public static final URI LOCAL_SOCKET = URI.create("unix:///var/run/docker.sock");

	public DockerHost {
		if (uri == null) {
			throw new IllegalArgumentException("a Docker host needs a URI");
		}
	}

	public static DockerHost local() {
		return new DockerHost(LOCAL_SOCKET, null);
	}

	public static DockerHost of(URI uri) {
		return new DockerHost(uri, null);
	}

	public boolean usesTls() {
		return tlsCertPath != null;
	}
}
