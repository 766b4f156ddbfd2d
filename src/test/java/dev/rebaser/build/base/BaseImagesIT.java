package dev.rebaser.build.base;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import dev.rebaser.build.docker.DockerClients;
import dev.rebaser.build.docker.DockerHost;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reads base image status from the real daemon, with the mips64le base bootstrapped
 * first.
 */
class BaseImagesIT {

	static DockerClient docker;
	static BaseImage base;

	@BeforeAll
	static void ensureBase() {
		docker = DockerClients.connect(DockerHost.local());
		base = new BaseImageBootstrap(docker, BaseImageIT.cacheDir(), BaseImageIT.mirror()).ensure(BaseImageIT.SUITE,
				BaseImageIT.ARCH, BaseImageIT.BASE);
	}

	@Test
	void theBootstrappedBaseIsPresentAndUsableForMips64le() {
		BaseImageStatus status = new BaseImages(docker, "local").status(BaseImageIT.BASE, BaseImageIT.SUITE,
				"mips64le");

		assertThat(status.present()).isTrue();
		assertThat(status.imageId()).isEqualTo(base.imageId());
		assertThat(status.architecture()).isEqualTo("mips64le");
		assertThat(status.usable()).isTrue();
	}

	@Test
	void theSameImageIsNotUsableForAnotherArchitecture() {
		BaseImageStatus status = new BaseImages(docker, "local").status(BaseImageIT.BASE, BaseImageIT.SUITE, "arm64");

		assertThat(status.present()).isTrue();
		assertThat(status.architecture()).isEqualTo("mips64le");
		assertThat(status.usable()).isFalse();
	}

	@Test
	void aReferenceTheDaemonLacksIsAbsent() {
		BaseImageStatus status = new BaseImages(docker, "local").status("rebaser-it/base:never-loaded", "trixie",
				"mips64le");

		assertThat(status.present()).isFalse();
		assertThat(status.imageId()).isNull();
		assertThat(status.usable()).isFalse();
	}

}
