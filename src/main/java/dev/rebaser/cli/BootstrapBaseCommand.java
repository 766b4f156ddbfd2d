package dev.rebaser.cli;

import com.github.dockerjava.api.DockerClient;
import dev.rebaser.build.base.BaseImage;
import dev.rebaser.build.base.BaseImageBootstrap;
import dev.rebaser.build.docker.DockerClients;
import dev.rebaser.build.docker.DockerHost;
import dev.rebaser.packages.AptSources;
import dev.rebaser.rules.RuleSet;
import dev.rebaser.rules.Target;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bootstrap-base}: makes the target's Debian base image with debootstrap and loads
 * it into the Docker daemon labelled with the target architecture, since no registry
 * serves it.
 */
@Command(name = "bootstrap-base", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
		description = { "Debootstraps a target's Debian base and loads it into Docker, labelled with its architecture.",
				"Defaults to the rules' default target and its base image name." })
final class BootstrapBaseCommand implements Callable<Integer> {

	static final Path DEFAULT_CACHE = Path.of("/var/cache/rebaser/base");

	private final PrintStream out;

	@Option(names = "--suite", paramLabel = "S",
			description = "the Debian suite (default: the release of the rules' default target)")
	String suite;

	@Option(names = "--arch", paramLabel = "A", description = "the architecture; mips64le and mips64el both work "
			+ "(default: that of the rules' default target)")
	String arch;

	@Option(names = "--reference", paramLabel = "REF",
			description = "the image name to load it as (default: the target's base image)")
	String reference;

	@Option(names = "--cache", paramLabel = "DIR",
			description = "where debootstrapped trees are kept (default: ${DEFAULT-VALUE})")
	Path cache = DEFAULT_CACHE;

	@Option(names = "--mirror", paramLabel = "URL",
			description = "the Debian mirror (default: the one the machine's apt sources name for the suite)")
	URI mirror;

	@Option(names = "--docker", paramLabel = "URI", description = "the Docker daemon (default: ${DEFAULT-VALUE})")
	URI docker = DockerHost.LOCAL_SOCKET;

	@Option(names = "--force", description = "load the image again even if the daemon has it")
	boolean force;

	BootstrapBaseCommand(PrintStream out) {
		this.out = out;
	}

	@Override
	public Integer call() throws IOException {
		RuleSet rules = RuleSet.builtin();
		String suiteName = (suite != null) ? suite : rules.defaultTarget().release();
		String archName = (arch != null) ? ArchNames.docker(rules, arch) : rules.defaultTarget().arch();
		String image = reference;
		if (image == null) {
			Target target = rules.target("debian-" + suiteName, archName)
				.orElseThrow(() -> new Cli.UsageException(
						"no rules target debian-" + suiteName + "/" + archName + "; name the image with --reference"));
			image = target.baseImage();
		}
		URI debianMirror = mirror;
		if (debianMirror == null) {
			debianMirror = AptSources.read(Path.of("/etc/apt"))
				.mirrorFor(suiteName)
				.orElseThrow(() -> new Cli.UsageException(
						"the machine's apt sources name no mirror for " + suiteName + "; give one with --mirror"));
		}
		DockerClient client = DockerClients.connect(DockerHost.of(docker));
		BaseImage base = new BaseImageBootstrap(client, cache, debianMirror).ensure(suiteName, archName, image, force);
		out.printf("%s\t%s\t%s\t%s%n", base.reference(), base.architecture(), base.imageId(),
				base.loaded() ? "loaded" : "already present");
		return Cli.OK;
	}

}
