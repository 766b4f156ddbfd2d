package dev.rebaser.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class OverrideTest {

	static final Path OVERRIDE = Path.of("src/test/resources/rules/override");

	final RuleSet builtin = RuleSet.load(BuiltinRulesTest.FOLDER);

	final RuleSet overridden = RuleSet.load(BuiltinRulesTest.FOLDER, OVERRIDE);

	@Test
	void aPackageWithTheSameKeyReplacesTheBuiltinOne() {
		Target mips = overridden.defaultTarget();

		assertThat(overridden.packagesFor("curl", mips))
			.isEqualTo(new PackageMapping.Install("package:curl", List.of("curl", "ca-certificates"), true));
		// the built-in curl rule had Fedora names; the replacement has none, so nothing
		// is merged in
		assertThat(overridden.packagesFor("curl", overridden.target("fedora-40/amd64").orElseThrow()))
			.isInstanceOf(PackageMapping.Unmapped.class);
		assertThat(builtin.packagesFor("curl", mips))
			.isEqualTo(new PackageMapping.Install("package:curl", List.of("curl"), true));
	}

	@Test
	void aNewKeyIsAdded() {
		assertThat(builtin.packageRule("frobnicate")).isEmpty();
		assertThat(overridden.packagesFor("frobnicate", overridden.defaultTarget()))
			.isEqualTo(new PackageMapping.Install("package:frobnicate", List.of("frobnicate-tools"), true));
		assertThat(overridden.packageRules()).hasSize(builtin.packageRules().size() + 1);
	}

	@Test
	void everythingElseStays() {
		Target mips = overridden.defaultTarget();
		assertThat(overridden.packagesFor("bind-tools", mips)).isEqualTo(builtin.packagesFor("bind-tools", mips));
		assertThat(overridden.appletRules()).containsExactlyElementsOf(builtin.appletRules());
		assertThat(overridden.target("debian-bookworm/amd64")).isEqualTo(builtin.target("debian-bookworm/amd64"));
	}

	@Test
	void aTargetWithTheSameKeyReplacesTheBuiltinOneAndBaseImagesFollowIt() {
		Target mips = overridden.target("debian-bookworm", "mips64le").orElseThrow();

		assertThat(mips.baseImage()).isEqualTo("registry.local/debian:bookworm-mips64le");
		assertThat(overridden.baseImageFor("alpine:3.18", mips)).isInstanceOfSatisfying(
				BaseImageChoice.TargetBase.class,
				base -> assertThat(base.image()).isEqualTo("registry.local/debian:bookworm-mips64le"));
	}

	@Test
	void theBuiltinRulesCanBeOverriddenFromTheClasspathToo() {
		RuleSet rules = RuleSet.builtin(OVERRIDE);

		assertThat(rules.packagesFor("frobnicate", rules.defaultTarget())).isInstanceOf(PackageMapping.Install.class);
		assertThat(rules.packageRules()).hasSize(RuleSet.builtin().packageRules().size() + 1);
	}

}
