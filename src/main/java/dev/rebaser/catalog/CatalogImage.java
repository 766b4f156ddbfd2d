package dev.rebaser.catalog;

import dev.rebaser.context.BuildContext;
import java.util.List;
import java.util.Map;

/**
 * One image of the catalog.
 *
 * @param id unique in the catalog and safe in a URL path: the name with '/' as '-', and
 * the version appended when two images share a name (e.g. {@code nginx-1.15-4})
 * @param name the image name as built and tagged ({@code agnhost}, {@code volume/nfs})
 * @param reference the exact reference the tests expect, e.g.
 * {@code registry.k8s.io/e2e-test-images/agnhost:2.53}
 * @param contextPath where the build context came from: a folder of the tree
 * ({@code test/images/agnhost}), or the external source as written; null when the image
 * has none
 * @param context the build context, null when the tree does not hold one (busybox, pause,
 * …)
 * @param baseImages the BASEIMAGE file: platform ({@code linux/amd64}, older files
 * {@code amd64}) to image, as written
 * @param bases the base of every stage of the Dockerfile for the target, build arguments
 * and BASEIMAGE applied
 * @param hasArch manifest.go's 1.10-era flag: the e2e tests pull
 * {@code registry/name-<arch>:version}, see {@link #referencesFor(String)}
 */
public record CatalogImage(String id, String name, String version, String reference, Origin origin, String contextPath,
		BuildContext context, Map<String, String> baseImages, List<String> bases, boolean hasArch) {

	public CatalogImage {
		baseImages = Map.copyOf(baseImages);
		bases = List.copyOf(bases);
	}

	/** Where an image entered the catalog. */
	public enum Origin {

		/** Listed by manifest.go. */
		MANIFEST,
		/** Declared in the external catalog YAML. */
		EXTERNAL,
		/**
		 * Not listed by manifest.go, but a folder of test/images that a listed image is
		 * built on.
		 */
		TREE

	}

	/**
	 * The tags every build of the image gets on {@code arch}: Kubernetes'
	 * {@code <reference>-linux-<arch>}, the reference itself, and the
	 * {@code name-<arch>:version} that manifest.go asks for when it says hasArch.
	 */
	public List<String> referencesFor(String arch) {
		List<String> tags = new java.util.ArrayList<>(List.of(reference + "-linux-" + arch, reference));
		if (hasArch) {
			String registry = registry();
			tags.add((registry.isEmpty() ? "" : registry + "/") + name + "-" + arch + ":" + version);
		}
		return List.copyOf(tags);
	}

	public boolean hasContext() {
		return context != null;
	}

	/**
	 * The registry part of the reference: everything before the last '/', empty for a
	 * bare name.
	 */
	public String registry() {
		String repository = reference.substring(0, reference.length() - version.length() - 1);
		int cut = repository.length() - name.length() - 1;
		return cut > 0 && repository.endsWith("/" + name) ? repository.substring(0, cut) : "";
	}

}
