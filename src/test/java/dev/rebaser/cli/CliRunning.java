package dev.rebaser.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Runs the command line in-process and keeps what it printed on stdout and stderr. */
abstract class CliRunning {

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	int run(String... args) {
		return new Cli(new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8), Map.of())
			.run(args);
	}

	String stdout() {
		return out.toString(StandardCharsets.UTF_8);
	}

	String stderr() {
		return err.toString(StandardCharsets.UTF_8);
	}

}
