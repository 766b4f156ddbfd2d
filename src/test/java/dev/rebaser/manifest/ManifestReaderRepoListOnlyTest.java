package dev.rebaser.manifest;

import static dev.rebaser.manifest.Fixtures.lineOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Forks whose registries come only from KUBE_TEST_REPO_LIST: a zero-valued RegistryList
 * that initReg() fills from the file. Every image is still listed, with its registry
 * unresolved until a repo list names it.
 */
class ManifestReaderRepoListOnlyTest {

	private static final String FIXTURE = "era-repolist-only.go";

	private static Map<String, String> imagesById(Manifest m) {
		return m.images().stream().collect(Collectors.toMap(ManifestImage::id, ManifestImage::image));
	}

	private static Map<String, Boolean> resolvedById(Manifest m) {
		return m.images().stream().collect(Collectors.toMap(ManifestImage::id, ManifestImage::registryResolved));
	}

	@Test
	void withoutARepoListEveryImageIsListedWithItsRegistryUnresolved() {
		String src = Fixtures.load(FIXTURE);
		Manifest m = ManifestReader.read(src);

		assertThat(m.images()).containsExactly(
				new ManifestImage("Agnhost", "e2eRegistry", "{e2eRegistry}", "agnhost", "2.21",
						lineOf(src, "configs[Agnhost]"), false),
				new ManifestImage("AgnhostPrivate", "privateRegistry", "{privateRegistry}", "agnhost", "2.6",
						lineOf(src, "configs[AgnhostPrivate]"), false),
				new ManifestImage("BusyBox", "dockerLibraryRegistry", "{dockerLibraryRegistry}", "busybox", "1.29",
						lineOf(src, "configs[BusyBox]"), false),
				new ManifestImage("Etcd", "gcRegistry", "{gcRegistry}", "etcd", "3.4.13-0",
						lineOf(src, "configs[Etcd]"), false),
				new ManifestImage("Pause", "gcRegistry", "{gcRegistry}", "pause", "3.2", lineOf(src, "configs[Pause]"),
						false),
				new ManifestImage("Perl", "", "docker.io/library", "perl", "5.26", lineOf(src, "configs[Perl]")),
				new ManifestImage("VolumeNFSServer", "e2eRegistry", "{e2eRegistry}/volume", "nfs", "1.0",
						lineOf(src, "configs[VolumeNFSServer]"), false));
		// Never mistaken for Docker Hub's library images.
		assertThat(m.images().get(0).image()).isEqualTo("{e2eRegistry}/agnhost:2.21");
		assertThat(m.images().get(6).image()).isEqualTo("{e2eRegistry}/volume/nfs:1.0");
	}

	@Test
	void oneWarningPerRegistryKeyAtItsFieldNotOnePerImage() {
		String src = Fixtures.load(FIXTURE);
		Manifest m = ManifestReader.read(src);

		assertThat(m.warnings()).extracting(ManifestWarning::line)
			.containsExactly(lineOf(src, "DockerLibraryRegistry string"), lineOf(src, "E2eRegistry           string"),
					lineOf(src, "GcRegistry            string"), lineOf(src, "PrivateRegistry       string"));
		assertThat(m.warnings().get(0).message()).contains("'dockerLibraryRegistry'", "KUBE_TEST_REPO_LIST", "1 image",
				"BusyBox");
		assertThat(m.warnings().get(1).message()).contains("'e2eRegistry'", "2 images", "Agnhost, VolumeNFSServer",
				"{e2eRegistry}");
		assertThat(m.warnings().get(2).message()).contains("'gcRegistry'", "2 images", "Etcd, Pause");
		assertThat(m.warnings().get(3).message()).contains("'privateRegistry'", "AgnhostPrivate");
		// sampleRegistry has no value either, but no image uses it.
		assertThat(m.warnings()).noneMatch(w -> w.message().contains("sampleRegistry"));
	}

