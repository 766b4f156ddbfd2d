package dev.rebaser.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rebaser.context.ContextFile;
import dev.rebaser.context.UnsafeArchiveException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogImporterTest {

	private final CatalogImporter importer = CatalogImporter.withBuiltinRules();

	/** What an import found, in a form two imports can be compared by. */
	private static List<String> summary(Catalog catalog) {
		return catalog.images()
			.stream()
			.map(image -> image.id() + " " + image.reference() + " " + image.origin() + " " + image.contextPath() + " "
					+ image.bases() + " <- " + catalog.graph().parents(image.id()) + " files "
					+ image.context()
						.files()
						.stream()
						.filter(f -> f.kind() == ContextFile.Kind.FILE)
						.map(f -> f.path() + "=" + Trees.text(f).hashCode())
						.toList())
			.toList();
	}

	@Test
	void importsTheExampleTreeFromAFolderAsFromTheClasspath() throws IOException {
		Catalog fromFolder = importer.importDirectory(Trees.EXAMPLE);

		assertThat(fromFolder.images()).hasSize(8);
		assertThat(summary(fromFolder)).isEqualTo(summary(ExampleTree.load()));
		assertThat(fromFolder.graph().order()).isEqualTo(ExampleTree.load().graph().order());
	}

	@Test
	void importsAnUploadedTarGzOfAReleaseStrippingItsTopFolderAndSkippingTheRest() throws IOException {
		Map<String, String> release = new LinkedHashMap<>();
		release.put("README.md", "# Kubernetes\n");
		release.put("cmd/kubelet/kubelet.go", "package main\n");
		release.putAll(Trees.readAll(Trees.EXAMPLE));
		release.put("hack/lib/util.sh", "#!/bin/sh\n");
		byte[] upload = Trees.tarGz("kubernetes-1.30.0/", release);

		Catalog catalog = importer.importArchive(new ByteArrayInputStream(upload), "kubernetes-1.30.0.tar.gz");

		assertThat(summary(catalog)).isEqualTo(summary(ExampleTree.load()));
	}

	@Test
	void importsATarGzOfTheTreeItself() throws IOException {
		byte[] upload = Trees.tarGz("", Trees.readAll(Trees.EXAMPLE));

		Catalog catalog = importer.importArchive(new ByteArrayInputStream(upload), "tree.tar.gz");

		assertThat(summary(catalog)).isEqualTo(summary(ExampleTree.load()));
	}

	@Test
	void aFolderWithACatalogYamlElsewhereTakesItsDirectoriesRelativeToThatYaml(@TempDir Path temp) throws IOException {
		Map<String, String> tree = Trees.readAll(Trees.EXAMPLE);
		tree.keySet().removeIf(path -> path.startsWith("external/") || path.equals("catalog.yaml"));
		Trees.write(tree, temp.resolve("k8s"));
		Trees.write(Trees.files("catalog.yaml", """
				images:
				  - name: httpd
				    version: "2.4.38-alpine"
				    reference: httpd:2.4.38-alpine
				    source: {directory: contexts/web}
				""", "contexts/web/Dockerfile", "FROM alpine:3.19\nCMD [\"httpd\", \"-f\"]\n"), temp.resolve("mine"));

		Catalog catalog = importer.importDirectory(temp.resolve("k8s"), temp.resolve("mine/catalog.yaml"));

		CatalogImage httpd = catalog.image("httpd").orElseThrow();
		assertThat(httpd.contextPath()).isEqualTo("contexts/web");
		assertThat(httpd.context().text("Dockerfile")).hasValueSatisfying(text -> assertThat(text).contains("-f"));
		assertThat(catalog.image("sample-frontend")).isEmpty();
	}

	@Test
	void withoutACatalogYamlTheHttpdOfManifestGoHasNoContextAndSaysSo(@TempDir Path temp) throws IOException {
		Map<String, String> tree = Trees.readAll(Trees.EXAMPLE);
		tree.keySet().removeIf(path -> path.startsWith("external/") || path.equals("catalog.yaml"));
		Trees.write(tree, temp);

		Catalog catalog = importer.importDirectory(temp);

		CatalogImage httpd = catalog.image("httpd").orElseThrow();
		assertThat(httpd.hasContext()).isFalse();
		assertThat(httpd.contextPath()).isNull();
		assertThat(catalog.graph().unresolvable("httpd")).hasValueSatisfying(
				reason -> assertThat(reason).startsWith("no build context").contains("no folder for httpd"));
		assertThat(catalog.problemsOf("httpd")).singleElement()
			.satisfies(problem -> assertThat(problem.severity()).isEqualTo(CatalogProblem.Severity.WARNING));
		assertThat(catalog.graph().unresolvable()).containsOnlyKeys("httpd");
	}

	@Test
	void anArchiveWithAnEntryClimbingOutIsRefusedEvenWhereNothingIsKept() {
		byte[] hostile = Trees.tarGz("",
				Trees.files("test/images/a/Dockerfile", "FROM alpine\n", "docs/../../escape.txt", "x"));

		assertThatThrownBy(() -> importer.importArchive(new ByteArrayInputStream(hostile), "hostile.tar.gz"))
			.isInstanceOf(UnsafeArchiveException.class)
			.hasMessageContaining("escape.txt");
	}

	@Test
	void anArchiveWithoutManifestGoIsAnErrorNotAnEmptySuccess() throws IOException {
		byte[] notKubernetes = Trees.tarGz("project/", Trees.files("src/main.c", "int main(){}\n"));

		Catalog catalog = importer.importArchive(new ByteArrayInputStream(notKubernetes), "project.tar.gz");

		assertThat(catalog.images()).isEmpty();
		assertThat(catalog.problems()).singleElement().satisfies(problem -> {
			assertThat(problem.severity()).isEqualTo(CatalogProblem.Severity.ERROR);
			assertThat(problem.message()).contains("test/utils/image/manifest.go")
				.contains("nothing of a Kubernetes tree");
		});
	}

}
