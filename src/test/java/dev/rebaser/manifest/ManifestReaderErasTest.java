package dev.rebaser.manifest;

import static dev.rebaser.manifest.Fixtures.lineOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each era of manifest.go, read in full: every image, its registry variable and where it
 * was declared.
 */
class ManifestReaderErasTest {

	private static final String E2E = "gcr.io/kubernetes-e2e-test-images";

	private static final String PROMOTER_GCR = "k8s.gcr.io/e2e-test-images";

	private static final String PROMOTER = "registry.k8s.io/e2e-test-images";

	/** Builds expected images; the line is the one holding {@code lineSnippet}. */
	private static final class Expected {

		private final String source;

		private final List<ManifestImage> images = new ArrayList<>();

		Expected(String source) {
			this.source = source;
		}

		Expected image(String id, String key, String registry, String name, String version, String lineSnippet) {
			images.add(new ManifestImage(id, key, registry, name, version, lineOf(source, lineSnippet)));
			return this;
		}

		/** An image of the 1.10 era whose hasArch is true. */
		Expected archImage(String id, String key, String registry, String name, String version, String lineSnippet) {
			images.add(new ManifestImage(id, key, registry, name, version, lineOf(source, lineSnippet), true, true));
			return this;
		}

	}

	@Test
	void era110PackageImageConfigVarsWithConstantRegistries() {
		String src = Fixtures.load("era-1.10-imageconfig-vars.go");
		Manifest m = ManifestReader.read(src);

		Expected e = new Expected(src)
			.archImage("APIServer", "e2eRegistry", E2E, "k8s-aggregator-sample-apiserver", "1.7v2", "\tAPIServer ")
			.image("BusyBox", "gcRegistry", "k8s.gcr.io", "busybox", "1.24", "\tBusyBox ")
			.archImage("Dnsutils", "e2eRegistry", E2E, "dnsutils", "1.0", "\tDnsutils ")
			.archImage("GBFrontend", "sampleRegistry", "gcr.io/google-samples", "gb-frontend", "v5", "\tGBFrontend ")
			.archImage("JessieDnsutils", "e2eRegistry", E2E, "jessie-dnsutils", "1.0", "\tJessieDnsutils ")
			.archImage("Pause", "gcRegistry", "k8s.gcr.io", "pause", "3.1", "\tPause ")
			.archImage("Redis", "e2eRegistry", E2E, "redis", "1.0", "\tRedis ")
			.image("VolumeRBDServer", "gcRegistry", "k8s.gcr.io", "volume-rbd", "0.1", "\tVolumeRBDServer ");
		assertThat(m.warnings()).isEmpty();
		assertThat(m.images()).containsExactlyElementsOf(e.images);
		// GetE2EImageWithArch puts the arch after the name of a hasArch image
		assertThat(m.images().get(5).imageFor("mips64le")).isEqualTo("k8s.gcr.io/pause-mips64le:3.1");
		assertThat(m.images().get(1).imageFor("mips64le")).isEqualTo("k8s.gcr.io/busybox:1.24");
		assertThat(m.images().get(5).image()).isEqualTo("k8s.gcr.io/pause:3.1");
	}

	@Test
	void era113RegistryListFromInitRegAndImageConfigVars() {
		String src = Fixtures.load("era-1.13-initreg-vars.go");
		Manifest m = ManifestReader.read(src);

		Expected e = new Expected(src)
			.image("AdmissionWebhook", "e2eRegistry", E2E, "webhook", "1.13v1", "\tAdmissionWebhook ")
			.image("BusyBox", "dockerLibraryRegistry", "docker.io/library", "busybox", "1.29", "\tBusyBox ")
			.image("GBRedisSlave", "sampleRegistry", "gcr.io/google-samples", "gb-redisslave", "v3", "\tGBRedisSlave ")
			.image("Kitten", "e2eRegistry", E2E, "kitten", "1.0", "\tKitten ")
			.image("Nginx", "dockerLibraryRegistry", "docker.io/library", "nginx", "1.14-alpine", "\tNginx ")
			.image("Pause", "gcRegistry", "k8s.gcr.io", "pause", "3.1", "\tPause ")
			.image("VolumeNFSServer", "e2eRegistry", E2E, "volume/nfs", "1.0", "\tVolumeNFSServer ");
		assertThat(m.warnings()).isEmpty();
		assertThat(m.images()).containsExactlyElementsOf(e.images);
		assertThat(m.images()).extracting(ManifestImage::image)
			.contains("docker.io/library/nginx:1.14-alpine", E2E + "/volume/nfs:1.0");
	}

