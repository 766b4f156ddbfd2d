package dev.rebaser.rules;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.stream.Collectors;

/**
 * The rewrite rules, loaded and checked, with the look-ups a rewrite needs. Loading fails
 * with a {@link RuleFileException} naming the file, line and column of the first problem.
 */
public final class RuleSet {

	/** Where the built-in rules live on the classpath (and at the repository root). */
	public static final String BUILTIN_FOLDER = "dockerfile-rewrite-rules";

	private final Target defaultTarget;

	private final Map<String, Target> targets;

	private final List<BaseImageRule> baseImages;

	private final Map<String, PackageRule> packageRules;

	private final Map<String, PackageRule> packagesByName;

	private final Map<String, PackageRule> appletRules;

	private final Map<String, PackageRule> appletsByName;

	private final Map<String, UserCommandRule> userCommands;

	private final Map<String, CommandRule> commands;

	private final Map<String, PathRule> paths;

	private final Map<String, String> placeholders;

	private final Map<String, ArchitectureNames> architectures;

	private final Set<String> hubNamespaces;

	private RuleSet(RuleFile rules, String origin) {
		if (rules.defaultTarget == null) {
			throw new RuleFileException(origin, 1, 1, "no rules file sets defaultTarget");
		}
		targets = values(rules.targets);
		architectures = values(rules.architectures);
		packageRules = values(rules.packages);
		appletRules = values(rules.applets);
		packagesByName = byName(packageRules.values());
		appletsByName = byName(appletRules.values());
		checkReferences(rules);
		defaultTarget = targets.get(rules.defaultTarget.value());
		// Rules with a tag pattern are more specific, so they are tried first; then by
		// key.
		baseImages = rules.baseImages.values()
			.stream()
			.map(Located::value)
			.sorted(Comparator.comparing((BaseImageRule rule) -> rule.tag().isEmpty())
				.thenComparing(BaseImageRule::key))
			.toList();
		userCommands = values(rules.userCommands);
		commands = values(rules.commands);
		paths = values(rules.paths);
		placeholders = rules.placeholders.entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().value(), (a, b) -> a,
					LinkedHashMap::new));
		hubNamespaces = architectures.values()
			.stream()
			.flatMap(arch -> arch.dockerHubNamespaces().stream())
			.collect(Collectors.toUnmodifiableSet());
	}

	/** The rules shipped with Rebaser, read from the classpath. */
	public static RuleSet builtin() {
		return new RuleSet(RuleFolder.readClasspath(RuleSet.class.getClassLoader(), BUILTIN_FOLDER), BUILTIN_FOLDER);
	}

	/** The rules shipped with Rebaser, with a user's folder laid over them key by key. */
	public static RuleSet builtin(Path overrideFolder) {
		RuleFile rules = RuleFolder.readClasspath(RuleSet.class.getClassLoader(), BUILTIN_FOLDER);
		rules.override(RuleFolder.read(overrideFolder));
		return new RuleSet(rules, BUILTIN_FOLDER);
	}

	/** Every {@code *.yaml} file in a folder. */
	public static RuleSet load(Path builtinFolder) {
		return new RuleSet(RuleFolder.read(builtinFolder), builtinFolder.toString());
	}

	/**
	 * The rules of {@code builtinFolder} with those of {@code overrideFolder} laid over
	 * them: a target, base-image, package, applet, command, path or architecture with the
	 * same key replaces the built-in one (aliases included), new keys are added, the rest
	 * stays.
	 */
	public static RuleSet load(Path builtinFolder, Path overrideFolder) {
		RuleFile rules = RuleFolder.read(builtinFolder);
		rules.override(RuleFolder.read(overrideFolder));
		return new RuleSet(rules, builtinFolder.toString());
	}

	// --- targets and architectures
	// ---------------------------------------------------------

	public Target defaultTarget() {
		return defaultTarget;
	}

	public Collection<Target> targets() {
		return targets.values();
	}

	/** E.g. {@code target("debian-bookworm", "mips64le")}. */
	public Optional<Target> target(String name, String arch) {
		return target(name + "/" + arch);
	}

	/** E.g. {@code target("debian-bookworm/mips64le")}. */
	public Optional<Target> target(String key) {
		return Optional.ofNullable(targets.get(key));
	}

	public Optional<ArchitectureNames> architecture(String arch) {
		return Optional.ofNullable(architectures.get(arch));
	}

	/**
	 * An architecture by its key ({@code mips64le}, the Go and Docker name) or by its
	 * Debian name ({@code mips64el}), since users type either.
	 */
	public Optional<ArchitectureNames> architectureNamed(String name) {
		return architecture(name)
			.or(() -> architectures.values().stream().filter(a -> a.debianArch().equals(name)).findFirst());
	}

	/** Every target's architecture is defined; loading checks that. */
	public ArchitectureNames architectureOf(Target target) {
		return architectures.get(target.arch());
	}

	/**
	 * Kubernetes' placeholder words (BASEARCH, QEMUARCH, …) and the architecture name
	 * each stands for.
	 */
	public Map<String, String> placeholders() {
		return placeholders;
	}

	/**
	 * What Kubernetes' build script would write for {@code placeholder} when building for
	 * {@code target}.
	 */
	public Optional<String> placeholderValue(String placeholder, Target target) {
		String field = placeholders.get(placeholder);
		return field == null ? Optional.empty() : architectureOf(target).field(field);
	}

	// --- packages and applets
	// --------------------------------------------------------------

	public Collection<PackageRule> packageRules() {
		return packageRules.values();
	}

	/** The rule for an Alpine package name or alias. */
	public Optional<PackageRule> packageRule(String alpineName) {
		return Optional.ofNullable(packagesByName.get(alpineName));
	}

	/**
	 * What the target installs for an Alpine package: names, nothing (with a reason), or
	 * unmapped.
	 */
	public PackageMapping packagesFor(String alpineName, Target target) {
		PackageRule rule = packagesByName.get(alpineName);
		return rule == null ? new PackageMapping.Unmapped(alpineName, Optional.empty())
				: rule.mappingFor(alpineName, target);
	}

	public Collection<PackageRule> appletRules() {
		return appletRules.values();
	}

	public Optional<PackageRule> appletRule(String applet) {
		return Optional.ofNullable(appletsByName.get(applet));
	}

	/**
	 * What the target installs so that a BusyBox applet the Alpine image had keeps
	 * working.
	 */
	public PackageMapping appletPackages(String applet, Target target) {
		PackageRule rule = appletsByName.get(applet);
		return rule == null ? new PackageMapping.Unmapped(applet, Optional.empty()) : rule.mappingFor(applet, target);
	}

	// --- base images
	// -----------------------------------------------------------------------

	public List<BaseImageRule> baseImageRules() {
		return baseImages;
	}

	/** What a FROM image becomes on the target. */
	public BaseImageChoice baseImageFor(String imageReference, Target target) {
		ImageName image = ImageName.parse(imageReference, hubNamespaces);
		for (BaseImageRule rule : baseImages) {
			if (!rule.repositories().contains(image.repository())) {
				continue;
			}
			Optional<Matcher> tag = rule.tag().map(pattern -> pattern.matcher(image.tag()));
			if (tag.isPresent() && !tag.get().matches()) {
				continue;
			}
			if (rule.keep().isPresent()) {
				return new BaseImageChoice.Keep(rule.id(), rule.keep().get());
			}
			if (rule.debianImage().isPresent() && target.distro() == Distro.DEBIAN && target.officialImages()) {
				String version = tag.map(RuleSet::version).orElse(null);
				if (version != null || !rule.debianImage().get().contains("{version}")) {
					return new BaseImageChoice.Official(rule.id(),
							rule.debianImage().get().replace("{version}", version == null ? "" : version));
				}
			}
			return new BaseImageChoice.TargetBase(rule.id(), target.baseImage(), rule.installs(),
					rule.cmd().getOrDefault(target.distro(), List.of()), rule.env());
		}
		return new BaseImageChoice.NoRule(imageReference);
	}

	private static String version(Matcher matcher) {
		try {
			return matcher.group("version");
		}
		catch (IllegalArgumentException noSuchGroup) {
			return null;
		}
	}

	// --- commands and paths
	// ----------------------------------------------------------------

	/** The BusyBox user or group command ({@code adduser}, {@code addgroup}, …). */
	public Optional<UserCommandRule> userCommand(String command) {
		return Optional.ofNullable(userCommands.get(command));
	}

	public Collection<UserCommandRule> userCommands() {
		return userCommands.values();
	}

	public Optional<CommandRule> commandRule(String command) {
		return Optional.ofNullable(commands.get(command));
	}

	public Collection<CommandRule> commandRules() {
		return commands.values();
	}

	/** The rule for an absolute Alpine path, matched exactly. */
	public Optional<PathRule> pathRule(String path) {
		return Optional.ofNullable(paths.get(path));
	}

	public Collection<PathRule> pathRules() {
		return paths.values();
	}

	// --- loading
	// ---------------------------------------------------------------------------

	private static <T> Map<String, T> values(Map<String, Located<T>> located) {
		Map<String, T> values = new LinkedHashMap<>();
		located.forEach((key, rule) -> values.put(key, rule.value()));
		return values;
	}

	private static Map<String, PackageRule> byName(Collection<PackageRule> rules) {
		Map<String, PackageRule> byName = new LinkedHashMap<>();
		// Aliases first, so that a key always answers for its own rule, even when an
		// override
		// brings a rule whose key was an alias of a built-in one.
		for (PackageRule rule : rules) {
			rule.aliases().forEach(alias -> byName.putIfAbsent(alias, rule));
		}
		for (PackageRule rule : rules) {
			byName.put(rule.key(), rule);
		}
		return byName;
	}

	private void checkReferences(RuleFile rules) {
		for (Reference reference : rules.references) {
			Optional<Position> owner = ownerPosition(rules, reference.owner());
			if (owner.isEmpty() || !owner.get().file().equals(reference.where().file())) {
				continue; // the rule that referred was overridden
			}
			Set<String> known = switch (reference.kind()) {
				case "target" -> targets.keySet();
				case "architecture" -> architectures.keySet();
				case "package" -> packagesByName.keySet();
				default -> throw new IllegalStateException(reference.kind());
			};
			if (!known.contains(reference.name())) {
				String list = reference.kind().equals("package") ? ""
						: " (known: " + String.join(", ", new TreeSet<>(known)) + ")";
				throw new RuleFileException(reference.where(), reference.context() + " names " + reference.kind() + " '"
						+ reference.name() + "', which no rules file defines" + list);
			}
		}
	}

	private static Optional<Position> ownerPosition(RuleFile rules, String owner) {
		if (owner.equals("defaultTarget")) {
			return Optional.of(rules.defaultTarget.where());
		}
		int colon = owner.indexOf(':');
		String key = owner.substring(colon + 1);
		Map<String, ? extends Located<?>> section = switch (owner.substring(0, colon)) {
			case "target" -> rules.targets;
			case "package" -> rules.packages;
			case "applet" -> rules.applets;
			case "base-image" -> rules.baseImages;
			default -> throw new IllegalStateException(owner);
		};
		return Optional.ofNullable(section.get(key)).map(Located::where);
	}

}
