package dev.rebaser.cli;

import dev.rebaser.dockerfile.DockerfileOutline;
import dev.rebaser.dockerfile.DockerfileParser;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.json.JsonMapper;

/** {@code parse}: a Dockerfile's stages, instructions and RUN commands as JSON. */
@Command(name = "parse", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
		description = "Prints a Dockerfile's stages, instructions and RUN commands as JSON.")
final class ParseCommand implements Callable<Integer> {

	private final PrintStream out;

	@Parameters(paramLabel = "FILE", description = "the Dockerfile")
	Path file;

	ParseCommand(PrintStream out) {
		this.out = out;
	}

	@Override
	public Integer call() throws IOException {
		DockerfileOutline outline = DockerfileOutline.of(DockerfileParser.parse(Cli.readBytes(file)));
		out.println(JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(outline));
		return Cli.OK;
	}

}
