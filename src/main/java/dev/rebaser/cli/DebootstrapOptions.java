package dev.rebaser.cli;

import com.github.dockerjava.api.DockerClient;
import dev.rebaser.build.base.BaseImageBootstrap;
import dev.rebaser.build.docker.DockerClients;
import dev.rebaser.build.docker.DockerHost;
import dev.rebaser.packages.AptSources;
import java.net.URI;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The options of the commands that debootstrap an image: where trees are cached, the
 * Debian mirror, the Docker daemon, and whether to make the image again.
 */
final class DebootstrapOptions {

	static final Path DEFAULT_CACHE = Path.of("/var/cache/rebaser/base");

	@Option(names = "--cache", paramLabel = "DIR",
			description = "where debootstrapped trees are kept (default: ${DEFAULT-VALUE})")
	Path cache = DEFAULT_CACHE;

	@Option(names = "--mirror", paramLabel = "URL",
			description = "the Debian mirror (default: the one the machine's apt sources name for the suite)")
	URI mirror;

	@Option(names = "--docker", paramLabel = "URI", description = "the Docker daemon (default: ${DEFAULT-VALUE})")
	URI docker = DockerHost.LOCAL_SOCKET;

	@Option(names = "--force", description = "make the image again even if the daemon has it")
	boolean force;

	DockerClient client() {
		return DockerClients.connect(DockerHost.of(docker));
	}

	/**
	 * Debootstraps from --mirror, else from the mirror the machine's apt sources name.
	 */
	BaseImageBootstrap bootstrap(DockerClient client, String suite) {
		URI debianMirror = mirror != null ? mirror
				: AptSources.read(Path.of("/etc/apt"))
					.mirrorFor(suite)
					.orElseThrow(() -> new Cli.UsageException(
							"the machine's apt sources name no mirror for " + suite + "; give one with --mirror"));
		return new BaseImageBootstrap(client, cache, debianMirror);
	}

}
