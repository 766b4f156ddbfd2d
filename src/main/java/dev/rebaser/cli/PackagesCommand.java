package dev.rebaser.cli;

import dev.rebaser.packages.AptSources;
import dev.rebaser.packages.IndexOrigin;
import dev.rebaser.packages.PackageIndex;
import dev.rebaser.packages.PackageIndexes;
import dev.rebaser.packages.SuiteArch;

import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code packages}: which of the named Debian packages exist for a suite and
 * architecture, from the same cached index the rewrite checks use; {@code --refresh}
 * reads the index anew.
 */
final class PackagesCommand {

	static final Path DEFAULT_CACHE = Path.of(System.getProperty("user.home"), ".cache", "rebaser", "packages");

	private final PrintStream out;

	private final PrintStream err;

	PackagesCommand(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	int run(String[] args) {
		String suite = "bookworm";
		String arch = "mips64el";
		Path cache = DEFAULT_CACHE;
		boolean refresh = false;
		List<String> names = new ArrayList<>();
		for (int i = 1; i < args.length; i++) {
			switch (args[i]) {
				case "--suite" -> suite = value(args, ++i);
				case "--arch" -> arch = value(args, ++i);
				case "--cache" -> cache = Path.of(value(args, ++i));
				case "--refresh" -> refresh = true;
				default -> {
					if (args[i].startsWith("--")) {
						throw new Cli.UsageException("packages: unexpected option " + args[i]);
					}
					names.add(args[i]);
				}
			}
		}
		SuiteArch which = new SuiteArch(suite, arch);
		PackageIndexes indexes = new PackageIndexes(cache, AptSources.read(Path.of("/etc/apt")),
				HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build(),
				Path.of("/var/lib/apt/lists"));
		PackageIndex index = refresh ? indexes.refresh(which) : indexes.get(which);
		IndexOrigin origin = indexes.origin(which).orElse(null);
		err.printf("%s/%s: %d packages%s%n", suite, arch, index.size(),
				origin == null ? "" : " (from " + origin.source() + ", read " + origin.readAt() + ")");
		int missing = 0;
		for (String name : names) {
			boolean present = index.isProvided(name);
			out.println(name + "\t" + (present ? (index.contains(name) ? "present" : "virtual") : "missing"));
			if (!present) {
				missing++;
			}
		}
		return missing == 0 ? Cli.OK : Cli.REFUSED;
	}

	private static String value(String[] args, int i) {
		if (i >= args.length) {
			throw new Cli.UsageException(args[i - 1] + " needs a value");
		}
		return args[i];
	}

}
