package dev.rebaser.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebaser.rules.RuleSet;
import org.junit.jupiter.api.Test;

class ArchNamesTest {

	private static final RuleSet RULES = RuleSet.builtin();

	@Test
	void dockerAndDebianSpellingsNameTheSameArchitecture() {
		assertThat(ArchNames.docker(RULES, "mips64le")).isEqualTo("mips64le");
		assertThat(ArchNames.docker(RULES, "mips64el")).isEqualTo("mips64le");
		assertThat(ArchNames.debian(RULES, "mips64le")).isEqualTo("mips64el");
		assertThat(ArchNames.debian(RULES, "mips64el")).isEqualTo("mips64el");
		assertThat(ArchNames.debian(RULES, "ppc64le")).isEqualTo("ppc64el");
	}

	@Test
	void anUnknownNameStaysAsTyped() {
		assertThat(ArchNames.docker(RULES, "vax")).isEqualTo("vax");
		assertThat(ArchNames.debian(RULES, "vax")).isEqualTo("vax");
	}

}
