package dev.rebaser.dockerfile;

import dev.rebaser.budget.CpuBudget;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The simple commands of a POSIX-sh/bash script such as a RUN instruction, with exact
 * spans, so a single command can be found and replaced without touching a byte around it.
 * Tolerant: any input is analysed as far as it makes sense, and what did not make sense
 * is told by {@link #problem()} rather than by an exception.
 */
public final class ShellScript {

	private final String source;

	private final List<ShellCommand> commands;

	private final String problem;

	private ShellScript(String source, List<ShellCommand> commands, String problem) {
		this.source = source;
		this.commands = commands;
		this.problem = problem;
	}

	public static ShellScript parse(String source) {
		String text = source == null ? "" : source;
		List<String> problems = new ArrayList<>(1) {
			@Override
			public boolean add(String problem) {
				return isEmpty() && super.add(problem); // only the first is told
			}
		};
		List<ShellCommand> commands;
		try {
			commands = new ShellParser(text, problems).parse();
		}
		catch (CpuBudget.Exceeded e) {
			throw e;
		}
		catch (RuntimeException | StackOverflowError e) {
			// a defect in the analyser must not stop a rewrite: report it like bad syntax
			commands = List.of();
			problems.add(0, "could not analyse the script: " + e);
		}
		return new ShellScript(text, List.copyOf(commands), problems.isEmpty() ? null : problems.get(0));
	}

	public String source() {
		return source;
	}

	public List<ShellCommand> commands() {
		return commands;
	}

	/**
	 * The first thing that is not well-formed shell, naming its offset; empty when there
	 * is none.
	 */
	public Optional<String> problem() {
		return Optional.ofNullable(problem);
	}

	@Override
	public String toString() {
		return "ShellScript" + commands;
	}

}
