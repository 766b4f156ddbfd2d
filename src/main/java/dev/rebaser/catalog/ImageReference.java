package dev.rebaser.catalog;

import dev.rebaser.rules.ImageName;
import java.util.regex.Pattern;

/**
 * An image reference taken apart the way the catalog compares images: Docker Hub
 * spellings made equal ({@code httpd}, {@code library/httpd},
 * {@code docker.io/library/httpd}), and the per-platform suffix that Kubernetes' build
 * adds to tags ({@code 2.53-linux-amd64}) removed.
 */
record ImageReference(String repository, String tag) {

	private static final Pattern PLATFORM_SUFFIX = Pattern.compile("-(linux|windows)-[a-z0-9]+(-[A-Za-z0-9.]+)?$");

	static ImageReference parse(String reference) {
		ImageName name = ImageName.parse(reference);
		return new ImageReference(name.repository(), PLATFORM_SUFFIX.matcher(name.tag()).replaceFirst(""));
	}

	/** Whether this names an image called {@code name}, in whatever registry. */
	boolean hasName(String name) {
		String normalised = parse(name).repository();
		return repository.equals(normalised) || repository.endsWith("/" + normalised);
	}

	/**
	 * Same image: same repository and tag once Docker Hub spellings and platform suffixes
	 * are gone.
	 */
	boolean sameAs(ImageReference other) {
		return repository.equals(other.repository) && tag.equals(other.tag);
	}

}
