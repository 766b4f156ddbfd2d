package dev.rebaser.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every manifest.go shape the manifest reader knows, imported without any test/images
 * folder.
 */
class ManifestErasImportTest {

	@ParameterizedTest
	@ValueSource(strings = { "era-1.10-imageconfig-vars.go", "era-1.13-initreg-vars.go", "era-1.15-iota-configs.go",
			"era-1.21-promoter-registries.go", "era-1.24-list-prefix-csi-helper.go", "era-current-readrepolist.go" })
	void everyListedImageIsInTheCatalogOnceWithAUniqueIdAndAReasonItCannotBeBuilt(String era) throws IOException {
		String manifest;
		try (InputStream in = getClass().getResourceAsStream("/manifest/" + era)) {
			manifest = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}

		Catalog catalog = CatalogImporter.withBuiltinRules()
			.importTree(Trees.tree(Trees.files("test/utils/image/manifest.go", manifest)));

		assertThat(catalog.images()).isNotEmpty();
		assertThat(catalog.images()).extracting(CatalogImage::id).doesNotHaveDuplicates();
		assertThat(catalog.images()).extracting(CatalogImage::reference).doesNotHaveDuplicates();
		assertThat(catalog.graph().unresolvable())
			.containsOnlyKeys(catalog.images().stream().map(CatalogImage::id).toArray(String[]::new));
		assertThat(catalog.graph().order()).hasSize(catalog.images().size());
		assertThat(catalog.problems()).filteredOn(problem -> problem.image() != null)
			.allSatisfy(problem -> assertThat(problem.message()).startsWith("cannot be rebuilt: no build context"));
	}

	@Test
	void aHasArchImageOfThe110EraIsAlsoTaggedAsTheE2eFrameworkOfThatEraPullsIt() throws IOException {
		String manifest;
		try (InputStream in = getClass().getResourceAsStream("/manifest/era-1.10-imageconfig-vars.go")) {
			manifest = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}

		Catalog catalog = CatalogImporter.withBuiltinRules()
			.importTree(Trees.tree(Trees.files("test/utils/image/manifest.go", manifest)));

		CatalogImage dnsutils = catalog.images()
			.stream()
			.filter(image -> image.name().equals("dnsutils"))
			.findFirst()
			.orElseThrow();
		assertThat(dnsutils.referencesFor("mips64le")).containsExactly(dnsutils.reference() + "-linux-mips64le",
				dnsutils.reference(), dnsutils.registry() + "/dnsutils-mips64le:1.0");
		CatalogImage busybox = catalog.images()
			.stream()
			.filter(image -> image.name().equals("busybox"))
			.findFirst()
			.orElseThrow();
		assertThat(busybox.referencesFor("mips64le")).containsExactly("k8s.gcr.io/busybox:1.24-linux-mips64le",
				"k8s.gcr.io/busybox:1.24");
	}

}
