package dev.rebaser.cli;

import dev.rebaser.packages.AptSources;
import dev.rebaser.packages.IndexOrigin;
import dev.rebaser.packages.PackageIndex;
import dev.rebaser.packages.PackageIndexes;
import dev.rebaser.packages.SuiteArch;
import dev.rebaser.rules.RuleSet;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code packages}: which of the named Debian packages exist for a suite and
 * architecture, from the same cached index the rewrite checks use; {@code --refresh}
 * reads the index anew.
 */
@Command(name = "packages", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
		description = { "Says which Debian packages exist (present, virtual or missing), one per line.",
				"Exits 1 when one is missing. Defaults to the suite and architecture of the rules' default target." })
final class PackagesCommand implements Callable<Integer> {

	static final Path DEFAULT_CACHE = Path.of(System.getProperty("user.home"), ".cache", "rebaser", "packages");

	private final PrintStream out;

	private final PrintStream err;

	@Option(names = "--suite", paramLabel = "S",
			description = "the Debian suite (default: the release of the rules' default target)")
	String suite;

	@Option(names = "--arch", paramLabel = "A", description = "the architecture; mips64el and mips64le both work "
			+ "(default: that of the rules' default target)")
	String arch;

	@Option(names = "--cache", paramLabel = "DIR",
			description = "where indexes are cached (default: ~/.cache/rebaser/packages)")
	Path cache = DEFAULT_CACHE;

	@Option(names = "--refresh", description = "read the index anew instead of from the cache")
	boolean refresh;

	@Parameters(paramLabel = "NAME", arity = "0..*", description = "the packages to look up")
	List<String> names = new ArrayList<>();

	PackagesCommand(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	@Override
	public Integer call() {
		RuleSet rules = RuleSet.builtin();
		String suiteName = (suite != null) ? suite : rules.defaultTarget().release();
		String debianArch = ArchNames.debian(rules, (arch != null) ? arch : rules.defaultTarget().arch());
		SuiteArch which = new SuiteArch(suiteName, debianArch);
		PackageIndexes indexes = new PackageIndexes(cache, AptSources.read(Path.of("/etc/apt")),
				HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build(),
				Path.of("/var/lib/apt/lists"));
		PackageIndex index = refresh ? indexes.refresh(which) : indexes.get(which);
		IndexOrigin origin = indexes.origin(which).orElse(null);
		err.printf("%s/%s: %d packages%s%n", suiteName, debianArch, index.size(),
				(origin == null) ? "" : " (from " + origin.source() + ", read " + origin.readAt() + ")");
		int missing = 0;
		for (String name : names) {
			boolean present = index.isProvided(name);
			out.println(name + "\t" + (present ? (index.contains(name) ? "present" : "virtual") : "missing"));
			if (!present) {
				missing++;
			}
		}
		return (missing == 0) ? Cli.OK : Cli.REFUSED;
	}

}
