package dev.rebaser.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebaser.context.ContextFile;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExampleTreeTest {

	private final Catalog catalog = ExampleTree.load();

	@Test
	void listsTheImagesOfItsManifestAndItsExternalCatalog() {
		assertThat(catalog.images()).extracting(CatalogImage::reference)
			.containsExactly("registry.k8s.io/e2e-test-images/agnhost:2.53",
					"registry.k8s.io/e2e-test-images/kitten:1.7", "registry.k8s.io/e2e-test-images/nautilus:1.7",
					"registry.k8s.io/e2e-test-images/echoserver:2.5",
					"registry.k8s.io/e2e-test-images/volume/static:1.0", "registry.k8s.io/e2e-test-images/dnsutils:1.3",
					"docker.io/library/httpd:2.4.38-alpine", "gcr.io/rebaser-samples/sample-frontend:v1");
		assertThat(catalog.images()).extracting(CatalogImage::id)
			.doesNotHaveDuplicates()
			.allSatisfy(id -> assertThat(id).matches("[A-Za-z0-9._-]+"));
		assertThat(catalog.image("volume-static")).hasValueSatisfying(image -> {
			assertThat(image.name()).isEqualTo("volume/static");
			assertThat(image.contextPath()).isEqualTo("test/images/volume/static");
		});
		assertThat(catalog.image("echoserver"))
			.hasValueSatisfying(image -> assertThat(image.contextPath()).isEqualTo("test/images/echo-server"));
		assertThat(catalog.image("volume-static").orElseThrow().registry())
			.isEqualTo("registry.k8s.io/e2e-test-images");
		assertThat(catalog.image("httpd").orElseThrow().registry()).isEqualTo("docker.io/library");
	}

	@Test
	void everyImageCanBeBuiltAndNothingIsAnError() {
		assertThat(catalog.images()).allSatisfy(image -> {
			assertThat(image.hasContext()).as(image.id()).isTrue();
			assertThat(image.context().text("Dockerfile")).as(image.id()).isPresent();
		});
		assertThat(catalog.graph().unresolvable()).isEmpty();
		assertThat(catalog.graph().cycles()).isEmpty();
		assertThat(catalog.problems()).noneMatch(problem -> problem.severity() != CatalogProblem.Severity.INFO);
	}

	@Test
	void kittenAndNautilusAreBuiltOnAgnhostAndTheSampleOnTheExternalHttpd() {
		DependencyGraph graph = catalog.graph();

		assertThat(graph.parents("kitten")).containsExactly("agnhost");
		assertThat(graph.parents("nautilus")).containsExactly("agnhost");
		assertThat(graph.children("agnhost")).containsExactly("kitten", "nautilus");
		assertThat(graph.parents("sample-frontend")).containsExactly("httpd");
		assertThat(graph.levels()).isEqualTo(2);
		assertThat(graph.byLevel().get(1)).containsExactly("kitten", "nautilus", "sample-frontend");
		assertThat(catalog.image("kitten").orElseThrow().bases())
			.containsExactly("registry.k8s.io/e2e-test-images/agnhost:2.53-linux-mips64le");
	}

	@Test
	void theHttpdOfManifestGoTakesItsContextFromTheCatalogYaml() {
		CatalogImage httpd = catalog.image("httpd").orElseThrow();
		CatalogImage sample = catalog.image("sample-frontend").orElseThrow();

		assertThat(httpd.origin()).isEqualTo(CatalogImage.Origin.MANIFEST);
		assertThat(httpd.contextPath()).isEqualTo("external/httpd");
		assertThat(httpd.context().get("htdocs/index.html")).isPresent();
		assertThat(sample.origin()).isEqualTo(CatalogImage.Origin.EXTERNAL);
	}

	@Test
	void readsBaseImageFilesInBothFormsAndResolvesEveryStage() {
		assertThat(catalog.image("volume-static").orElseThrow().baseImages()).containsEntry("amd64", "alpine:3.19");
		assertThat(catalog.image("volume-static").orElseThrow().bases()).containsExactly("alpine:3.19");
		assertThat(catalog.image("dnsutils").orElseThrow().bases()).containsExactly("alpine:3.19", "alpine:3.19");
		assertThat(catalog.image("agnhost").orElseThrow().baseImages())
			.containsEntry("linux/arm64", "arm64v8/alpine:3.19")
			.hasSize(5);
	}

	@Test
	void keepsTheModeOfScripts() {
		ContextFile script = catalog.image("agnhost").orElseThrow().context().get("agnhost.sh").orElseThrow();

		assertThat(script.mode()).isEqualTo(0755);
		assertThat(catalog.image("agnhost").orElseThrow().context().get("Dockerfile").orElseThrow().mode())
			.isEqualTo(0644);
	}

	@Test
	void theIndexListsExactlyTheFilesOfTheTreeWithTheirModes() throws IOException {
		Map<String, String> onDisk = Trees.readAll(Trees.EXAMPLE);
		onDisk.remove("index.txt");
		List<String> listed = Files.readAllLines(Trees.EXAMPLE.resolve("index.txt"))
			.stream()
			.filter(line -> !line.isBlank() && !line.startsWith("#"))
			.toList();

		assertThat(listed.stream().map(line -> line.split("\\s+")[0]))
			.containsExactlyInAnyOrderElementsOf(onDisk.keySet());
		for (String line : listed) {
			String[] parts = line.split("\\s+");
			boolean executable = Files.isExecutable(Trees.EXAMPLE.resolve(parts[0]));
			assertThat(parts.length > 1 && parts[1].equals("0755")).as(parts[0]).isEqualTo(executable);
		}
	}

	@Test
	void keepsEachImageSmallToBuildUnderEmulation() {
		// every apk add becomes an apt-get install, about a minute each under QEMU
		long installs = catalog.images()
			.stream()
			.map(image -> image.context().text("Dockerfile").orElseThrow())
			.mapToLong(text -> text.lines().filter(line -> line.contains("apk ")).count())
			.sum();
		assertThat(installs).isLessThanOrEqualTo(3);
		assertThat(catalog.images())
			.allSatisfy(image -> assertThat(image.context().files()).noneMatch(file -> file.path().endsWith(".go")));
	}

}
