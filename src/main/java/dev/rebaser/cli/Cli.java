package dev.rebaser.cli;

import dev.rebaser.build.DockerUnavailableException;
import dev.rebaser.context.BadContextException;
import dev.rebaser.context.UnsafeArchiveException;
import dev.rebaser.dockerfile.DockerfileOutline;
import dev.rebaser.dockerfile.DockerfileParser;
import dev.rebaser.dockerfile.DockerfileSyntaxException;
import dev.rebaser.manifest.Manifest;
import dev.rebaser.manifest.ManifestImage;
import dev.rebaser.manifest.ManifestReader;
import dev.rebaser.manifest.ManifestWarning;
import dev.rebaser.manifest.RegistryOverrides;
import dev.rebaser.packages.PackageIndexUnavailableException;
import dev.rebaser.rewrite.StrictModeException;
import dev.rebaser.rules.RuleFileException;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * The command-line face of Rebaser: the same core as the REST API, without Spring. Exit
 * codes: 0 success, 1 strict mode refused a rewrite that has warnings, 2 bad input or
 * usage, 3 the work itself failed (the reason on stderr).
 */
public final class Cli {

	static final int OK = 0;

	static final int REFUSED = 1;

	static final int BAD_INPUT = 2;

	static final int FAILED = 3;

	private static final Set<String> COMMANDS = Set.of("manifest", "parse", "rewrite", "bootstrap-base", "packages",
			"help", "--help");

	private static final String USAGE = """
			usage: java -jar rebaser.jar COMMAND ...
			  manifest FILE [--repo-list YAML]   images declared by a manifest.go, one per line (ID<TAB>image)
			  parse FILE                         a Dockerfile's stages, instructions and RUN commands as JSON
			  rewrite [--target T] [--arch A] [--strict] [--json] [--rules DIR] FILE
			                                     the rewritten Dockerfile on stdout, the report on stderr
			  rewrite [options] DIR --out OUT    every build context under DIR, rewritten into OUT
			  bootstrap-base [--suite S] [--arch A] [--reference REF] [--cache DIR] [--mirror URL] [--docker URI] [--force]
			                                     debootstrap the target's Debian base and load it into Docker
			                                     (default bookworm, mips64le, the rules' base image name)
			  packages [--suite S] [--arch A] [--refresh] NAME...
			                                     which Debian packages exist (default bookworm/mips64el);
			                                     exit 1 when one is missing; --refresh reads the index anew
			  (no command)                       start the web service
			manifest honours KUBE_TEST_REPO_LIST like the e2e framework does; --repo-list wins over it.
			Exit codes: 0 success, 1 strict mode refused a rewrite, 2 bad input or usage, 3 the work failed.
			""";

	private final PrintStream out;

	private final PrintStream err;

	private final Map<String, String> environment;

	Cli(PrintStream out, PrintStream err, Map<String, String> environment) {
		this.out = out;
		this.err = err;
		this.environment = environment;
	}

	public static boolean handles(String command) {
		return COMMANDS.contains(command);
	}

	public static int run(String[] args, PrintStream out, PrintStream err) {
		return new Cli(out, err, System.getenv()).run(args);
	}

	int run(String[] args) {
		try {
			return switch (args[0]) {
				case "manifest" -> manifest(args);
				case "parse" -> parse(args);
				case "rewrite" -> new RewriteCommand(out, err).run(args);
				case "bootstrap-base" -> new BootstrapBaseCommand(out).run(args);
				case "packages" -> new PackagesCommand(out, err).run(args);
				default -> {
					out.print(USAGE);
					yield OK;
				}
			};
		}
		catch (UsageException ex) {
			err.println("rebaser: " + ex.getMessage());
			err.print(USAGE);
			return BAD_INPUT;
		}
		catch (DockerfileSyntaxException ex) {
			err.println("rebaser: " + args[args.length - 1] + ": " + ex.getMessage());
			return BAD_INPUT;
		}
		catch (StrictModeException ex) {
			err.println("rebaser: strict mode: " + ex.getMessage());
			ex.warnings().forEach(w -> err.println("  line " + w.line() + ": " + w.code() + ": " + w.message()));
			return REFUSED;
		}
		catch (RuleFileException | BadContextException | UnsafeArchiveException | DockerUnavailableException
				| PackageIndexUnavailableException ex) {
			err.println("rebaser: " + ex.getMessage());
			return BAD_INPUT;
		}
		catch (IOException | IllegalArgumentException ex) {
			err.println("rebaser: " + ex.getMessage());
			return BAD_INPUT;
		}
		catch (IllegalStateException | java.io.UncheckedIOException ex) {
			err.println("rebaser: " + args[0] + " failed: " + ex.getMessage());
			return FAILED;
		}
	}

	private int manifest(String[] args) throws IOException {
		if (args.length != 2 && !(args.length == 4 && args[2].equals("--repo-list"))) {
			throw new UsageException("manifest takes FILE [--repo-list YAML]");
		}
		String repoList = args.length == 4 ? args[3] : environment.get("KUBE_TEST_REPO_LIST");
		RegistryOverrides overrides = repoList == null || repoList.isEmpty() ? RegistryOverrides.none()
				: RegistryOverrides.fromYaml(read(Path.of(repoList)));
		Manifest manifest = ManifestReader.read(read(Path.of(args[1])), overrides);
		for (ManifestImage image : manifest.images()) {
			out.println(image.id() + "\t" + image.image());
		}
		for (ManifestWarning warning : manifest.warnings()) {
			err.println(args[1] + ":" + warning.line() + ": warning: " + warning.message());
		}
		return OK;
	}

	private int parse(String[] args) throws IOException {
		if (args.length != 2) {
			throw new UsageException("parse takes exactly one FILE");
		}
		byte[] bytes = readBytes(Path.of(args[1]));
		DockerfileOutline outline = DockerfileOutline.of(DockerfileParser.parse(bytes));
		out.println(JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(outline));
		return OK;
	}

	static String read(Path file) throws IOException {
		return new String(readBytes(file), StandardCharsets.UTF_8);
	}

	private static byte[] readBytes(Path file) throws IOException {
		if (!Files.isRegularFile(file)) {
			throw new IOException(file + ": no such file");
		}
		return Files.readAllBytes(file);
	}

	static final class UsageException extends RuntimeException {

		UsageException(String message) {
			super(message);
		}

	}

}
