package dev.rebaser.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/** Splits the instructions into build stages at each FROM, as Docker does; ARGs before the first FROM are global. */
final class Stages {

    private Stages() {
    }

    static List<Stage> build(SourceText source, List<Instruction> instructions) {
        List<Instruction> globalArgs = new ArrayList<>();
        List<Stage> stages = new ArrayList<>();
        Instruction from = null;
        List<Instruction> body = new ArrayList<>();
        for (Instruction instruction : instructions) {
            if (instruction.keyword().equals("FROM")) {
                if (from != null) {
                    stages.add(stage(source, stages, from, body));
                }
                from = instruction;
                body = new ArrayList<>();
            } else if (from != null) {
                body.add(instruction);
            } else if (instruction.keyword().equals("ARG")) {
                globalArgs.add(instruction);
                source.globalArgs = List.copyOf(globalArgs);
            } else if (instruction.isKnown()) {
                throw source.error(instruction.keywordOffset(),
                        instruction.keyword() + " before the first FROM: no build stage in current context");
            }
        }
        source.globalArgs = List.copyOf(globalArgs);
        if (from != null) {
            stages.add(stage(source, stages, from, body));
        }
        return List.copyOf(stages);
    }

    private static Stage stage(SourceText source, List<Stage> earlier, Instruction from, List<Instruction> body) {
        List<String> fields = Words.fields(from.arguments());
        String alias = null;
        if (fields.size() == 3 && fields.get(1).equalsIgnoreCase("as")) {
            alias = fields.get(2);
            if (!isValidStageName(alias.toLowerCase(Locale.ROOT))) {
                throw source.error(from.keywordOffset(), "invalid name for build stage: \"" + alias
                        + "\", name can't start with a number or contain symbols");
            }
        } else if (fields.size() != 1) {
            throw source.error(from.keywordOffset(), "FROM requires either one or three arguments: image [AS name]");
        }
        String baseImage = fields.get(0);
        String platform = from.flag("platform").orElse(null);
        boolean placeholder = baseImage.equals("BASEIMAGE") || baseImage.equals("$BASEIMAGE")
                || baseImage.equals("${BASEIMAGE}");
        return new Stage(earlier.size(), from, baseImage, alias, platform, parent(earlier, baseImage, from),
                placeholder, List.copyOf(body));
    }

    private static OptionalInt parent(List<Stage> earlier, String baseImage, Instruction from) {
        String name = baseImage;
        if (name.indexOf('$') >= 0) {
            try {
                name = Scope.expandInFrom(from, baseImage, Map.of());
            } catch (DockerfileSyntaxException unresolvable) {
                return OptionalInt.empty();
            }
        }
        for (int i = earlier.size() - 1; i >= 0; i--) {
            Stage stage = earlier.get(i);
            if ((stage.alias() != null && stage.alias().equalsIgnoreCase(name)) || name.equals(Integer.toString(i))) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
    }

    /** Docker's rule for stage names: ^[a-z][a-z0-9-_.]*$ (after lower-casing). */
    private static boolean isValidStageName(String name) {
        if (name.isEmpty() || name.charAt(0) < 'a' || name.charAt(0) > 'z') {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.')) {
                return false;
            }
        }
        return true;
    }
}
