package dev.rebaser.cli;

import dev.rebaser.build.docker.DockerUnavailableException;
import dev.rebaser.context.BadContextException;
import dev.rebaser.context.UnsafeArchiveException;
import dev.rebaser.dockerfile.DockerfileSyntaxException;
import dev.rebaser.packages.PackageIndexUnavailableException;
import dev.rebaser.rewrite.StrictModeException;
import dev.rebaser.rules.RuleFileException;
import dev.rebaser.text.StrictUtf8;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * The command-line face of Rebaser: the same core as the REST API, without Spring. Exit
 * codes: 0 success, 1 strict mode refused a rewrite that has warnings (or a package is
 * missing), 2 bad input or usage, 3 the work itself failed (the reason on stderr).
 */
@Command(name = "rebaser", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
		synopsisSubcommandLabel = "COMMAND",
		description = "Rewrites Kubernetes' Alpine-based test images for the targets of the rule set. "
				+ "Without arguments, or with only --name=value settings, the jar starts the web service instead.",
		footer = { "",
				"Exit codes: 0 success, 1 strict mode refused a rewrite, 2 bad input or usage, 3 the work failed.",
				"'rebaser COMMAND --help' describes a command's options." })
public final class Cli implements Callable<Integer> {

	static final int OK = 0;

	static final int REFUSED = 1;

	static final int BAD_INPUT = 2;

	static final int FAILED = 3;

	/**
	 * Spring's own command-line settings, e.g. {@code --spring.profiles.active=postgres}.
	 */
	private static final Pattern SPRING_SETTING = Pattern.compile("--[^=\\s]+=.*");

	private final PrintStream out;

	private final PrintStream err;

	private final Map<String, String> environment;

	@Spec
	private CommandSpec spec;

	Cli(PrintStream out, PrintStream err, Map<String, String> environment) {
		this.out = out;
		this.err = err;
		this.environment = environment;
	}

	/**
	 * Whether these arguments are for the web service: none at all, or only Spring's
	 * {@code --name=value} settings. Anything else is a command line, and a mistyped one
	 * is a usage error rather than a server starting by accident.
	 */
	public static boolean startsServer(String[] args) {
		return Arrays.stream(args).allMatch(arg -> SPRING_SETTING.matcher(arg).matches());
	}

	public static int run(String[] args, PrintStream out, PrintStream err) {
		return new Cli(out, err, System.getenv()).run(args);
	}

	int run(String[] args) {
		PrintWriter outWriter = new PrintWriter(out, true);
		PrintWriter errWriter = new PrintWriter(err, true);
		CommandLine commandLine = commandLine(outWriter, errWriter);
		try {
			return commandLine.execute(args);
		}
		finally {
			outWriter.flush();
			errWriter.flush();
		}
	}

	private CommandLine commandLine(PrintWriter outWriter, PrintWriter errWriter) {
		CommandLine commandLine = new CommandLine(this).addSubcommand("help", new CommandLine.HelpCommand())
			.addSubcommand(new ManifestCommand(out, err, environment))
			.addSubcommand(new ParseCommand(out))
			.addSubcommand(new RewriteCommand(out, err))
			.addSubcommand(new BootstrapBaseCommand(out))
			.addSubcommand(new BootstrapToolchainCommand(out))
			.addSubcommand(new PackagesCommand(out, err));
		commandLine.setOut(outWriter)
			.setErr(errWriter)
			.setParameterExceptionHandler(this::badUsage)
			.setExecutionExceptionHandler(this::failure);
		lowerCaseUsageHeading(commandLine);
		return commandLine;
	}

	private static void lowerCaseUsageHeading(CommandLine commandLine) {
		commandLine.getCommandSpec().usageMessage().synopsisHeading("usage: ");
		commandLine.getSubcommands().values().forEach(Cli::lowerCaseUsageHeading);
	}

	/** No command: say which there are. */
	@Override
	public Integer call() {
		spec.commandLine().getErr().println("rebaser: name a command");
		spec.commandLine().usage(spec.commandLine().getErr());
		return BAD_INPUT;
	}

	private int badUsage(ParameterException ex, String[] args) {
		PrintWriter errWriter = ex.getCommandLine().getErr();
		errWriter.println("rebaser: " + ex.getMessage());
		CommandLine.UnmatchedArgumentException.printSuggestions(ex, errWriter);
		ex.getCommandLine().usage(errWriter);
		return BAD_INPUT;
	}

	private int failure(Exception exception, CommandLine commandLine, ParseResult parseResult) throws Exception {
		PrintWriter errWriter = commandLine.getErr();
		if (exception instanceof UsageException ex) {
			errWriter.println("rebaser: " + ex.getMessage());
			commandLine.usage(errWriter);
			return BAD_INPUT;
		}
		if (exception instanceof DockerfileSyntaxException ex) {
			var args = parseResult.originalArgs();
			errWriter.println("rebaser: " + args.get(args.size() - 1) + ": " + ex.getMessage());
			return BAD_INPUT;
		}
		if (exception instanceof StrictModeException ex) {
			var args = parseResult.originalArgs();
			errWriter.println("rebaser: " + args.get(args.size() - 1) + ": " + ex.warnings().size()
					+ " warnings; strict mode refuses the rewrite");
			ex.warnings().forEach(w -> errWriter.println("  line " + w.line() + ": " + w.code() + ": " + w.message()));
			return REFUSED;
		}
		if (exception instanceof RuleFileException || exception instanceof BadContextException
				|| exception instanceof UnsafeArchiveException || exception instanceof DockerUnavailableException
				|| exception instanceof PackageIndexUnavailableException || exception instanceof IOException
				|| exception instanceof IllegalArgumentException) {
			errWriter.println("rebaser: " + exception.getMessage());
			return BAD_INPUT;
		}
		if (exception instanceof IllegalStateException || exception instanceof UncheckedIOException) {
			errWriter.println("rebaser: " + commandLine.getCommandName() + " failed: " + exception.getMessage());
			return FAILED;
		}
		throw exception;
	}

	static String read(Path file) throws IOException {
		try {
			return StrictUtf8.decode(readBytes(file));
		}
		catch (StrictUtf8.MalformedException e) {
			throw new IOException(file + " is not UTF-8 text: " + e.getMessage());
		}
	}

	static byte[] readBytes(Path file) throws IOException {
		if (!Files.isRegularFile(file)) {
			throw new IOException(file + ": no such file");
		}
		return Files.readAllBytes(file);
	}

	/**
	 * A command line that parsed but does not make sense, e.g. a folder without --out.
	 */
	static final class UsageException extends RuntimeException {

		UsageException(String message) {
			super(message);
		}

	}

	/** The version the jar was built as. */
	static final class Version implements CommandLine.IVersionProvider {

		@Override
		public String[] getVersion() {
			String version = Cli.class.getPackage().getImplementationVersion();
			return new String[] { "rebaser " + ((version != null) ? version : "(development build)") };
		}

	}

}
