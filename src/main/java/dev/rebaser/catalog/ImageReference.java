package dev.rebaser.catalog;

import java.util.regex.Pattern;

/**
 * An image reference taken apart the way the catalog compares images: Docker Hub spellings made
 * equal ({@code httpd}, {@code library/httpd}, {@code docker.io/library/httpd}), and the
 * per-platform suffix that Kubernetes' build adds to tags ({@code 2.53-linux-amd64}) removed.
 */
record ImageReference(String repository, String tag) {

	private static final Pattern PLATFORM_SUFFIX = Pattern.compile("-(linux|windows)-[a-z0-9]+(-[A-Za-z0-9.]+)?$");

	static ImageReference parse(String reference) {
		String name = reference.strip();
		int digest = name.indexOf('@');
		if (digest >= 0) {
			name = name.substring(0, digest);
		}
		String tag = "latest";
		int colon = name.lastIndexOf(':');
		if (colon > name.lastIndexOf('/')) {
			tag = name.substring(colon + 1);
			name = name.substring(0, colon);
		}
		for (String hub : new String[] { "docker.io/", "index.docker.io/", "registry-1.docker.io/" }) {
			if (name.startsWith(hub)) {
				name = name.substring(hub.length());
			}
		}
		if (name.startsWith("library/")) {
			name = name.substring("library/".length());
		}
		return new ImageReference(name, PLATFORM_SUFFIX.matcher(tag).replaceFirst(""));
	}

	/** Whether this names an image called {@code name}, in whatever registry. */
	boolean hasName(String name) {
		String normalised = parse(name).repository();
		return repository.equals(normalised) || repository.endsWith("/" + normalised);
	}

	/** Same image: same repository and tag once Docker Hub spellings and platform suffixes are gone. */
	boolean sameAs(ImageReference other) {
		return repository.equals(other.repository) && tag.equals(other.tag);
	}

}
