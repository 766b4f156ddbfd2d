package dev.rebaser.rules;

import java.io.Reader;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads one rules file into {@link RuleFile}, checking everything that one file can show.
 */
final class RuleFileParser {

	private static final List<String> SECTIONS = List.of("defaultTarget", "targets", "baseImages", "packages",
			"applets", "userCommands", "commands", "paths", "placeholders", "architectures");

	private static final Pattern TARGET_KEY = Pattern.compile("([a-z0-9][a-z0-9.-]*)/([a-z0-9]+)");

	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]*");

	private static final Pattern WORD_PLACEHOLDER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)}");

	private final String file;

	private final RuleFile rules = new RuleFile();

	private RuleFileParser(String file) {
		this.file = file;
	}

	static RuleFile parse(String file, Reader reader) {
		return new RuleFileParser(file).read(reader);
	}

	private RuleFile read(Reader reader) {
		Node root;
		try {
			root = new Yaml(new LoaderOptions()).compose(reader);
		}
		catch (MarkedYAMLException e) {
			Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
			String problem = "not valid YAML: " + e.getProblem();
			throw mark == null ? new RuleFileException(file, 1, 1, problem)
					: new RuleFileException(file, mark.getLine() + 1, mark.getColumn() + 1, problem);
		}
		if (root == null) {
			return rules;
		}
		YamlMapping top = YamlMapping.of(file, root, "the rules file").allowOnly(SECTIONS);
		if (top.has("defaultTarget")) {
			String name = top.text("defaultTarget");
			rules.defaultTarget = new Located<>(name, top.valuePosition("defaultTarget"));
			rules.references.add(new Reference("defaultTarget", "target", name, top.valuePosition("defaultTarget"),
					"defaultTarget"));
		}
		section(top, "targets", "target", this::target, rules.targets);
		section(top, "baseImages", "base-image rule", this::baseImage, rules.baseImages);
		section(top, "packages", "package", (key, m) -> packageRule("package", key, m), rules.packages);
		section(top, "applets", "applet", (key, m) -> packageRule("applet", key, m), rules.applets);
		section(top, "userCommands", "user command", this::userCommand, rules.userCommands);
		section(top, "commands", "command", this::command, rules.commands);
		section(top, "paths", "path", this::path, rules.paths);
		section(top, "architectures", "architecture", this::architecture, rules.architectures);
		if (top.has("placeholders")) {
			YamlMapping placeholders = top.mapping("placeholders");
			for (String key : placeholders.keys()) {
				String field = placeholders.text(key);
				if (!ArchitectureNames.FIELDS.contains(field)) {
					throw new RuleFileException(placeholders.valuePosition(key),
							"placeholder '" + key + "' stands for '" + field + "'; expected one of: "
									+ String.join(", ", ArchitectureNames.FIELDS));
				}
				rules.placeholders.put(key, new Located<>(field, placeholders.keyPosition(key)));
			}
		}
		return rules;
	}

	private interface EntryReader<T> {

		T read(String key, YamlMapping body);

	}

	private <T> void section(YamlMapping top, String section, String kind, EntryReader<T> reader,
			Map<String, Located<T>> into) {
		if (!top.has(section)) {
			return;
		}
		YamlMapping entries = top.mapping(section);
		for (String key : entries.keys()) {
			YamlMapping body = YamlMapping.of(file, entries.value(key), kind + " '" + key + "'");
			into.put(key, new Located<>(reader.read(key, body), entries.keyPosition(key)));
		}
	}

	private Target target(String key, YamlMapping m) {
		m.allowOnly(List.of("distro", "release", "baseImage", "packageManager", "officialImages", "bootstrap",
				"externallyManagedPython", "notes"));
		Matcher matcher = TARGET_KEY.matcher(key);
		if (!matcher.matches()) {
			throw new RuleFileException(m.position(),
					"target key '" + key + "' must be <name>/<arch>, e.g. debian-bookworm/mips64le");
		}
		Distro distro = Distro.fromKey(m.text("distro"));
		if (distro == null) {
			throw new RuleFileException(m.valuePosition("distro"),
					"distro of " + m.what() + " must be debian or fedora");
		}
		PackageManager manager = PackageManager.fromKey(m.text("packageManager"));
		if (manager == null) {
			throw new RuleFileException(m.valuePosition("packageManager"),
					"packageManager of " + m.what() + " must be apt or dnf");
		}
		if ((distro == Distro.DEBIAN) != (manager == PackageManager.APT)) {
			throw new RuleFileException(m.valuePosition("packageManager"), m.what() + " is " + distro.key()
					+ " but names packageManager " + manager.key() + "; debian uses apt and fedora uses dnf");
		}
		Optional<String> bootstrap = m.optionalText("bootstrap");
		if (bootstrap.isPresent() && !bootstrap.get().equals("debootstrap")) {
			throw new RuleFileException(m.valuePosition("bootstrap"),
					"bootstrap of " + m.what() + " must be debootstrap");
		}
		String arch = matcher.group(2);
		rules.references.add(new Reference("target:" + key, "architecture", arch, m.position(), m.what()));
		return new Target(matcher.group(1), arch, distro, m.text("release"), m.text("baseImage"), manager,
				m.bool("officialImages", false), bootstrap, m.bool("externallyManagedPython", false),
				m.optionalText("notes"));
	}

	private BaseImageRule baseImage(String key, YamlMapping m) {
		m.allowOnly(List.of("repositories", "tag", "keep", "debianImage", "installs", "cmd", "env", "notes"));
		List<String> repositories = m.textList("repositories");
		if (repositories.isEmpty()) {
			throw new RuleFileException(m.position(), m.what() + " needs 'repositories' with at least one repository");
		}
		Optional<Pattern> tag = Optional.empty();
		if (m.has("tag")) {
			try {
				tag = Optional.of(Pattern.compile(m.text("tag")));
			}
			catch (PatternSyntaxException e) {
				throw new RuleFileException(m.valuePosition("tag"),
						"tag of " + m.what() + " is not a valid regular expression: " + e.getDescription());
			}
		}
		Optional<String> keep = m.optionalText("keep");
		if (keep.isPresent()) {
			for (String replacing : List.of("installs", "debianImage", "cmd", "env")) {
				if (m.has(replacing)) {
					throw new RuleFileException(m.keyPosition(replacing),
							m.what() + " keeps the image, so '" + replacing + "' has no meaning; remove one of them");
				}
			}
		}
		else if (!m.has("installs")) {
			throw new RuleFileException(m.position(),
					m.what() + " needs either 'keep: <reason>' or 'installs' (an empty list"
							+ " when the target's base image is enough)");
		}
		Optional<String> debianImage = m.optionalText("debianImage");
		if (debianImage.isPresent() && debianImage.get().contains("{version}")
				&& (tag.isEmpty() || !tag.get().pattern().contains("(?<version>"))) {
			throw new RuleFileException(m.valuePosition("debianImage"),
					"debianImage of " + m.what() + " uses {version}, but its tag has no (?<version>…) group");
		}
		List<String> installs = m.textList("installs");
		for (Located<String> install : m.locatedTextList("installs")) {
			rules.references
				.add(new Reference("base-image:" + key, "package", install.value(), install.where(), m.what()));
		}
		Map<Distro, List<String>> cmd = new EnumMap<>(Distro.class);
		if (m.has("cmd")) {
			YamlMapping perDistro = m.mapping("cmd").allowOnly(distroKeys());
			for (String distro : perDistro.keys()) {
				cmd.put(Distro.fromKey(distro), perDistro.textList(distro));
			}
		}
		Map<String, String> env = new LinkedHashMap<>();
		if (m.has("env")) {
			YamlMapping variables = m.mapping("env");
			for (String name : variables.keys()) {
				env.put(name, variables.text(name));
			}
		}
		return new BaseImageRule(key, repositories, tag, keep, debianImage, installs, cmd, env,
				m.optionalText("notes"));
	}

	private PackageRule packageRule(String kind, String key, YamlMapping m) {
		m.allowOnly(List.of("debian", "fedora", "none", "aliases", "unavailableOn", "notes"));
		Map<Distro, List<String>> names = new EnumMap<>(Distro.class);
		for (Distro distro : Distro.values()) {
			if (m.has(distro.key())) {
				List<String> list = m.textList(distro.key());
				if (list.isEmpty()) {
					throw new RuleFileException(m.valuePosition(distro.key()), distro.key() + " of " + m.what()
							+ " is an empty list; write none: <reason> when nothing needs installing");
				}
				for (String name : list) {
					if (!NAME.matcher(name).matches()) {
						throw new RuleFileException(m.valuePosition(distro.key()),
								"'" + name + "' in " + m.what() + " is not a package name");
					}
				}
				names.put(distro, list);
			}
		}
		Optional<String> none = m.optionalText("none");
		if (names.isEmpty() && none.isEmpty()) {
			throw new RuleFileException(m.position(), m.what()
					+ " has neither package names (debian, fedora) nor a reason" + " why nothing is needed (none)");
		}
		List<String> unavailableOn = m.textList("unavailableOn");
		for (Located<String> target : m.locatedTextList("unavailableOn")) {
			rules.references.add(new Reference(kind + ":" + key, "target", target.value(), target.where(), m.what()));
		}
		return new PackageRule(kind, key, m.textList("aliases"), names, none, unavailableOn, m.optionalText("notes"));
	}

	private UserCommandRule userCommand(String key, YamlMapping m) {
		m.allowOnly(List.of("usage", "options", "forms"));
		Map<String, CommandOption> options = new LinkedHashMap<>();
		if (!m.has("options")) {
			throw new RuleFileException(m.position(), m.what() + " needs 'options' ({} when it takes none)");
		}
		YamlMapping optionMap = m.mapping("options");
		for (String name : optionMap.keys()) {
			YamlMapping option = YamlMapping.of(file, optionMap.value(name), "option '" + name + "' of " + m.what())
				.allowOnly(List.of("value", "long"));
			options.put(name, new CommandOption(name, option.optionalText("value"), option.optionalText("long")));
		}
		if (!m.has("forms")) {
			throw new RuleFileException(m.position(), m.what() + " needs 'forms'");
		}
		YamlMapping formMap = m.mapping("forms");
		Map<String, UserCommandForm> forms = new LinkedHashMap<>();
		Map<Integer, String> formsByArity = new LinkedHashMap<>();
		for (String name : formMap.keys()) {
			YamlMapping form = YamlMapping.of(file, formMap.value(name), "form '" + name + "' of " + m.what())
				.allowOnly(List.of("arguments", "options", "debian", "fedora"));
			List<String> arguments = form.textList("arguments");
			if (arguments.isEmpty()) {
				throw new RuleFileException(form.position(),
						form.what() + " needs 'arguments' naming at least one argument");
			}
			String sameArity = formsByArity.putIfAbsent(arguments.size(), name);
			if (sameArity != null) {
				throw new RuleFileException(formMap.keyPosition(name), form.what() + " takes " + arguments.size()
						+ " arguments, like form '" + sameArity + "'; the argument count must tell forms apart");
			}
			Map<Distro, CommandTranslation> translations = new EnumMap<>(Distro.class);
			for (Distro distro : Distro.values()) {
				if (form.has(distro.key())) {
					translations.put(distro, translation(form.mapping(distro.key()), options, arguments));
				}
			}
			forms.put(name, new UserCommandForm(key, name, arguments, form.bool("options", true), translations));
		}
		return new UserCommandRule(key, m.optionalText("usage"), options, forms);
	}

	private CommandTranslation translation(YamlMapping m, Map<String, CommandOption> options, List<String> arguments) {
		m.allowOnly(List.of("command", "flags", "when", "arguments"));
		Set<String> known = new java.util.HashSet<>(arguments);
		options.values().forEach(option -> option.value().ifPresent(known::add));
		Map<String, List<String>> flags = new LinkedHashMap<>();
		if (m.has("flags")) {
			YamlMapping flagMap = m.mapping("flags");
			for (String option : flagMap.keys()) {
				if (!options.containsKey(option)) {
					throw new RuleFileException(flagMap.keyPosition(option), "'" + option + "' in " + flagMap.what()
							+ " is not one of the options: " + String.join(", ", options.keySet()));
				}
				List<String> words = flagMap.textList(option);
				checkPlaceholders(words, known, flagMap.valuePosition(option));
				flags.put(option, words);
			}
		}
		List<FlagCondition> when = new java.util.ArrayList<>();
		if (m.has("when")) {
			Node list = m.value("when");
			if (!(list instanceof org.yaml.snakeyaml.nodes.SequenceNode sequence)) {
				throw m.error(list, "'when' in " + m.what() + " must be a list");
			}
			for (Node item : sequence.getValue()) {
				YamlMapping condition = YamlMapping.of(file, item, "a 'when' entry of " + m.what())
					.allowOnly(List.of("present", "absent", "add"));
				List<String> present = condition.textList("present");
				List<String> absent = condition.textList("absent");
				for (String option : concat(present, absent)) {
					if (!options.containsKey(option)) {
						throw new RuleFileException(condition.position(), "'" + option + "' in " + condition.what()
								+ " is not one of the options: " + String.join(", ", options.keySet()));
					}
				}
				List<String> add = condition.textList("add");
				if (add.isEmpty()) {
					throw new RuleFileException(condition.position(),
							condition.what() + " needs 'add' with at least one word");
				}
				checkPlaceholders(add, known, condition.position());
				when.add(new FlagCondition(present, absent, add));
			}
		}
		List<String> words = m.textList("arguments");
		if (m.has("arguments")) {
			checkPlaceholders(words, known, m.valuePosition("arguments"));
		}
		return new CommandTranslation(m.text("command"), flags, List.copyOf(when), words);
	}

	private static List<String> concat(List<String> a, List<String> b) {
		List<String> all = new java.util.ArrayList<>(a);
		all.addAll(b);
		return all;
	}

	private static void checkPlaceholders(List<String> words, Set<String> known, Position where) {
		for (String word : words) {
			Matcher matcher = WORD_PLACEHOLDER.matcher(word);
			while (matcher.find()) {
				if (!known.contains(matcher.group(1))) {
					throw new RuleFileException(where,
							"'{" + matcher.group(1) + "}' names neither an option value nor an" + " argument; known: "
									+ String.join(", ", new java.util.TreeSet<>(known)));
				}
			}
		}
	}

	private CommandRule command(String key, YamlMapping m) {
		m.allowOnly(List.of("debian", "fedora", "notes"));
		Map<Distro, CommandReplacement> replacements = new EnumMap<>(Distro.class);
		for (Distro distro : Distro.values()) {
			if (m.has(distro.key())) {
				YamlMapping replacement = m.mapping(distro.key()).allowOnly(List.of("command", "unsupported"));
				boolean hasCommand = replacement.has("command");
				if (hasCommand == replacement.has("unsupported")) {
					throw new RuleFileException(replacement.position(),
							replacement.what() + " needs exactly one of 'command' and 'unsupported'");
				}
				replacements.put(distro, new CommandReplacement(replacement.optionalText("command"),
						replacement.optionalText("unsupported")));
			}
		}
		if (replacements.isEmpty()) {
			throw new RuleFileException(m.position(), m.what() + " says nothing for debian or fedora");
		}
		return new CommandRule(key, replacements, m.optionalText("notes"));
	}

	private PathRule path(String key, YamlMapping m) {
		m.allowOnly(List.of("debian", "fedora", "notes"));
		if (!key.startsWith("/")) {
			throw new RuleFileException(m.position(), "path '" + key + "' must be absolute");
		}
		Map<Distro, String> replacements = new EnumMap<>(Distro.class);
		for (Distro distro : Distro.values()) {
			if (m.has(distro.key())) {
				String to = m.text(distro.key());
				if (!to.startsWith("/")) {
					throw new RuleFileException(m.valuePosition(distro.key()),
							distro.key() + " of " + m.what() + " must be an absolute path");
				}
				replacements.put(distro, to);
			}
		}
		if (replacements.isEmpty()) {
			throw new RuleFileException(m.position(), m.what() + " says nothing for debian or fedora");
		}
		return new PathRule(key, replacements, m.optionalText("notes"));
	}

	private ArchitectureNames architecture(String key, YamlMapping m) {
		m.allowOnly(List.of("goArch", "debianArch", "qemuArch", "alpineArch", "fedoraArch", "unameMachine", "platform",
				"dockerHubNamespaces"));
		return new ArchitectureNames(key, m.text("goArch"), m.text("debianArch"), m.text("qemuArch"),
				m.optionalText("alpineArch"), m.optionalText("fedoraArch"), m.text("unameMachine"), m.text("platform"),
				m.textList("dockerHubNamespaces"));
	}

	private static List<String> distroKeys() {
		return java.util.Arrays.stream(Distro.values()).map(Distro::key).toList();
	}

}
