package dev.rebaser.dockerfile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Splits the instructions into build stages at each FROM, as Docker does; ARGs before the
 * first FROM are global.
 */
final class Stages {

	private Stages() {
	}

	static List<Stage> build(SourceText source, List<Instruction> instructions) {
		List<Instruction> globalArgs = new ArrayList<>();
		List<Stage> stages = new ArrayList<>();
		// stage names and numbers FROM can refer to; a later stage of the same name wins
		Map<String, Integer> names = new HashMap<>();
		Instruction from = null;
		List<Instruction> body = new ArrayList<>();
		for (Instruction instruction : instructions) {
			if (instruction.keyword().equals("FROM")) {
				if (from != null) {
					stages.add(stage(source, names, stages.size(), from, body));
				}
				if (from == null) {
					// global ARGs are complete once the first FROM is seen; FROM lines
					// may expand them
					source.globalArgs = List.copyOf(globalArgs);
				}
				from = instruction;
				body = new ArrayList<>();
			}
			else if (from != null) {
				body.add(instruction);
			}
			else if (instruction.keyword().equals("ARG")) {
				globalArgs.add(instruction);
			}
			else if (instruction.isKnown()) {
				throw source.error(instruction.keywordOffset(),
						instruction.keyword() + " before the first FROM: no build stage in current context");
			}
		}
		source.globalArgs = List.copyOf(globalArgs);
		if (from != null) {
			stages.add(stage(source, names, stages.size(), from, body));
		}
		source.stages = List.copyOf(stages);
		return source.stages;
	}

	private static Stage stage(SourceText source, Map<String, Integer> names, int index, Instruction from,
			List<Instruction> body) {
		List<String> fields = Words.fields(from.arguments());
		String alias = null;
		if (fields.size() == 3 && fields.get(1).equalsIgnoreCase("as")) {
			alias = fields.get(2);
			if (!isValidStageName(alias.toLowerCase(Locale.ROOT))) {
				throw source.error(from.keywordOffset(), "invalid name for build stage: \"" + alias
						+ "\", name can't start with a number or contain symbols");
			}
		}
		else if (fields.size() != 1) {
			throw source.error(from.keywordOffset(), "FROM requires either one or three arguments: image [AS name]");
		}
		String baseImage = fields.get(0);
		String platform = from.flag("platform").orElse(null);
		boolean placeholder = baseImage.equals("BASEIMAGE") || baseImage.equals("$BASEIMAGE")
				|| baseImage.equals("${BASEIMAGE}");
		OptionalInt parent = parent(source, names, baseImage, from);
		names.put(Integer.toString(index), index);
		if (alias != null) {
			names.put(alias.toLowerCase(Locale.ROOT), index);
		}
		return new Stage(index, from, baseImage, alias, platform, parent, placeholder, List.copyOf(body));
	}

	private static OptionalInt parent(SourceText source, Map<String, Integer> names, String baseImage,
			Instruction from) {
		String name = baseImage;
		if (name.indexOf('$') >= 0) {
			try {
				if (source.globalDefaults == null) {
					source.globalDefaults = Scope.globals(source, Map.of());
				}
				name = Scope.expand(from, baseImage, source.globalDefaults);
			}
			catch (DockerfileSyntaxException unresolvable) {
				return OptionalInt.empty();
			}
		}
		Integer index = names.get(name.toLowerCase(Locale.ROOT));
		return index == null ? OptionalInt.empty() : OptionalInt.of(index);
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