	@Test
	void aRepoListResolvesEveryImage() {
		Manifest m = ManifestReader.read(Fixtures.load(FIXTURE), RegistryOverrides.fromYaml("""
				dockerLibraryRegistry: lab.example/library
				e2eRegistry: lab.example/e2e
				gcRegistry: lab.example/k8s
				privateRegistry: lab.example/private
				sampleRegistry: lab.example/samples
				"""));

		assertThat(m.warnings()).isEmpty();
		assertThat(m.images()).allMatch(ManifestImage::registryResolved);
		assertThat(imagesById(m)).containsExactlyInAnyOrderEntriesOf(Map.of("Agnhost", "lab.example/e2e/agnhost:2.21",
				"AgnhostPrivate", "lab.example/private/agnhost:2.6", "BusyBox", "lab.example/library/busybox:1.29",
				"Etcd", "lab.example/k8s/etcd:3.4.13-0", "Pause", "lab.example/k8s/pause:3.2", "Perl",
				"docker.io/library/perl:5.26", "VolumeNFSServer", "lab.example/e2e/volume/nfs:1.0"));
		assertThat(m.images()).filteredOn(i -> i.id().equals("Agnhost"))
			.singleElement()
			.extracting(ManifestImage::registryKey, ManifestImage::registry)
			.containsExactly("e2eRegistry", "lab.example/e2e");
	}

	@Test
	void aPartialRepoListLeavesTheOtherKeysUnresolvedAndWarnedOnce() {
		String src = Fixtures.load(FIXTURE);
		Manifest m = ManifestReader.read(src, RegistryOverrides.fromYaml("""
				e2eRegistry: lab.example/e2e
				gcRegistry: ~
				e2eRegistri: typo.example
				"""));

		Map<String, Boolean> resolved = resolvedById(m);
		assertThat(resolved).containsEntry("Agnhost", true)
			.containsEntry("VolumeNFSServer", true)
			.containsEntry("Etcd", true)
			.containsEntry("Pause", true)
			.containsEntry("BusyBox", false)
			.containsEntry("AgnhostPrivate", false);
		// null empties the field, as yaml.v2 does: set, if to nothing.
		assertThat(imagesById(m)).containsEntry("Agnhost", "lab.example/e2e/agnhost:2.21")
			.containsEntry("Pause", "pause:3.2")
			.containsEntry("BusyBox", "{dockerLibraryRegistry}/busybox:1.29");
		assertThat(m.warnings()).extracting(ManifestWarning::line)
			.containsExactly(lineOf(src, "type RegistryList struct"), lineOf(src, "DockerLibraryRegistry string"),
					lineOf(src, "PrivateRegistry       string"));
		assertThat(m.warnings().get(0).message()).contains("e2eRegistri", "ignores");
		assertThat(m.warnings().get(1).message()).contains("dockerLibraryRegistry");
		assertThat(m.warnings().get(2).message()).contains("privateRegistry");
	}

	@Test
	void zeroValuedListLocalToInitRegAndCopiedIntoVariables() {
		String src = """
				package image

				type RegistryList struct {
					E2eRegistry string `yaml:"e2eRegistry"`
					GcRegistry  string `yaml:"gcRegistry"`
				}

				func initReg() RegistryList {
					var registry RegistryList
					fileContent, _ := os.ReadFile(os.Getenv("KUBE_TEST_REPO_LIST"))
					yaml.Unmarshal(fileContent, &registry)
					return registry
				}

				var (
					registry    = initReg()
					e2eRegistry = registry.E2eRegistry
					Kitten      = Config{e2eRegistry, "kitten", "1.0"}
					Pause       = Config{registry.GcRegistry, "pause", "3.1"}
				)
				""";
		Manifest plain = ManifestReader.read(src);

		assertThat(plain.images()).extracting(ManifestImage::image)
			.containsExactly("{e2eRegistry}/kitten:1.0", "{gcRegistry}/pause:3.1");
		assertThat(plain.images()).extracting(ManifestImage::registryKey).containsExactly("e2eRegistry", "gcRegistry");
		assertThat(plain.warnings()).hasSize(2);

		Manifest resolved = ManifestReader.read(src, RegistryOverrides.fromYaml("e2eRegistry: e\ngcRegistry: g\n"));
		assertThat(resolved.images()).extracting(ManifestImage::image).containsExactly("e/kitten:1.0", "g/pause:3.1");
		assertThat(resolved.warnings()).isEmpty();
	}

