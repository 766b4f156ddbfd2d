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

	@Test
	void crossCompilersAreNamedAsDebianPackagesThem() {
		assertThat(Architecture.ofDocker("mips64le").gnuTriplet()).isEqualTo("mips64el-linux-gnuabi64");
		assertThat(Architecture.ofDocker("arm").gnuTriplet()).isEqualTo("arm-linux-gnueabihf");
		assertThat(Architecture.ofDocker("arm64").gnuTriplet()).isEqualTo("aarch64-linux-gnu");
		assertThat(Architecture.ofDocker("ppc64le").gnuTriplet()).isEqualTo("powerpc64le-linux-gnu");
		assertThat(Architecture.ofDocker("s390x").gnuTriplet()).isEqualTo("s390x-linux-gnu");
		assertThat(Architecture.ofDocker("amd64").gnuTriplet()).isEqualTo("x86-64-linux-gnu");
	}

}
