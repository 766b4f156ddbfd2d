package dev.rebaser.dockerfile;

import java.util.List;

/**
 * The checks Docker makes on a single instruction before building: missing arguments,
 * forbidden triggers.
 */
final class InstructionRules {

	private InstructionRules() {
	}

	static void check(Instruction instruction) {
		String keyword = instruction.keyword();
		String args = instruction.arguments();
		ExecForm json = instruction.jsonArray();
		if (json != null && !json.stringsOnly()) {
			throw fail(instruction, "when using JSON array syntax, arrays must be comprised of strings only");
		}
		switch (keyword) {
			case "FROM" -> {
				if (args.isEmpty()) {
					throw fail(instruction, "FROM requires an image argument");
				}
			}
			case "RUN", "ARG", "ENV", "LABEL", "EXPOSE", "VOLUME", "HEALTHCHECK", "ONBUILD" -> {
				if (args.isEmpty()) {
					throw fail(instruction, keyword + " requires at least one argument");
				}
			}
			case "MAINTAINER", "WORKDIR", "USER", "STOPSIGNAL" -> {
				if (args.isEmpty()) {
					throw fail(instruction, keyword + " requires exactly one argument");
				}
			}
			case "COPY", "ADD" -> {
				ExecForm exec = instruction.exec();
				int count = exec != null ? exec.values().size() : Words.fields(args).size();
				if (count < 2) {
					throw fail(instruction, keyword + " requires at least two arguments: a source and a destination");
				}
			}
			case "SHELL" -> {
				if (instruction.exec() == null) {
					throw fail(instruction, "SHELL requires the arguments to be in JSON form");
				}
			}
			default -> {
			}
		}
		switch (keyword) {
			case "ENV", "LABEL" -> Assignments.keyValues(instruction);
			case "ARG" -> Assignments.args(instruction);
			default -> {
			}
		}
		if (keyword.equals("ONBUILD")) {
			Instruction trigger = instruction.trigger().orElseThrow();
			switch (trigger.keyword()) {
				case "ONBUILD" -> throw fail(trigger, "ONBUILD ONBUILD is not allowed");
				case "FROM", "MAINTAINER" ->
					throw fail(trigger, trigger.keyword() + " isn't allowed as an ONBUILD trigger");
				default -> check(trigger);
			}
		}
	}

	static List<String> fromFields(Instruction from) {
		return Words.fields(from.arguments());
	}

	private static DockerfileSyntaxException fail(Instruction instruction, String detail) {
		return instruction.source().error(instruction.keywordOffset(), detail);
	}

}
