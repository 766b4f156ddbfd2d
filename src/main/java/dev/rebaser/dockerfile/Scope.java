package dev.rebaser.dockerfile;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Docker's variable scoping for builds. Global ARGs (before the first FROM) are visible in FROM lines; inside a
 * stage an ARG is visible after it is declared, taking a build arg, else its default, else the global value;
 * ENV always wins over an ARG of the same name.
 */
final class Scope {

    /** Platform args BuildKit defines in the global scope without a declaration. */
    private static final Set<String> AUTOMATIC = Set.of("BUILDPLATFORM", "BUILDOS", "BUILDARCH", "BUILDVARIANT",
            "TARGETPLATFORM", "TARGETOS", "TARGETARCH", "TARGETVARIANT");

    private Scope() {
    }

    /** The global ARGs as seen from FROM lines; a declared ARG without any value maps to null. */
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
                } else if (pair.value() != null) {
                    value = expand(arg, pair.value(), globals);
                } else {
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
        Map<String, String> args = new HashMap<>();
        Map<String, String> env = new LinkedHashMap<>();
        Map<String, String> visible = new LinkedHashMap<>();
        for (Instruction instruction : stage.instructions()) {
            if (instruction == at) {
                break;
            }
            if (instruction.keyword().equals("ARG")) {
                for (Assignments.Pair pair : Assignments.args(instruction)) {
                    String value;
                    if (given.containsKey(pair.name())) {
                        value = given.get(pair.name());
                    } else if (pair.value() != null) {
                        value = expand(instruction, pair.value(), visible);
                    } else {
                        value = globals.get(pair.name());
                    }
                    if (value != null) {
                        args.put(pair.name(), value);
                        if (!env.containsKey(pair.name())) {
                            visible.put(pair.name(), value);
                        }
                    }
                }
            } else if (instruction.keyword().equals("ENV")) {
                for (Assignments.Pair pair : Assignments.keyValues(instruction)) {
                    String value = expand(instruction, pair.value(), visible);
                    env.put(pair.name(), value);
                    visible.put(pair.name(), value);
                }
            }
        }
        return visible;
    }

    static String expand(Instruction instruction, String text, Map<String, String> variables) {
        try {
            return VariableExpander.expand(text, variables::get, instruction.source().escape);
        } catch (ExpansionException e) {
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
