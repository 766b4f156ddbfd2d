package dev.rebaser.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TreeSelectionTest {

	private static List<String> select(String... paths) {
		TreeSelection selection = new TreeSelection();
		return java.util.Arrays.stream(paths).map(selection).filter(java.util.Objects::nonNull).toList();
	}

	@Test
	void stripsTheReleaseFolderOnceItIsRecognised() {
		assertThat(select("kubernetes-1.30.0", "kubernetes-1.30.0/README.md",
				"kubernetes-1.30.0/test/images/agnhost/VERSION", "kubernetes-1.30.0/test/utils/image/manifest.go",
				"kubernetes-1.30.0/test/utils/image/manifest_test.go", "elsewhere/test/images/evil/Dockerfile",
				"kubernetes-1.30.0/catalog.yaml"))
			.containsExactly("test/images/agnhost/VERSION", "test/utils/image/manifest.go", "catalog.yaml");
	}

	@Test
	void takesATreeWithoutAWrapperAsItIs() {
		assertThat(
				select("README.md", "test/images/kitten/BASEIMAGE", "external/httpd/Dockerfile", "cmd/kubelet/main.go"))
			.containsExactly("test/images/kitten/BASEIMAGE", "external/httpd/Dockerfile");
	}

	@Test
	void doesNotTakeLookAlikes() {
		assertThat(select("test/imagesX/a", "test/images", "a/b/test/images/c/Dockerfile")).isEmpty();
	}

}
