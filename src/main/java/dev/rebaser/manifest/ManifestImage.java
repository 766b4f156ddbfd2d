package dev.rebaser.manifest;

/**
 * One image declared by manifest.go.
 *
 * @param id the Go constant or variable naming the image, e.g. {@code Agnhost}
 * @param registryKey the registry variable or RegistryList yaml key it uses, e.g.
 * {@code promoterE2eRegistry}; empty when the registry is a plain string
 * @param registry the resolved registry, overrides applied, e.g.
 * {@code registry.k8s.io/e2e-test-images}; when it is not resolved, the RegistryList yaml
 * key stands in braces where its value would be, e.g. {@code {e2eRegistry}/volume}
 * @param line the line where it was declared
 * @param registryResolved false when the registry comes from a RegistryList field that
 * the manifest gives no default and KUBE_TEST_REPO_LIST did not set: Go would leave it
 * empty, so the image can only be pulled once a repo list names that registry
 * @param hasArch the 1.10-era {@code hasArch} flag: the e2e framework then pulls
 * {@code registry/name-<arch>:version}, see {@link #imageFor(String)}
 */
public record ManifestImage(String id, String registryKey, String registry, String name, String version, int line,
		boolean registryResolved, boolean hasArch) {

	/** An image whose registry is resolved. */
	public ManifestImage(String id, String registryKey, String registry, String name, String version, int line) {
		this(id, registryKey, registry, name, version, line, true, false);
	}

	public ManifestImage(String id, String registryKey, String registry, String name, String version, int line,
			boolean registryResolved) {
		this(id, registryKey, registry, name, version, line, registryResolved, false);
	}

	/**
	 * What the e2e framework pulls on {@code arch}: {@link #image()}, or with
	 * {@code hasArch} the arch after the name, as {@code GetE2EImageWithArch} printed it.
	 */
	public String imageFor(String arch) {
		return hasArch ? (registry.isEmpty() ? "" : registry + "/") + name + "-" + arch + ":" + version : image();
	}

	/**
	 * The full reference, as the e2e framework's {@code GetE2EImage} prints it; with an
	 * unresolved registry, the placeholder makes it a reference no registry accepts, so
	 * it is never taken for a Docker Hub image.
	 */
	public String image() {
		return (registry.isEmpty() ? "" : registry + "/") + name + ":" + version;
	}
}
