package dev.rebaser.cli;

import com.github.dockerjava.api.DockerClient;
import dev.rebaser.build.base.BaseImage;
import dev.rebaser.rules.RuleSet;
import dev.rebaser.rules.Target;
import java.io.IOException;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

	@Mixin
	DebootstrapOptions debootstrap = new DebootstrapOptions();

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
		DockerClient client = debootstrap.client();
		BaseImage base = debootstrap.bootstrap(client, suiteName).ensure(suiteName, archName, image, debootstrap.force);
		out.printf("%s\t%s\t%s\t%s%n", base.reference(), base.architecture(), base.imageId(),
				base.loaded() ? "loaded" : "already present");
		return Cli.OK;
	}

}