	@Test
	void era115IotaIdsAndConfigsMap() {
		String src = Fixtures.load("era-1.15-iota-configs.go");
		Manifest m = ManifestReader.read(src);

		Expected e = new Expected(src).image("Agnhost", "e2eRegistry", E2E, "agnhost", "2.2", "configs[Agnhost]")
			.image("BusyBox", "dockerLibraryRegistry", "docker.io/library", "busybox", "1.29", "configs[BusyBox]")
			.image("Etcd", "gcRegistry", "k8s.gcr.io", "etcd", "3.3.10", "configs[Etcd]")
			.image("Httpd", "dockerLibraryRegistry", "docker.io/library", "httpd", "2.4.38-alpine", "configs[Httpd]")
			.image("Mounttest", "e2eRegistry", E2E, "mounttest", "1.0", "configs[Mounttest]")
			.image("VolumeISCSIServer", "e2eVolumeRegistry", E2E + "/volume", "iscsi", "2.0",
					"configs[VolumeISCSIServer]")
			.image("WindowsNanoServer", "e2eGcRegistry", E2E, "windows-nanoserver", "v1", "configs[WindowsNanoServer]");
		assertThat(m.warnings()).isEmpty();
		assertThat(m.images()).containsExactlyElementsOf(e.images);
	}

	@Test
	void era121PromoterRegistriesAndFixedDockerLibrary() {
		String src = Fixtures.load("era-1.21-promoter-registries.go");
		Manifest m = ManifestReader.read(src);

		Expected e = new Expected(src)
			.image("Agnhost", "promoterE2eRegistry", PROMOTER_GCR, "agnhost", "2.32", "configs[Agnhost]")
			.image("AgnhostPrivate", "PrivateRegistry", "gcr.io/k8s-authenticated-test", "agnhost", "2.6",
					"configs[AgnhostPrivate]")
			.image("AuthenticatedAlpine", "gcAuthenticatedRegistry", "gcr.io/authenticated-image-pulling", "alpine",
					"3.7", "configs[AuthenticatedAlpine]")
			.image("BusyBox", "promoterE2eRegistry", PROMOTER_GCR, "busybox", "1.29-1", "configs[BusyBox]")
			.image("CudaVectorAdd", "e2eRegistry", E2E, "cuda-vector-add", "1.0", "configs[CudaVectorAdd]")
			.image("DebianIptables", "buildImageRegistry", "k8s.gcr.io/build-image", "debian-iptables", "buster-v1.6.2",
					"configs[DebianIptables]")
			.image("Etcd", "gcEtcdRegistry", "k8s.gcr.io", "etcd", "3.4.13-0", "configs[Etcd]")
			.image("NFSProvisioner", "sigStorageRegistry", "k8s.gcr.io/sig-storage", "nfs-provisioner", "v2.2.2",
					"configs[NFSProvisioner]")
			.image("Pause", "gcRegistry", "k8s.gcr.io", "pause", "3.4.1", "configs[Pause]")
			.image("Perl", "dockerLibraryRegistry", "docker.io/library", "perl", "5.26", "configs[Perl]")
			.image("WindowsServer", "microsoftRegistry", "mcr.microsoft.com", "windows", "1809",
					"configs[WindowsServer]");
		assertThat(m.warnings()).isEmpty();
		assertThat(m.images()).containsExactlyElementsOf(e.images);
	}

