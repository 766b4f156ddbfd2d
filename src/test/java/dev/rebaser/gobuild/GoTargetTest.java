package dev.rebaser.gobuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.rebaser.rules.ArchitectureNames;
import dev.rebaser.rules.RuleSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class GoTargetTest {

	private static final RuleSet RULES = RuleSet.builtin();

	private static ArchitectureNames architecture(String key) {
		return RULES.architecture(key).orElseThrow();
	}

	@Test
	void mips64le() {
		GoTarget target = GoTarget.of(architecture("mips64le"));

		assertThat(target).isEqualTo(new GoTarget("linux", "mips64le", "", List.of()));
		assertThat(target.environment()).containsExactly(entry("CGO_ENABLED", "0"), entry("GOOS", "linux"),
				entry("GOARCH", "mips64le"), entry("GOPROXY", "off"), entry("GOFLAGS", ""));
	}

	@Test
	void armIsArmV7() {
		GoTarget target = GoTarget.of(architecture("arm"));

		assertThat(target.environment()).containsExactly(entry("CGO_ENABLED", "0"), entry("GOOS", "linux"),
				entry("GOARCH", "arm"), entry("GOARM", "7"), entry("GOPROXY", "off"), entry("GOFLAGS", ""));
	}

	@Test
	void everyBuiltinArchitectureKeepsItsGoName() {
		for (String key : List.of("amd64", "arm64", "ppc64le", "s390x")) {
			assertThat(GoTarget.of(architecture(key))).isEqualTo(new GoTarget("linux", key, "", List.of()));
		}
	}

	@Test
	void vendorAndMakefileFlags() {
		GoTarget target = GoTarget.of(architecture("arm64"))
			.withGoFlags(" -trimpath  -buildvcs=false ")
			.withVendor(true);

		assertThat(target.environment()).containsEntry("GOFLAGS", "-trimpath -buildvcs=false -mod=vendor");
		assertThat(target.withVendor(true).goFlags()).containsExactly("-trimpath", "-buildvcs=false", "-mod=vendor");
		assertThat(target.withVendor(false).environment()).containsEntry("GOFLAGS", "-trimpath -buildvcs=false");
	}

}
