package dev.rebaser.dockerfile;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Docker's variable scoping for builds. Global ARGs (before the first FROM) are visible
 * in FROM lines; inside a stage an ARG is visible after it is declared, taking a build
 * arg, else its default, else the global value; ENV always wins over an ARG of the same
 * name.
 */
final class Scope {

	/** Platform args BuildKit defines in the global scope without a declaration. */
	private static final Set<String> AUTOMATIC = Set.of("BUILDPLATFORM", "BUILDOS", "BUILDARCH", "BUILDVARIANT",
			"TARGETPLATFORM", "TARGETOS", "TARGETARCH", "TARGETVARIANT");

	private Scope() {
	}

	/**
	 * The global ARGs as seen from FROM lines; a declared ARG without any value maps to
	 * null.
	 */
	static Map<String, String> globals(SourceText source, Map<String, String> buildArgs) {
		Map<String, String> globals = new LinkedHashMap<>();
		for (String name : AUTOMATIC) {
			if (buildArgs.containsKey(name)) {
				globals.put(name, buildArgs.get(name));
			}
		}
		for (Instruction arg : source.globalArgs) {
			for (Assignments.Pair pair : Assignments.args(arg)) {
				String value;
				if (buildArgs.containsKey(pair.name())) {
					value = buildArgs.get(pair.name());
				}
				else if (pair.value() != null) {
					value = expand(arg, pair.value(), globals);
				}
				else {
					value = null;
				}
				globals.put(pair.name(), value);
			}
		}
		return globals;
	}

	static String expandInFrom(Instruction from, String text, Map<String, String> buildArgs) {
		return expand(from, text, globals(from.source(), safe(buildArgs)));
	}

	static Map<String, String> variablesAt(Stage stage, Instruction at, Map<String, String> buildArgs) {
		Map<String, String> given = safe(buildArgs);
		Map<String, String> globals = globals(stage.from().source(), given);
		if (at == stage.from()) {
			return withoutUnset(globals);
		}
		// A stage built FROM another stage starts from that stage's image, ENV included
		// (ARGs are not inherited).
		Map<String, String> env = new LinkedHashMap<>();
		for (Stage ancestor : ancestors(stage)) {
			env = walk(ancestor, null, given, globals, env).env;
		}
		return walk(stage, at, given, globals, env).visible;
	}

	/** The stages this one is built on, the oldest first. */
	private static Deque<Stage> ancestors(Stage stage) {
		Deque<Stage> chain = new ArrayDeque<>();
		List<Stage> stages = stage.from().source().stages;
		Stage current = stage;
		while (current.parent().isPresent() && current.parent().getAsInt() < current.index()) {
			current = stages.get(current.parent().getAsInt());
			chain.push(current);
		}
		return chain;
	}

	/**
	 * What a stage sees up to (not including) {@code stop}, starting from an inherited
	 * ENV; null walks it all.
	 */
	private static Visible walk(Stage stage, Instruction stop, Map<String, String> given, Map<String, String> globals,
			Map<String, String> inherited) {
		Map<String, String> env = new LinkedHashMap<>(inherited);
		Map<String, String> visible = new LinkedHashMap<>(env);
		for (Instruction instruction : stage.instructions()) {
			if (instruction == stop) {
				break;
			}
			if (instruction.keyword().equals("ARG")) {
				for (Assignments.Pair pair : Assignments.args(instruction)) {
					String value;
					if (given.containsKey(pair.name())) {
						value = given.get(pair.name());
					}
					else if (pair.value() != null) {
						value = expand(instruction, pair.value(), visible);
					}
					else {
						value = globals.get(pair.name());
					}
					if (value != null && !env.containsKey(pair.name())) {
						visible.put(pair.name(), value);
					}
				}
			}
			else if (instruction.keyword().equals("ENV")) {
				for (Assignments.Pair pair : Assignments.keyValues(instruction)) {
					String value = expand(instruction, pair.value(), visible);
					env.put(pair.name(), value);
					visible.put(pair.name(), value);
				}
			}
		}
		return new Visible(visible, env);
	}

	private record Visible(Map<String, String> visible, Map<String, String> env) {
	}

	static String expand(Instruction instruction, String text, Map<String, String> variables) {
		try {
			return VariableExpander.expand(text, variables::get, instruction.source().escape,
					instruction.source().expansionBudget);
		}
		catch (ExpansionException e) {
			throw instruction.source().error(instruction.keywordOffset(), e.getMessage());
		}
	}

	private static Map<String, String> withoutUnset(Map<String, String> variables) {
		Map<String, String> result = new LinkedHashMap<>();
		variables.forEach((name, value) -> {
			if (value != null) {
				result.put(name, value);
			}
		});
		return result;
	}

	private static Map<String, String> safe(Map<String, String> buildArgs) {
		return buildArgs == null ? Map.of() : buildArgs;
	}

}
