package dev.rebaser.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules of one file, or of several files merged, section by section, keyed as in the
 * files.
 */
final class RuleFile {

	Located<String> defaultTarget;

	final Map<String, Located<Target>> targets = new LinkedHashMap<>();

	final Map<String, Located<BaseImageRule>> baseImages = new LinkedHashMap<>();

	final Map<String, Located<PackageRule>> packages = new LinkedHashMap<>();

	final Map<String, Located<PackageRule>> applets = new LinkedHashMap<>();

	final Map<String, Located<UserCommandRule>> userCommands = new LinkedHashMap<>();

	final Map<String, Located<CommandRule>> commands = new LinkedHashMap<>();

	final Map<String, Located<PathRule>> paths = new LinkedHashMap<>();

	final Map<String, Located<String>> placeholders = new LinkedHashMap<>();

	final Map<String, Located<ArchitectureNames>> architectures = new LinkedHashMap<>();

	final List<Reference> references = new ArrayList<>();

	/** Adds another file of the same folder: a key defined twice is an error. */
	void addSameFolder(RuleFile other) {
		if (other.defaultTarget != null) {
			if (defaultTarget != null) {
				throw new RuleFileException(other.defaultTarget.where(),
						"defaultTarget is already set at " + defaultTarget.where());
			}
			defaultTarget = other.defaultTarget;
		}
		addNew(targets, other.targets, "target");
		addNew(baseImages, other.baseImages, "base-image rule");
		addNew(packages, other.packages, "package");
		addNew(applets, other.applets, "applet");
		addNew(userCommands, other.userCommands, "user command");
		addNew(commands, other.commands, "command");
		addNew(paths, other.paths, "path");
		addNew(placeholders, other.placeholders, "placeholder");
		addNew(architectures, other.architectures, "architecture");
		references.addAll(other.references);
	}

	/**
	 * Lays an override folder over this one: a key defined in both takes the override's
	 * rule.
	 */
	void override(RuleFile other) {
		if (other.defaultTarget != null) {
			defaultTarget = other.defaultTarget;
		}
		targets.putAll(other.targets);
		baseImages.putAll(other.baseImages);
		packages.putAll(other.packages);
		applets.putAll(other.applets);
		userCommands.putAll(other.userCommands);
		commands.putAll(other.commands);
		paths.putAll(other.paths);
		placeholders.putAll(other.placeholders);
		architectures.putAll(other.architectures);
		references.addAll(other.references);
	}

	private static <T> void addNew(Map<String, Located<T>> into, Map<String, Located<T>> from, String kind) {
		for (Map.Entry<String, Located<T>> entry : from.entrySet()) {
			Located<T> earlier = into.putIfAbsent(entry.getKey(), entry.getValue());
			if (earlier != null) {
				throw new RuleFileException(entry.getValue().where(),
						kind + " '" + entry.getKey() + "' is already defined at " + earlier.where());
			}
		}
	}

}
