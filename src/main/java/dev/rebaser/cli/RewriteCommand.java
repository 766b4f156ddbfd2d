package dev.rebaser.cli;

import dev.rebaser.context.ArchiveLimits;
import dev.rebaser.context.BuildContext;
import dev.rebaser.context.ContextDirectory;
import dev.rebaser.context.ContextRewrite;
import dev.rebaser.rewrite.BaseImageFileResult;
import dev.rebaser.rewrite.Change;
import dev.rebaser.rewrite.RewriteOptions;
import dev.rebaser.rewrite.RewriteResult;
import dev.rebaser.rewrite.RewriteWarning;
import dev.rebaser.rewrite.Rewriter;
import dev.rebaser.rules.RuleSet;
import dev.rebaser.rules.Target;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code rewrite}: one Dockerfile to stdout with its report on stderr, or every build
 * context under a folder into another folder.
 */
@Command(name = "rewrite", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
		description = { "Rewrites a Dockerfile for a target: the new Dockerfile on stdout, the report on stderr.",
				"Given a folder, rewrites every build context under it into --out." })
final class RewriteCommand implements Callable<Integer> {

	private final PrintStream out;

	private final PrintStream err;

	@Option(names = "--target", paramLabel = "T",
			description = "the distro release, e.g. fedora-40 (default: that of the rules' default target)")
	String target;

	@Option(names = "--arch", paramLabel = "A", description = "the architecture, e.g. amd64; "
			+ "mips64le and mips64el both work (default: that of the rules' default target)")
	String arch;

	@Option(names = "--strict", description = "refuse (exit 1) a rewrite that has warnings")
	boolean strict;

	@Option(names = "--json", description = "print the whole result as JSON instead")
	boolean json;

	@Option(names = "--rules", paramLabel = "DIR", description = "rules files laid over the built-in ones")
	Path rulesFolder;

	@Option(names = "--out", paramLabel = "OUT", description = "where a folder's rewritten build contexts go")
	Path outFolder;

	@Parameters(paramLabel = "FILE|DIR", description = "a Dockerfile, or a folder of build contexts")
	Path input;

	RewriteCommand(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	@Override
	public Integer call() throws IOException {
		RuleSet rules = (rulesFolder == null) ? RuleSet.builtin() : RuleSet.builtin(rulesFolder);
		String targetName = (target != null) ? target : rules.defaultTarget().name();
		String archName = (arch != null) ? ArchNames.docker(rules, arch) : rules.defaultTarget().arch();
		Target chosen = rules.target(targetName, archName)
			.orElseThrow(() -> new Cli.UsageException(
					"there is no target " + targetName + " for arch " + archName + "; the targets are: "
							+ rules.targets().stream().map(Target::key).sorted().collect(Collectors.joining(", "))));
		RewriteOptions options = RewriteOptions.defaults(rules).withTarget(chosen).withStrict(strict);
		Rewriter rewriter = new Rewriter(rules);
		if (Files.isDirectory(input)) {
			if (outFolder == null) {
				throw new Cli.UsageException("rewriting a folder needs --out DIR");
			}
			return folder(new ContextRewrite(rewriter), options, input, outFolder);
		}
		if (!Files.isRegularFile(input)) {
			throw new IOException(input + ": no such file");
		}
		RewriteResult result = rewriter.rewrite(Cli.read(input), options);
		if (json) {
			out.println(JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(result));
		}
		else {
			out.print(result.dockerfile());
			report(input.toString(), result);
		}
		return Cli.OK;
	}

	/**
	 * Every build context under the root, rewritten into the same place under the out
	 * folder. In strict mode a context with warnings, in its Dockerfile or its BASEIMAGE,
	 * is named with each of them and not written; the others still are.
	 */
	private int folder(ContextRewrite contextRewrite, RewriteOptions options, Path root, Path outFolder)
			throws IOException {
		List<Path> contexts;
		try (Stream<Path> walk = Files.walk(root)) {
			contexts = walk.filter(p -> p.getFileName().toString().equals(ContextRewrite.DOCKERFILE))
				.filter(Files::isRegularFile)
				.map(Path::getParent)
				.sorted()
				.toList();
		}
		List<String> refused = new ArrayList<>();
		for (Path context : contexts) {
			Path relative = root.relativize(context);
			String name = relative.toString().isEmpty() ? "." : relative.toString();
			BuildContext files = ContextDirectory.read(context, ArchiveLimits.defaults());
			ContextRewrite.Result result = contextRewrite.rewrite(files, options.withStrict(false), r -> r);
			BaseImageFileResult baseImage = result.baseImage();
			List<RewriteWarning> baseImageWarnings = baseImage == null ? List.of() : baseImage.warnings();
			int changes = result.dockerfile().changes().size() + (baseImage == null ? 0 : baseImage.changes().size());
			int warnings = result.dockerfile().warnings().size() + baseImageWarnings.size();
			if (strict && warnings > 0) {
				err.printf("%s: %d warnings; strict mode refuses it, so it is not written%n", name, warnings);
				warnings(context.resolve(ContextRewrite.DOCKERFILE).toString(), result.dockerfile().warnings());
				warnings(context.resolve(ContextRewrite.BASEIMAGE).toString(), baseImageWarnings);
				refused.add(name);
				continue;
			}
			ContextDirectory.write(result.context(), outFolder.resolve(relative));
			err.printf("%s: %d changes, %d warnings%n", name, changes, warnings);
		}
		err.printf("%d build contexts rewritten into %s%n", contexts.size() - refused.size(), outFolder);
		if (!refused.isEmpty()) {
			err.printf("strict mode refused %d: %s%n", refused.size(), String.join(", ", refused));
			return Cli.REFUSED;
		}
		return Cli.OK;
	}

	private void report(String file, RewriteResult result) {
		for (Change change : result.changes()) {
			err.printf("%s:%d: %s: %s -> %s%n", file, change.line(), change.ruleId(), oneLine(change.before()),
					oneLine(change.after()));
		}
		warnings(file, result.warnings());
	}

	private void warnings(String file, List<RewriteWarning> warnings) {
		for (RewriteWarning warning : warnings) {
			err.printf("%s:%d: warning: %s: %s%n", file, warning.line(), warning.code(), warning.message());
		}
	}

	private static String oneLine(String text) {
		return text.replace("\\\n", " ").replace('\n', ' ').strip();
	}

}