	@Test
	void era124ListPrefixKeyedConfigAndSidecarHelper() {
		String src = Fixtures.load("era-1.24-list-prefix-csi-helper.go");
		Manifest m = ManifestReader.read(src);

		String sig = "registry.k8s.io/sig-storage";
		Expected e = new Expected(src)
			.image("Agnhost", "promoterE2eRegistry", PROMOTER, "agnhost", "2.39", "configs[Agnhost]")
			.image("BusyBox", "promoterE2eRegistry", PROMOTER, "busybox", "1.29-2", "configs[BusyBox]")
			.image("DistrolessIptables", "buildImageRegistry", "registry.k8s.io/build-image", "distroless-iptables",
					"v0.1.1", "configs[DistrolessIptables]")
			.image("Etcd", "gcEtcdRegistry", "registry.k8s.io", "etcd", "3.5.3-0", "configs[Etcd]")
			.image("GlusterDynamicProvisioner", "glusterRegistry", "docker.io/gluster", "glusterdynamic-provisioner",
					"v1.0", "configs[GlusterDynamicProvisioner]")
			.image("InvalidRegistryImage", "invalidRegistry", "invalid.com/invalid", "alpine", "3.1",
					"configs[InvalidRegistryImage]")
			.image("Nginx", "promoterE2eRegistry", PROMOTER, "nginx", "1.14-2", "configs[Nginx]")
			.image("Pause", "gcRegistry", "registry.k8s.io", "pause", "3.7", "configs[Pause]")
			.image("csi-attacher", "sigStorageRegistry", sig, "csi-attacher", "v3.4.0", "\"csi-attacher\":")
			.image("csi-node-driver-registrar", "sigStorageRegistry", sig, "csi-node-driver-registrar", "v2.5.0",
					"\"csi-node-driver-registrar\":")
			.image("csi-provisioner", "sigStorageRegistry", sig, "csi-provisioner", "v3.1.0", "\"csi-provisioner\":");
		assertThat(m.warnings()).isEmpty();
		assertThat(m.images()).containsExactlyElementsOf(e.images);
		assertThat(m.images().get(8).image()).isEqualTo(sig + "/csi-attacher:v3.4.0");
	}

	@Test
	void currentEraReadRepoListAndImageIdType() {
		String src = Fixtures.load("era-current-readrepolist.go");
		Manifest m = ManifestReader.read(src);

		Expected e = new Expected(src)
			.image("Agnhost", "promoterE2eRegistry", PROMOTER, "agnhost", "2.53", "configs[Agnhost]")
			.image("AgnhostPrivate", "privateRegistry", "gcr.io/k8s-authenticated-test", "agnhost", "2.6",
					"configs[AgnhostPrivate]")
			.image("BusyBox", "promoterE2eRegistry", PROMOTER, "busybox", "1.37.0-1", "configs[BusyBox]")
			.image("DistrolessIptables", "buildImageRegistry", "registry.k8s.io/build-image", "distroless-iptables",
					"v0.7.7", "configs[DistrolessIptables]")
			.image("Etcd", "gcEtcdRegistry", "registry.k8s.io", "etcd", "3.5.21-0", "configs[Etcd]")
			.image("JessieDnsutils", "promoterE2eRegistry", PROMOTER, "jessie-dnsutils", "1.7",
					"configs[JessieDnsutils]")
			.image("NFSProvisioner", "sigStorageRegistry", "registry.k8s.io/sig-storage", "nfs-provisioner", "v4.0.8",
					"configs[NFSProvisioner]")
			.image("Pause", "gcRegistry", "registry.k8s.io", "pause", "3.10.1", "configs[Pause]")
			.image("ResourceConsumer", "promoterE2eRegistry", PROMOTER, "resource-consumer", "1.13",
					"configs[ResourceConsumer]")
			.image("VolumeNFSServer", "promoterE2eRegistry", PROMOTER, "volume/nfs", "1.4", "configs[VolumeNFSServer]");
		assertThat(m.images()).containsExactlyElementsOf(e.images);
		// The CSI images are added by a function in another file: said, not silently
		// dropped.
		assertThat(m.warnings()).singleElement().satisfies(w -> {
			assertThat(w.line()).isEqualTo(lineOf(src, "appendCSIImageConfigs(configs)"));
			assertThat(w.message()).contains("appendCSIImageConfigs").contains("not listed");
		});
	}

}
