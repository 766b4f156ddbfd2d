package dev.rebaser.manifest;

/**
 * One image declared by manifest.go.
 *
 * @param id the Go constant or variable naming the image, e.g. {@code Agnhost}
 * @param registryKey the registry variable or RegistryList yaml key it uses, e.g.
 * {@code promoterE2eRegistry}; empty when the registry is a plain string
 * @param registry the resolved registry, overrides applied, e.g.
 * {@code registry.k8s.io/e2e-test-images}
 * @param line the line where it was declared
 */
public record ManifestImage(String id, String registryKey, String registry, String name, String version, int line) {

	/** The full reference, as the e2e framework's {@code GetE2EImage} prints it. */
	public String image() {
		return (registry.isEmpty() ? "" : registry + "/") + name + ":" + version;
	}
}
