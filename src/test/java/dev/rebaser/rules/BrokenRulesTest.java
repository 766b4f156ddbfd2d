package dev.rebaser.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each folder under rules/broken holds a valid minimal file plus one file with one
 * problem.
 */
class BrokenRulesTest {

	static final Path BROKEN = Path.of("src/test/resources/rules/broken");

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '"',
			textBlock = """
					unknown-key               | packages.yaml    | 4  | 5  | unknown key 'debain' in package 'jq'; expected one of: aliases, debian, fedora, none, notes, unavailableOn
					wrong-type                | packages.yaml    | 2  | 18 | 'debian' in package 'wget' must be a list, not the text 'wget'
					wrong-type-bool           | targets.yaml     | 7  | 21 | 'officialImages' in target 'debian-bookworm/amd64' must be true or false, not the text 'sometimes'
					missing-required          | targets.yaml     | 3  | 5  | target 'debian-bookworm/amd64' needs 'baseImage'
					duplicate-key             | packages.yaml    | 4  | 3  | duplicate key 'wget' in 'packages' in the rules file (first written at line 2)
					duplicate-alias           | packages.yaml    | 2  | 3  | alias 'procps-ng' of package 'procps' is already used by package 'procps-ng' at
					unknown-target            | packages.yaml    | 4  | 21 | package 'chromium' names target 'debian-bookworm/mips64', which no rules file defines (known: debian-bookworm/mips64le)
					unknown-default-target    | 00-minimal.yaml  | 1  | 16 | defaultTarget names target 'debian-trixie/mips64le', which no rules file defines (known: debian-bookworm/mips64le)
					unknown-architecture      | targets.yaml     | 3  | 5  | target 'debian-bookworm/sparc64' names architecture 'sparc64', which no rules file defines (known: mips64le)
					no-names-no-reason        | packages.yaml    | 3  | 7  | package 'jq' has neither package names (debian, fedora) nor a reason why nothing is needed (none)
					unknown-package-installed | base-images.yaml | 5  | 22 | base-image rule 'nginx-alpine' names package 'nginx', which no rules file defines
					bad-regex                 | base-images.yaml | 4  | 10 | tag of base-image rule 'nginx-alpine' is not a valid regular expression: Unclosed group
					unknown-option            | commands.yaml    | 11 | 13 | '-S' in 'flags' in 'debian' in form 'create' of user command 'addgroup' is not one of the options: -g
					distro-manager-mismatch   | targets.yaml     | 6  | 21 | target 'fedora-40/mips64le' is fedora but names packageManager apt; debian uses apt and fedora uses dnf
					""")
	void aBrokenFileStopsLoadingWithItsLocationAndTheProblem(String folder, String file, int line, int column,
			String problem) {
		Path broken = BROKEN.resolve(folder);

		RuleFileException e = catchThrowableOfType(RuleFileException.class, () -> RuleSet.load(broken));

		assertThat(e).as("loading %s must fail", folder).isNotNull();
		assertThat(e.file()).isEqualTo(broken.resolve(file).toString());
		assertThat(e.line()).isEqualTo(line);
		assertThat(e.column()).isEqualTo(column);
		assertThat(e.problem()).startsWith(problem);
		assertThat(e.getMessage()).isEqualTo(broken.resolve(file) + ":" + line + ":" + column + ": " + e.problem());
	}

	@Test
	void aKeyDefinedInTwoFilesOfOneFolderNamesTheFirstPlace() {
		Path broken = BROKEN.resolve("duplicate-across-files");

		RuleFileException e = catchThrowableOfType(RuleFileException.class, () -> RuleSet.load(broken));

		assertThat(e.getMessage()).isEqualTo(broken.resolve("packages.yaml")
				+ ":3:3: package 'curl' is already defined at " + broken.resolve("00-minimal.yaml") + ":11:3");
	}

	@Test
	void invalidYamlIsReportedWhereTheParserStopped() {
		Path broken = BROKEN.resolve("not-yaml");

		RuleFileException e = catchThrowableOfType(RuleFileException.class, () -> RuleSet.load(broken));

		assertThat(e.file()).isEqualTo(broken.resolve("packages.yaml").toString());
		assertThat(e.line()).isEqualTo(3);
		assertThat(e.problem()).startsWith("not valid YAML: ");
	}

	@Test
	void theMinimalFolderItselfLoads() {
		RuleSet rules = RuleSet.load(Path.of("src/test/resources/rules/minimal"));

		assertThat(rules.packageRules()).extracting(PackageRule::key).containsExactly("curl");
	}

	@Test
	void aMissingFolderIsNamed() {
		Path missing = Path.of("src/test/resources/rules/no-such-folder");

		RuleFileException e = catchThrowableOfType(RuleFileException.class, () -> RuleSet.load(missing));

		assertThat(e.getMessage()).isEqualTo(missing + ":1:1: is not a folder of rules files");
	}

}
