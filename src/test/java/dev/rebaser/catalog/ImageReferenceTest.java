package dev.rebaser.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ImageReferenceTest {

	@Test
	void dockerHubSpellingsAndPlatformSuffixesAreTheSameImage() {
		ImageReference plain = ImageReference.parse("httpd:2.4.38-alpine");

		assertThat(ImageReference.parse("docker.io/library/httpd:2.4.38-alpine").sameAs(plain)).isTrue();
		assertThat(ImageReference.parse("library/httpd:2.4.38-alpine").sameAs(plain)).isTrue();
		assertThat(ImageReference.parse("httpd:2.4.38-alpine-linux-amd64").sameAs(plain)).isTrue();
		assertThat(ImageReference.parse("httpd:2.4.39-alpine").sameAs(plain)).isFalse();
		assertThat(ImageReference.parse("quay.io/httpd:2.4.38-alpine").sameAs(plain)).isFalse();
	}

	@Test
	void everyEraOfKubernetesTagsNamesTheSameImage() {
		ImageReference current = ImageReference.parse("gcr.io/e2e/agnhost:2.8-linux-amd64");

		assertThat(ImageReference.parse("gcr.io/e2e/agnhost:2.8-amd64").sameAs(current)).isTrue();
		assertThat(ImageReference.parse("gcr.io/e2e/agnhost-mips64le:2.8").sameAs(current)).isTrue();
		assertThat(ImageReference.parse("gcr.io/e2e/agnhost:2.8").sameAs(current)).isTrue();
		assertThat(ImageReference.parse("gcr.io/e2e/agnhost-amd64:2.9").sameAs(current)).isFalse();
		assertThat(ImageReference.parse("gcr.io/e2e/agnhost-mips64le:2.8").hasName("agnhost")).isTrue();
		assertThat(ImageReference.parse("gcr.io/e2e/agnhost:2.8-arm64").tag()).isEqualTo("2.8");
		assertThat(ImageReference.parse("example/amd64:1.0-armhf").repository()).isEqualTo("example/amd64");
		assertThat(ImageReference.parse("example/amd64:1.0-armhf").tag()).isEqualTo("1.0-armhf");
	}

	@Test
	void namesAreMatchedWhateverTheRegistry() {
		ImageReference agnhost = ImageReference.parse("registry.k8s.io/e2e-test-images/agnhost:2.53-linux-mips64le");

		assertThat(agnhost.tag()).isEqualTo("2.53");
		assertThat(agnhost.hasName("agnhost")).isTrue();
		assertThat(agnhost.hasName("host")).isFalse();
		assertThat(ImageReference.parse("gcr.io/x/volume/nfs:1.0").hasName("volume/nfs")).isTrue();
		assertThat(ImageReference.parse("gcr.io/x/nfs:1.0").hasName("volume/nfs")).isFalse();
		assertThat(ImageReference.parse("php:5-apache").hasName("php")).isTrue();
		assertThat(ImageReference.parse("busybox:1.29-2-windows-amd64-1809").tag()).isEqualTo("1.29-2");
	}

}
