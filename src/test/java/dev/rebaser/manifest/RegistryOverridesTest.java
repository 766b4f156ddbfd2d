package dev.rebaser.manifest;

import static dev.rebaser.manifest.Fixtures.lineOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** KUBE_TEST_REPO_LIST, applied as the Go code of each era applies it. */
class RegistryOverridesTest {

	private static Map<String, String> imagesById(Manifest m) {
		return m.images().stream().collect(Collectors.toMap(ManifestImage::id, ManifestImage::image));
	}

	private static Manifest read(String fixture, String yaml) {
		return ManifestReader.read(Fixtures.load(fixture), RegistryOverrides.fromYaml(yaml));
	}

	@Test
	void initRegEraOverridesTheGivenKeyOnly() {
		Manifest m = read("era-1.13-initreg-vars.go", "e2eRegistry: my.reg/e2e\n");

		assertThat(m.warnings()).isEmpty();
		Map<String, String> images = imagesById(m);
		assertThat(images).containsEntry("Kitten", "my.reg/e2e/kitten:1.0")
			.containsEntry("VolumeNFSServer", "my.reg/e2e/volume/nfs:1.0")
			.containsEntry("BusyBox", "docker.io/library/busybox:1.29")
			.containsEntry("Pause", "k8s.gcr.io/pause:3.1");
		assertThat(m.images()).filteredOn(i -> i.id().equals("Kitten"))
			.singleElement()
			.extracting(ManifestImage::registryKey)
			.isEqualTo("e2eRegistry");
	}

	@Test
	void registryDerivedAtInitTimeFollowsTheOverrideButAFixedStringDoesNot() {
		Manifest m = read("era-1.15-iota-configs.go", "e2eRegistry: mirror.example/e2e");

		assertThat(m.warnings()).isEmpty();
		Map<String, String> images = imagesById(m);
		assertThat(images).containsEntry("Agnhost", "mirror.example/e2e/agnhost:2.2")
			.containsEntry("VolumeISCSIServer", "mirror.example/e2e/volume/iscsi:2.0")
			.containsEntry("WindowsNanoServer", "gcr.io/kubernetes-e2e-test-images/windows-nanoserver:v1")
			.containsEntry("Etcd", "k8s.gcr.io/etcd:3.3.10");
	}

	@Test
	void keyThatIsNotARegistryListFieldIsIgnoredAsGoWouldAndReported() {
		String src = Fixtures.load("era-1.21-promoter-registries.go");
		Manifest m = ManifestReader.read(src, RegistryOverrides.fromYaml("""
				dockerLibraryRegistry: my.reg/library
				promoterE2eRegistry: my.reg/e2e
				"""));

		Map<String, String> images = imagesById(m);
		assertThat(images).containsEntry("Perl", "docker.io/library/perl:5.26")
			.containsEntry("Agnhost", "my.reg/e2e/agnhost:2.32")
			.containsEntry("BusyBox", "my.reg/e2e/busybox:1.29-1")
			.containsEntry("CudaVectorAdd", "gcr.io/kubernetes-e2e-test-images/cuda-vector-add:1.0");
		assertThat(m.warnings()).singleElement().satisfies(w -> {
			assertThat(w.line()).isEqualTo(lineOf(src, "type RegistryList struct"));
			assertThat(w.message()).contains("dockerLibraryRegistry").contains("ignores");
		});
	}

	@Test
	void currentEraOverridesThroughReadRepoListAndNullEmptiesAField() {
		Manifest m = read("era-current-readrepolist.go", """
				# mirrors for an air-gapped lab
				promoterE2eRegistry: "mirror.lab:5000/e2e"
				gcRegistry: ~
				""");

		Map<String, String> images = imagesById(m);
		assertThat(images).containsEntry("Agnhost", "mirror.lab:5000/e2e/agnhost:2.53")
			.containsEntry("Pause", "pause:3.10.1")
			// same default as gcRegistry, but its own key: not overridden
			.containsEntry("Etcd", "registry.k8s.io/etcd:3.5.21-0")
			.containsEntry("NFSProvisioner", "registry.k8s.io/sig-storage/nfs-provisioner:v4.0.8");
	}

	@Test
	void helperImagesUseTheOverriddenListButLiteralRegistriesStay() {
		Manifest m = read("era-1.24-list-prefix-csi-helper.go", """
				sigStorageRegistry: mirror/sig
				dockerLibraryRegistry: mirror/library
				""");

		assertThat(m.warnings()).isEmpty();
		Map<String, String> images = imagesById(m);
		assertThat(images).containsEntry("csi-attacher", "mirror/sig/csi-attacher:v3.4.0")
			.containsEntry("csi-provisioner", "mirror/sig/csi-provisioner:v3.1.0")
			.containsEntry("GlusterDynamicProvisioner", "docker.io/gluster/glusterdynamic-provisioner:v1.0");
	}

	@Test
	void releaseWithoutRegistryListIgnoresOverridesAndSaysSo() {
		Manifest plain = ManifestReader.read(Fixtures.load("era-1.10-imageconfig-vars.go"));
		Manifest m = read("era-1.10-imageconfig-vars.go", "gcRegistry: my.reg\n");

		assertThat(m.images()).isEqualTo(plain.images());
		assertThat(m.warnings()).singleElement().satisfies(w -> {
			assertThat(w.line()).isZero();
			assertThat(w.message()).contains("KUBE_TEST_REPO_LIST");
		});
	}

	@Test
	void scalarsAreTakenAsWrittenAndOnlyTheFirstDocumentCounts() {
		RegistryOverrides o = RegistryOverrides.fromYaml("""
				gcRegistry: 1.10
				e2eRegistry: 'quoted/reg'
				---
				gcRegistry: second.document
				""");
		assertThat(o.values()).containsExactly(entry("gcRegistry", "1.10"), entry("e2eRegistry", "quoted/reg"));
	}

	@Test
	void emptyYamlOverridesNothing() {
		String src = Fixtures.load("era-1.13-initreg-vars.go");
		assertThat(ManifestReader.read(src, RegistryOverrides.fromYaml("   \n# nothing\n")))
			.isEqualTo(ManifestReader.read(src));
		assertThat(RegistryOverrides.fromYaml("").isEmpty()).isTrue();
		assertThat(RegistryOverrides.none().isEmpty()).isTrue();
	}

	@Test
	void badYamlIsRejectedWithAClearMessage() {
		assertThatThrownBy(() -> RegistryOverrides.fromYaml("e2eRegistry: [unclosed\n"))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("not valid YAML");
		assertThatThrownBy(() -> RegistryOverrides.fromYaml("- e2eRegistry\n- gcRegistry\n"))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("must be a mapping")
			.hasMessageContaining("list");
		assertThatThrownBy(() -> RegistryOverrides.fromYaml("just a string"))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("must be a mapping");
		assertThatThrownBy(() -> RegistryOverrides.fromYaml("ok: a\ne2eRegistry:\n  nested: value\n"))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("line 2")
			.hasMessageContaining("'e2eRegistry' must be a registry string");
		assertThatThrownBy(() -> RegistryOverrides.fromYaml(null)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void overridesDoNotLeakBetweenReads() {
		String src = Fixtures.load("era-1.13-initreg-vars.go");
		ManifestReader.read(src, RegistryOverrides.fromYaml("e2eRegistry: elsewhere"));
		assertThat(imagesById(ManifestReader.read(src))).containsEntry("Kitten",
				"gcr.io/kubernetes-e2e-test-images/kitten:1.0");
	}

}
