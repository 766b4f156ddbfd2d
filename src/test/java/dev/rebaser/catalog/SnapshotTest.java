package dev.rebaser.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebaser.context.ArchiveLimits;
import dev.rebaser.context.BuildContext;
import dev.rebaser.context.ContextArchive;
import dev.rebaser.context.ContextDirectory;
import dev.rebaser.context.ContextFile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A kept import must give back the catalog of its source, without the source. */
class SnapshotTest {

	private final CatalogImporter importer = CatalogImporter.withBuiltinRules();

	@Test
	void theExampleSnapshotImportsToTheExampleCatalog() throws IOException {
		Catalog original = ExampleTree.load(importer);
		Catalog again = importer.importSnapshot(CatalogImporter.exampleSnapshot());

		assertThat(again.images()).extracting(CatalogImage::id)
			.containsExactlyElementsOf(original.images().stream().map(CatalogImage::id).toList());
		assertThat(again.graph().order()).isEqualTo(original.graph().order());
		assertThat(again.image("sample-frontend").orElseThrow().context().text("Dockerfile"))
			.isEqualTo(original.image("sample-frontend").orElseThrow().context().text("Dockerfile"));
	}

	@Test
	void aDirectorySnapshotKeepsOnlyWhatAnImportReadsIncludingExternalFolders(@TempDir Path root) throws IOException {
		ContextDirectory.write(ExampleTree.tree().files(), root);
		Files.writeString(root.resolve("README.md"), "not part of an import");
		Files.createDirectories(root.resolve("cmd/kubelet"));
		Files.writeString(root.resolve("cmd/kubelet/main.go"), "package main");

		CatalogImporter.Snapshot snapshot = importer.snapshotDirectory(root);
		BuildContext kept = ContextArchive.read(new ByteArrayInputStream(snapshot.tarGz()), ArchiveLimits.defaults());

		assertThat(kept.files()).extracting(ContextFile::path)
			.contains("test/utils/image/manifest.go", "catalog.yaml", "external/httpd/Dockerfile",
					"test/images/agnhost/Dockerfile")
			.doesNotContain("README.md", "cmd/kubelet/main.go");
		assertThat(importer.importSnapshot(snapshot).graph().order())
			.isEqualTo(importer.importDirectory(root).graph().order());
		assertThat(snapshot.origin()).isEqualTo(root.toString());
	}

}
