package dev.rebaser.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class BuiltinRulesTest {

	static final Path FOLDER = Path.of(RuleSet.BUILTIN_FOLDER);

	@Test
	void builtinRulesLoadFromTheClasspath() {
		RuleSet rules = RuleSet.builtin();

		assertThat(rules.defaultTarget().key()).isEqualTo("debian-bookworm/mips64le");
		assertThat(rules.packageRules()).hasSizeGreaterThanOrEqualTo(300);
		assertThat(rules.appletRules()).isNotEmpty();
		assertThat(rules.baseImageRules()).isNotEmpty();
		assertThat(rules.userCommands()).extracting(UserCommandRule::command)
			.containsExactlyInAnyOrder("adduser", "addgroup", "deluser", "delgroup");
	}

	@Test
	void theRepositoryFolderGivesTheSameRulesAsTheClasspathCopy() {
		RuleSet fromFolder = RuleSet.load(FOLDER);
		RuleSet fromClasspath = RuleSet.builtin();

		assertThat(fromFolder.packageRules()).containsExactlyElementsOf(fromClasspath.packageRules());
		assertThat(fromFolder.appletRules()).containsExactlyElementsOf(fromClasspath.appletRules());
		assertThat(fromFolder.targets()).containsExactlyElementsOf(fromClasspath.targets());
		assertThat(fromFolder.pathRules()).containsExactlyElementsOf(fromClasspath.pathRules());
	}

	@Test
	void theIndexListsEveryRulesFileOfTheFolder() throws IOException {
		List<String> index = RuleFolder.index(getClass().getClassLoader(), RuleSet.BUILTIN_FOLDER);
		try (Stream<Path> files = Files.list(FOLDER)) {
			assertThat(files.map(path -> path.getFileName().toString()).filter(name -> name.endsWith(".yaml")))
				.containsExactlyInAnyOrderElementsOf(index);
		}
	}

	@Test
	void everyRulesFileDeclaresItsSchemaForEditors() throws IOException {
		try (Stream<Path> files = Files.list(FOLDER)) {
			for (Path file : files.filter(path -> path.toString().endsWith(".yaml")).toList()) {
				assertThat(Files.readAllLines(file).get(0)).as(file.toString())
					.isEqualTo("# yaml-language-server: $schema=schema/rules.schema.json");
			}
		}
	}

	@Test
	void theRequiredTargetsExistAndEachHasItsArchitectureNames() {
		RuleSet rules = RuleSet.builtin();

		for (String arch : List.of("mips64le", "amd64", "arm64", "ppc64le", "s390x")) {
			Target target = rules.target("debian-bookworm", arch).orElseThrow();
			assertThat(target.distro()).isEqualTo(Distro.DEBIAN);
			assertThat(target.packageManager()).isEqualTo(PackageManager.APT);
			assertThat(rules.architectureOf(target).goArch()).isEqualTo(arch);
		}
		assertThat(rules.targets()).filteredOn(target -> target.distro() == Distro.FEDORA)
			.isNotEmpty()
			.allSatisfy(target -> assertThat(target.packageManager()).isEqualTo(PackageManager.DNF));
	}

	@Test
	void everyRuleIdIsUnique() {
		RuleSet rules = RuleSet.builtin();
		Set<String> ids = new HashSet<>();
		Stream
			.of(rules.packageRules().stream().map(PackageRule::id), rules.appletRules().stream().map(PackageRule::id),
					rules.baseImageRules().stream().map(BaseImageRule::id), rules.targets().stream().map(Target::id),
					rules.userCommands()
						.stream()
						.flatMap(command -> command.forms().values().stream())
						.map(UserCommandForm::id),
					rules.commandRules().stream().map(CommandRule::id), rules.pathRules().stream().map(PathRule::id))
			.flatMap(s -> s)
			.forEach(id -> assertThat(ids.add(id)).as("duplicate id %s", id).isTrue());
	}

	@Test
	void everyDebianPackageMissingOnMips64elIsMarkedSoTheRewriteCanWarn() {
		RuleSet rules = RuleSet.builtin();
		Target mips = rules.defaultTarget();

		assertThat(rules.packagesFor("chromium", mips))
			.isEqualTo(new PackageMapping.Install("package:chromium", List.of("chromium"), false));
		assertThat(rules.packagesFor("chromium", rules.target("debian-bookworm/amd64").orElseThrow()))
			.isEqualTo(new PackageMapping.Install("package:chromium", List.of("chromium"), true));
	}

}
