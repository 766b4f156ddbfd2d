package dev.rebaser.manifest;

import static dev.rebaser.manifest.Fixtures.lineOf;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the reader cannot resolve is reported with its line, never dropped silently. */
class ManifestWarningsTest {

	private static void assertSingleWarning(Manifest m, String src, String snippet, String... words) {
		assertThat(m.warnings()).singleElement().satisfies(w -> {
			assertThat(w.line()).isEqualTo(lineOf(src, snippet));
			for (String word : words) {
				assertThat(w.message()).contains(word);
			}
		});
	}

	@Test
	void undeclaredRegistryVariable() {
		String src = """
				package image

				var (
					Good = ImageConfig{"docker.io/library", "busybox", "1.29"}
					Bad  = ImageConfig{missingRegistry, "nginx", "1.15"}
				)
				""";
		Manifest m = ManifestReader.read(src);

		assertThat(m.images()).singleElement().satisfies(i -> {
			assertThat(i.id()).isEqualTo("Good");
			assertThat(i.registryKey()).isEmpty();
			assertThat(i.image()).isEqualTo("docker.io/library/busybox:1.29");
		});
		assertSingleWarning(m, src, "Bad  =", "Bad", "missingRegistry", "not declared");
	}

	@Test
	void registryFromAnotherPackage() {
		String src = """
				package image

				func initImageConfigs() map[int]Config {
					configs := map[int]Config{}
					configs[Agnhost] = Config{os.Getenv("E2E_REGISTRY"), "agnhost", "2.40"}
					return configs
				}
				""";
		Manifest m = ManifestReader.read(src);

		assertThat(m.images()).isEmpty();
		assertSingleWarning(m, src, "configs[Agnhost]", "Agnhost", "os.Getenv");
	}

	@Test
	void nonLiteralStoredIntoTheImageMap() {
		String src = """
				package image

				func initImageConfigs() map[int]Config {
					configs := map[int]Config{}
					configs[Pause] = Config{"registry.k8s.io", "pause", "3.9"}
					configs[Kitten] = kittenConfig("1.7")
					return configs
				}
				""";
		Manifest m = ManifestReader.read(src);

		assertThat(m.images()).extracting(ManifestImage::id).containsExactly("Pause");
		assertSingleWarning(m, src, "configs[Kitten]", "Kitten", "kittenConfig");
	}

	@Test
	void wrongNumberOfPositionalFields() {
		String src = """
				package image

				type Config struct {
					registry string
					name     string
					version  string
				}

				var Nautilus = Config{"registry.k8s.io/e2e-test-images", "nautilus"}
				""";
		Manifest m = ManifestReader.read(src);

		assertThat(m.images()).isEmpty();
		assertSingleWarning(m, src, "var Nautilus", "Nautilus", "2 values", "3 fields");
	}

	@Test
	void numberWhereAVersionStringBelongs() {
		String src = """
				package image

				func initImageConfigs() map[int]Config {
					configs := map[int]Config{}
					configs[Perl] = Config{"docker.io/library", "perl", 5.26}
					return configs
				}
				""";
		Manifest m = ManifestReader.read(src);

		assertThat(m.images()).isEmpty();
		assertSingleWarning(m, src, "configs[Perl]", "Perl", "version", "float literal");
	}

	@Test
	void helperDefinedElsewhereAndRangeOverACall() {
		String src = """
				package image

				func initImageConfigs(list RegistryList) map[int]Config {
					configs := map[int]Config{}
					configs[Etcd] = Config{"registry.k8s.io", "etcd", "3.5.9-0"}
					registerWindowsImages(configs)
					for _, n := range extraNames() {
						configs[Extra] = Config{"registry.k8s.io", n, "1.0"}
					}
					return configs
				}
				""";
		Manifest m = ManifestReader.read(src);

		assertThat(m.images()).extracting(ManifestImage::image).containsExactly("registry.k8s.io/etcd:3.5.9-0");
		assertThat(m.warnings()).extracting(ManifestWarning::line)
			.containsExactly(lineOf(src, "registerWindowsImages"), lineOf(src, "configs[Extra]"));
		assertThat(m.warnings().get(0).message()).contains("registerWindowsImages", "defined outside this file");
		assertThat(m.warnings().get(1).message()).contains("Extra", "extraNames");
	}

	@Test
	void syntaxErrorIsReportedAndTheRestIsStillRead() {
		String src = """
				package image

				const brokenRegistry = "gcr.io/never-closed

				var (
					Redis = ImageConfig{"docker.io/library", "redis", "5.0.5-alpine"}
				)
				""";
		Manifest m = ManifestReader.read(src);

		assertThat(m.images()).extracting(ManifestImage::id).containsExactly("Redis");
		assertThat(m.warnings()).isNotEmpty()
			.allSatisfy(w -> assertThat(w.line()).isEqualTo(lineOf(src, "brokenRegistry")))
			.anySatisfy(w -> assertThat(w.message()).contains("not terminated"));
	}

