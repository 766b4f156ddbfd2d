package dev.rebaser.build;

import dev.rebaser.build.base.BaseImageBootstraps;
import dev.rebaser.build.base.BaseImageProperties;
import dev.rebaser.build.docker.DockerHost;
import dev.rebaser.packages.AptSources;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The configured Docker hosts by name (their URI), where base images are made from (the
 * rootfs cache and the Debian mirror), and the bootstraps running in the background.
 */
@Component
@EnableConfigurationProperties(BaseImageProperties.class)
public class BuildHosts implements AutoCloseable {

	private final DockerHostsProperties hosts;

	private final Path baseCache;

	private final String mirror;

	private final BaseImageBootstraps bootstraps = new BaseImageBootstraps();

	public BuildHosts(DockerHostsProperties hosts, BaseImageProperties base) {
		this.hosts = hosts;
		this.baseCache = base.cacheFolder();
		this.mirror = base.mirror();
	}

	public List<DockerHost> all() {
		return hosts.hostsOrLocal().stream().map(DockerHostsProperties.Host::dockerHost).toList();
	}

	/** How many builds run at once on the host of that name, as configured. */
	public int concurrency(DockerHost host) {
		return hosts.hostsOrLocal()
			.stream()
			.filter(configured -> configured.dockerHost().equals(host))
			.mapToInt(DockerHostsProperties.Host::slots)
			.findFirst()
			.orElse(0);
	}

	/** The host of that name; none given: the first one. */
	public Optional<DockerHost> find(String name) {
		if (name == null || name.isBlank()) {
			return all().stream().findFirst();
		}
		return all().stream().filter(host -> host.uri().toString().equals(name)).findFirst();
	}

	public Path baseCache() {
		return baseCache;
	}

	/** The configured mirror, or the one the machine's apt sources use for the suite. */
	public URI mirror(String suite) {
		if (!mirror.isBlank()) {
			return URI.create(mirror);
		}
		return AptSources.read(Path.of("/etc/apt"))
			.mirrorFor(suite)
			.orElseThrow(() -> new IllegalStateException(
					"the machine's apt sources name no Debian mirror for " + suite + "; set rebaser.base.mirror"));
	}

	public BaseImageBootstraps bootstraps() {
		return bootstraps;
	}

	@Override
	public void close() {
		bootstraps.close();
	}

}
