/**
 * Reads Kubernetes' {@code test/utils/image/manifest.go} without running Go.
 *
 * <p>
 * {@link dev.rebaser.manifest.ManifestReader} lexes and parses the Go source, then
 * evaluates what package initialisation would compute:
 * <ul>
 * <li>package-level {@code X = ImageConfig{…}} / {@code Config{…}} variables (id = the
 * variable);</li>
 * <li>{@code configs[X] = Config{…}} in every function that stores Config literals into a
 * map, following helpers defined in the same file that the map is handed to,
 * {@code for … range} over map or slice literals (in source order, where Go's map order
 * is random), {@code delete(configs, X)}, and later assignments replacing earlier ones
 * (an id keeps the place of its first assignment);</li>
 * <li>registries from string constants and variables, {@code +} concatenation,
 * RegistryList fields ({@code registry.X}, {@code list.X}) and their defaults in
 * {@code initReg()}, {@code initRegistry()} or a package-level {@code RegistryList{…}}
 * literal;</li>
 * <li>a RegistryList without defaults ({@code var registry RegistryList}, filled only by
 * unmarshalling KUBE_TEST_REPO_LIST), or a field a defaults literal leaves out: the
 * images using it are listed with the registry unresolved (the yaml key in braces,
 * {@link dev.rebaser.manifest.ManifestImage#registryResolved()} false) and one warning
 * per key, until a repo list sets it.</li>
 * </ul>
 *
 * <p>
 * Conventions: {@code registryKey} is the registry identifier as written in the Config
 * literal, or the yaml key of the RegistryList field for {@code list.X}; it is empty for
 * a plain string. Entries stored under a computed key (a counter, as the CSI helpers use)
 * take the image name as id. A warning's line is 0 when it concerns the whole file. The
 * {@code hasArch} flag of 1.10-era ImageConfig is kept:
 * {@link dev.rebaser.manifest.ManifestImage#image()} never adds an architecture suffix,
 * {@link dev.rebaser.manifest.ManifestImage#imageFor(String)} does when the flag is set.
 * KUBE_TEST_REPO remapping is not modelled (it needs a runtime value).
 */
package dev.rebaser.manifest;