	@Test
	void laterAssignmentReplacesAndDeleteRemovesAsGoMapsDo() {
		String src = """
				package image

				const agnhostVersion = "2.40"

				func initImageConfigs() map[int]Config {
					configs := map[int]Config{}
					configs[Agnhost] = Config{"registry.k8s.io/e2e-test-images", "agnhost", "2.39"}
					configs[Nginx] = Config{"registry.k8s.io/e2e-test-images", "nginx", "1.14-2"}
					configs[Httpd] = Config{"registry.k8s.io/e2e-test-images", "httpd", "2.4.38-2"}
					configs[Agnhost] = Config{"registry.k8s.io/e2e-test-images", "agnhost", agnhostVersion}
					delete(configs, Httpd)
					return configs
				}
				""";
		Manifest m = ManifestReader.read(src);

		assertThat(m.warnings()).isEmpty();
		assertThat(m.images()).extracting(ManifestImage::id, ManifestImage::version, ManifestImage::line)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("Agnhost", "2.40", lineOf(src, "agnhostVersion}")),
					org.assertj.core.groups.Tuple.tuple("Nginx", "1.14-2", lineOf(src, "configs[Nginx]")));
	}

	@Test
	void concatenationRawStringsAndKeyedFields() {
		String src = """
				package image

				const k8sOrg = `kubernetes`

				var (
					gcrPrefix = "gcr.io/"
					e2eRegistry = gcrPrefix + k8sOrg + "-e2e-test-images"
					Porter = ImageConfig{registry: e2eRegistry, version: "1.0", name: "porter"}
					Hostexec = &ImageConfig{"k8s.gcr.io/" + k8sOrg, "hostexec", "1.1"}
					Unnamed = ImageConfig{version: "1.0"}
				)
				""";
		Manifest m = ManifestReader.read(src);

		assertThat(m.warnings()).isEmpty();
		assertThat(m.images()).extracting(ManifestImage::id, ManifestImage::registryKey, ManifestImage::image)
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple("Porter", "e2eRegistry",
							"gcr.io/kubernetes-e2e-test-images/porter:1.0"),
					org.assertj.core.groups.Tuple.tuple("Hostexec", "k8sOrg", "k8s.gcr.io/kubernetes/hostexec:1.1"),
					// omitted keyed fields are Go's zero value, as the e2e framework
					// would print them
					org.assertj.core.groups.Tuple.tuple("Unnamed", "", ":1.0"));
	}

	@Test
	void rangeOverLiteralsBindsKeysAndValues() {
		String src = """
				package image

				var windowsTags = map[string]string{
					"WindowsServer2019": "ltsc2019",
					"WindowsServer2022": "ltsc2022",
				}

				func initImageConfigs() map[string]Config {
					configs := make(map[string]Config)
					for id, tag := range windowsTags {
						configs[id] = Config{"mcr.microsoft.com/windows", "servercore", tag}
					}
					for _, tool := range []string{"jq", "curl"} {
						configs[tool] = Config{registry: "docker.io/library", name: tool, version: "latest"}
					}
					return configs
				}
				""";
		Manifest m = ManifestReader.read(src);

		assertThat(m.warnings()).isEmpty();
		assertThat(m.images()).extracting(ManifestImage::id, ManifestImage::image, ManifestImage::line)
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple("WindowsServer2019",
							"mcr.microsoft.com/windows/servercore:ltsc2019", lineOf(src, "\"WindowsServer2019\"")),
					org.assertj.core.groups.Tuple.tuple("WindowsServer2022",
							"mcr.microsoft.com/windows/servercore:ltsc2022", lineOf(src, "\"WindowsServer2022\"")),
					org.assertj.core.groups.Tuple.tuple("jq", "docker.io/library/jq:latest",
							lineOf(src, "\"jq\", \"curl\"")),
					org.assertj.core.groups.Tuple.tuple("curl", "docker.io/library/curl:latest",
							lineOf(src, "\"jq\", \"curl\"")));
	}

	@Test
	void emptyAndNonGoInputGiveNoImages() {
		assertThat(ManifestReader.read("")).isEqualTo(new Manifest(java.util.List.of(), java.util.List.of()));
		assertThat(ManifestReader.read(null).images()).isEmpty();
		Manifest yaml = ManifestReader.read("images:\n  - name: agnhost\n");
		assertThat(yaml.images()).isEmpty();
		assertThat(yaml.warnings()).isNotEmpty().allSatisfy(w -> assertThat(w.line()).isPositive());
	}

}
