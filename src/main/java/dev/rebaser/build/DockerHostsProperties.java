package dev.rebaser.build;

import dev.rebaser.build.docker.DockerHost;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The Docker hosts builds run on, {@code rebaser.docker.hosts[i].uri},
 * {@code .concurrency} and, for TCP with TLS, {@code .tls-cert-path}. Without any, the
 * local daemon's socket with two builds at once.
 */
@ConfigurationProperties("rebaser.docker")
public record DockerHostsProperties(List<Host> hosts) {

	public record Host(URI uri, Integer concurrency, Path tlsCertPath) {

		public DockerHost dockerHost() {
			return new DockerHost(uri == null ? DockerHost.LOCAL_SOCKET : uri, tlsCertPath);
		}

		public int slots() {
			return concurrency == null ? 2 : concurrency;
		}
	}

	public List<Host> hostsOrLocal() {
		return hosts == null || hosts.isEmpty() ? List.of(new Host(DockerHost.LOCAL_SOCKET, 2, null)) : hosts;
	}
}
