package dev.rebaser.cli;

import com.github.dockerjava.api.DockerClient;
import dev.rebaser.build.base.Architecture;
import dev.rebaser.build.base.GoToolchain;
import dev.rebaser.build.base.GoToolchainBootstrap;
import dev.rebaser.rules.RuleSet;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bootstrap-toolchain}: makes the image Go programs are compiled in, for the
 * Docker host's own architecture, where no registry serves {@code golang}.
 */
@Command(name = "bootstrap-toolchain", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
		description = { "Makes the image Go programs are compiled in, for a Docker host's own architecture:",
				"its Debian, debootstrapped, with Debian's Go and the targets' cross C compilers.",
				"It is tagged with the Go release it contains." })
final class BootstrapToolchainCommand implements Callable<Integer> {

	private final PrintStream out;

	@Option(names = "--suite", paramLabel = "S",
			description = "the Debian suite (default: the release of the rules' default target)")
	String suite;

	@Option(names = "--host-arch", paramLabel = "A",
			description = "the Docker host's own architecture, which the toolchain runs on (default: ${DEFAULT-VALUE})")
	String hostArch = "amd64";

	@Option(names = "--cross", paramLabel = "A", split = ",",
			description = "architectures to install a cross C compiler for; mips64le and mips64el both work "
					+ "(default: that of the rules' default target)")
	List<String> cross;

	@Mixin
	DebootstrapOptions debootstrap = new DebootstrapOptions();

	BootstrapToolchainCommand(PrintStream out) {
		this.out = out;
	}

	@Override
	public Integer call() {
		RuleSet rules = RuleSet.builtin();
		String suiteName = suite != null ? suite : rules.defaultTarget().release();
		List<Architecture> targets = new ArrayList<>();
		for (String arch : cross != null ? cross : List.of(rules.defaultTarget().arch())) {
			targets.add(architecture(ArchNames.docker(rules, arch)));
		}
		Architecture host = architecture(ArchNames.docker(rules, hostArch));
		DockerClient client = debootstrap.client();
		GoToolchain toolchain = new GoToolchainBootstrap(client, debootstrap.bootstrap(client, suiteName))
			.ensure(suiteName, host.docker(), targets, debootstrap.force);
		out.printf("%s\tgo %s\t%s\t%s\t%s%n", toolchain.reference(), toolchain.goVersion(), toolchain.architecture(),
				toolchain.imageId(), toolchain.made() ? "made" : "already present");
		return Cli.OK;
	}

	private static Architecture architecture(String dockerName) {
		try {
			return Architecture.ofDocker(dockerName);
		}
		catch (IllegalArgumentException e) {
			throw new Cli.UsageException("Debian has no port for " + dockerName);
		}
	}

}
