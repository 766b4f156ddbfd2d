package dev.rebaser.build.docker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs the system tools Rebaser relies on (debootstrap, tar), keeping their output in a
 * log file.
 */
public final class Processes {

	private Processes() {
	}

	/**
	 * Runs a command to its end with stdout and stderr appended to {@code log}; fails
	 * with the log's tail.
	 */
	public static void run(List<String> command, Path log) {
		try {
			Files.createDirectories(log.toAbsolutePath().getParent());
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
				.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
				.start();
			int exit = process.waitFor();
			if (exit != 0) {
				throw new IllegalStateException(
						command.get(0) + " exited with " + exit + "; end of " + log + ":\n" + tail(log));
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("could not run " + command.get(0), e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while running " + command.get(0), e);
		}
	}

	public static String tail(Path log) {
		try {
			List<String> lines = Files.readAllLines(log);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
		}
		catch (IOException e) {
			return "(log unreadable: " + e.getMessage() + ")";
		}
	}

}
