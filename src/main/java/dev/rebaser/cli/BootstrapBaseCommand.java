package dev.rebaser.cli;

import com.github.dockerjava.api.DockerClient;
import dev.rebaser.build.BaseImage;
import dev.rebaser.build.BaseImageBootstrap;
import dev.rebaser.build.DockerClients;
import dev.rebaser.build.DockerHost;
import dev.rebaser.packages.AptSources;
import dev.rebaser.rules.RuleSet;
import dev.rebaser.rules.Target;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;

/**
 * {@code bootstrap-base}: makes the target's Debian base image with debootstrap and loads
 * it into the Docker daemon labelled with the target architecture, since no registry
 * serves it.
 */
final class BootstrapBaseCommand {

	static final Path DEFAULT_CACHE = Path.of("/var/cache/rebaser/base");

	private final PrintStream out;

	BootstrapBaseCommand(PrintStream out) {
		this.out = out;
	}

	int run(String[] args) throws IOException {
		String suite = "bookworm";
		String arch = "mips64le";
		String reference = null;
		Path cache = DEFAULT_CACHE;
		URI mirror = null;
		URI docker = DockerHost.LOCAL_SOCKET;
		boolean force = false;
		for (int i = 1; i < args.length; i++) {
			switch (args[i]) {
				case "--suite" -> suite = value(args, ++i);
				case "--arch" -> arch = value(args, ++i);
				case "--reference" -> reference = value(args, ++i);
				case "--cache" -> cache = Path.of(value(args, ++i));
				case "--mirror" -> mirror = URI.create(value(args, ++i));
				case "--docker" -> docker = URI.create(value(args, ++i));
				case "--force" -> force = true;
				default -> throw new Cli.UsageException("bootstrap-base: unexpected argument " + args[i]);
			}
		}
		if (reference == null) {
			String suiteName = suite;
			String archName = arch;
			Target target = RuleSet.builtin()
				.target("debian-" + suite, arch)
				.orElseThrow(() -> new Cli.UsageException(
						"no rules target debian-" + suiteName + "/" + archName + "; name the image with --reference"));
			reference = target.baseImage();
		}
		if (mirror == null) {
			String suiteName = suite;
			mirror = AptSources.read(Path.of("/etc/apt"))
				.mirrorFor(suite)
				.orElseThrow(() -> new Cli.UsageException(
						"the machine's apt sources name no mirror for " + suiteName + "; give one with --mirror"));
		}
		DockerClient client = DockerClients.connect(DockerHost.of(docker));
		BaseImage base = new BaseImageBootstrap(client, cache, mirror).ensure(suite, arch, reference, force);
		out.printf("%s\t%s\t%s\t%s%n", base.reference(), base.architecture(), base.imageId(),
				base.loaded() ? "loaded" : "already present");
		return Cli.OK;
	}

	private static String value(String[] args, int i) {
		if (i >= args.length) {
			throw new Cli.UsageException(args[i - 1] + " needs a value");
		}
		return args[i];
	}

}
