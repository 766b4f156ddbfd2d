package dev.rebaser.build.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ArchitectureTest {

	@Test
	void dockerNamesMapToDebianPorts() {
		assertThat(Architecture.ofDocker("mips64le").debian()).isEqualTo("mips64el");
		assertThat(Architecture.ofDocker("ppc64le").debian()).isEqualTo("ppc64el");
		assertThat(Architecture.ofDocker("arm")).isEqualTo(new Architecture("arm", "v7", "armhf"));
		assertThat(Architecture.ofDocker("amd64").variant()).isNull();
	}

	@Test
	void debianNamesAreNotDockerNames() {
		assertThatThrownBy(() -> Architecture.ofDocker("mips64el")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("mips64el");
	}

}