	@Test
	void listHandedToInitImageConfigsWithoutDefaults() {
		String src = """
				package image

				type RegistryList struct {
					PromoterE2eRegistry string `yaml:"promoterE2eRegistry"`
				}

				var registry RegistryList

				func Init(repoList string) {
					fileContent, _ := os.ReadFile(repoList)
					yaml.Unmarshal(fileContent, &registry)
					imageConfigs = initImageConfigs(registry)
				}

				func initImageConfigs(list RegistryList) map[ImageID]Config {
					configs := map[ImageID]Config{}
					configs[Agnhost] = Config{list.PromoterE2eRegistry, "agnhost", "2.53"}
					configs[BusyBox] = Config{list.PromoterE2eRegistry, "busybox", "1.37.0-1"}
					configs[Nginx] = Config{list.PromoterE2eRegistry, "nginx", "1.27"}
					return configs
				}
				""";
		Manifest m = ManifestReader.read(src);

		assertThat(m.images()).extracting(ManifestImage::id).containsExactly("Agnhost", "BusyBox", "Nginx");
		assertThat(m.images()).noneMatch(ManifestImage::registryResolved);
		assertThat(m.warnings()).singleElement().satisfies(w -> {
			assertThat(w.line()).isEqualTo(lineOf(src, "PromoterE2eRegistry string"));
			assertThat(w.message()).contains("promoterE2eRegistry", "3 images", "Agnhost, BusyBox, Nginx");
		});

		assertThat(imagesById(ManifestReader.read(src, RegistryOverrides.fromYaml("promoterE2eRegistry: m/e2e"))))
			.containsEntry("Nginx", "m/e2e/nginx:1.27");
	}

	@Test
	void aDefaultsLiteralThatLeavesAFieldOutLeavesThatRegistryUnresolved() {
		String src = """
				package image

				type RegistryList struct {
					GcRegistry      string `yaml:"gcRegistry"`
					PrivateRegistry string `yaml:"privateRegistry"`
				}

				func initReg() RegistryList {
					registry := RegistryList{
						GcRegistry: "registry.k8s.io",
					}
					fileContent, _ := os.ReadFile(os.Getenv("KUBE_TEST_REPO_LIST"))
					yaml.Unmarshal(fileContent, &registry)
					return registry
				}

				var registry = initReg()

				var (
					Pause          = Config{registry.GcRegistry, "pause", "3.9"}
					AgnhostPrivate = Config{registry.PrivateRegistry, "agnhost", "2.6"}
				)
				""";
		Manifest m = ManifestReader.read(src);

		assertThat(m.images()).extracting(ManifestImage::image)
			.containsExactly("registry.k8s.io/pause:3.9", "{privateRegistry}/agnhost:2.6");
		assertThat(m.warnings()).singleElement()
			.extracting(ManifestWarning::message)
			.asString()
			.contains("privateRegistry", "AgnhostPrivate");
	}

	@Test
	void manyImagesOnOneKeyAreNamedBrieflyInTheirSingleWarning() {
		StringBuilder src = new StringBuilder("""
				package image

				type RegistryList struct {
					E2eRegistry string `yaml:"e2eRegistry"`
				}

				var registry RegistryList

				func initImageConfigs() map[int]Config {
					configs := map[int]Config{}
				""");
		for (int i = 0; i < 40; i++) {
			src.append("\tconfigs[Image").append(i).append("] = Config{registry.E2eRegistry, \"image-").append(i);
			src.append("\", \"1.0\"}\n");
		}
		src.append("\treturn configs\n}\n");
		Manifest m = ManifestReader.read(src.toString());

		assertThat(m.images()).hasSize(40).noneMatch(ManifestImage::registryResolved);
		assertThat(m.warnings()).singleElement()
			.extracting(ManifestWarning::message)
			.asString()
			.contains("40 images", "Image0, Image1", "and 35 more");
		List<String> names = m.images().stream().map(ManifestImage::name).toList();
		assertThat(names).startsWith("image-0", "image-1").endsWith("image-39");
	}

}
