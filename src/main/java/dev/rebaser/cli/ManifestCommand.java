package dev.rebaser.cli;

import dev.rebaser.manifest.Manifest;
import dev.rebaser.manifest.ManifestImage;
import dev.rebaser.manifest.ManifestReader;
import dev.rebaser.manifest.ManifestWarning;
import dev.rebaser.manifest.RegistryOverrides;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code manifest}: the images a Kubernetes {@code manifest.go} declares, with the
 * registry overrides the e2e framework would apply.
 */
@Command(name = "manifest", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
		description = { "Prints the images declared by a manifest.go, one per line (ID<TAB>image).",
				"Honours KUBE_TEST_REPO_LIST like the e2e framework does; --repo-list wins over it." })
final class ManifestCommand implements Callable<Integer> {

	private final PrintStream out;

	private final PrintStream err;

	private final Map<String, String> environment;

	@Parameters(paramLabel = "FILE", description = "the manifest.go")
	Path file;

	@Option(names = "--repo-list", paramLabel = "YAML",
			description = "a KUBE_TEST_REPO_LIST-style registry override file")
	Path repoList;

	ManifestCommand(PrintStream out, PrintStream err, Map<String, String> environment) {
		this.out = out;
		this.err = err;
		this.environment = environment;
	}

	@Override
	public Integer call() throws IOException {
		String overridesFile = (repoList != null) ? repoList.toString() : environment.get("KUBE_TEST_REPO_LIST");
		RegistryOverrides overrides = (overridesFile == null || overridesFile.isEmpty()) ? RegistryOverrides.none()
				: RegistryOverrides.fromYaml(Cli.read(Path.of(overridesFile)));
		Manifest manifest = ManifestReader.read(Cli.read(file), overrides);
		for (ManifestImage image : manifest.images()) {
			out.println(image.id() + "\t" + image.image());
		}
		for (ManifestWarning warning : manifest.warnings()) {
			err.println(file + ":" + warning.line() + ": warning: " + warning.message());
		}
		return Cli.OK;
	}

}
