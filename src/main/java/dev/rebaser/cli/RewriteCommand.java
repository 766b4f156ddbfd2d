package dev.rebaser.cli;

import dev.rebaser.context.BuildContext;
import dev.rebaser.context.ContextDirectory;
import dev.rebaser.context.ContextRewrite;
import dev.rebaser.rewrite.Change;
import dev.rebaser.rewrite.RewriteOptions;
import dev.rebaser.rewrite.RewriteResult;
import dev.rebaser.rewrite.RewriteWarning;
import dev.rebaser.rewrite.Rewriter;
import dev.rebaser.rules.RuleSet;
import dev.rebaser.rules.Target;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code rewrite}: one Dockerfile to stdout with its report on stderr, or every build
 * context under a folder into another folder.
 */
final class RewriteCommand {

	private final PrintStream out;

	private final PrintStream err;

	RewriteCommand(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	int run(String[] args) throws IOException {
		String target = "debian-bookworm";
		String arch = "mips64le";
		boolean strict = false;
		boolean json = false;
		Path rulesFolder = null;
		Path outFolder = null;
		Path input = null;
		for (int i = 1; i < args.length; i++) {
			switch (args[i]) {
				case "--target" -> target = value(args, ++i, "--target");
				case "--arch" -> arch = value(args, ++i, "--arch");
				case "--strict" -> strict = true;
				case "--json" -> json = true;
				case "--rules" -> rulesFolder = Path.of(value(args, ++i, "--rules"));
				case "--out" -> outFolder = Path.of(value(args, ++i, "--out"));
				default -> {
					if (args[i].startsWith("--") || input != null) {
						throw new Cli.UsageException("rewrite: unexpected argument " + args[i]);
					}
					input = Path.of(args[i]);
				}
			}
		}
		if (input == null) {
			throw new Cli.UsageException("rewrite needs a FILE or a DIR");
		}
		RuleSet rules = rulesFolder == null ? RuleSet.builtin() : RuleSet.builtin(rulesFolder);
		String targetName = target;
		String archName = arch;
		Target chosen = rules.target(target, arch)
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
		for (Path context : contexts) {
			Path relative = root.relativize(context);
			BuildContext files = ContextDirectory.read(context);
			ContextRewrite.Result result = contextRewrite.rewrite(files, options, r -> r);
			ContextDirectory.write(result.context(), outFolder.resolve(relative));
			err.printf("%s: %d changes, %d warnings%n", relative.toString().isEmpty() ? "." : relative,
					result.dockerfile().changes().size(), result.dockerfile().warnings().size());
		}
		err.printf("%d build contexts rewritten into %s%n", contexts.size(), outFolder);
		return Cli.OK;
	}

	private void report(String file, RewriteResult result) {
		for (Change change : result.changes()) {
			err.printf("%s:%d: %s: %s -> %s%n", file, change.line(), change.ruleId(), oneLine(change.before()),
					oneLine(change.after()));
		}
		for (RewriteWarning warning : result.warnings()) {
			err.printf("%s:%d: warning: %s: %s%n", file, warning.line(), warning.code(), warning.message());
		}
	}

	private static String oneLine(String text) {
		return text.replace("\\\n", " ").replace('\n', ' ').strip();
	}

	private static String value(String[] args, int i, String option) {
		if (i >= args.length) {
			throw new Cli.UsageException(option + " needs a value");
		}
		return args[i];
	}

}
