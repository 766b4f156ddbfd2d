package dev.rebaser.catalog;

import dev.rebaser.rules.ImageName;
import java.util.regex.Pattern;

/**
 * An image reference taken apart the way the catalog compares images: Docker Hub
 * spellings made equal ({@code httpd}, {@code library/httpd},
 * {@code docker.io/library/httpd}), and the architecture that Kubernetes' build put into
 * a reference removed, in each of its eras' schemes: {@code agnhost:2.53-linux-amd64},
 * {@code agnhost:2.8-amd64} and {@code agnhost-amd64:2.8} all name agnhost 2.x.
 */
record ImageReference(String repository, String tag) {

	private static final Pattern PLATFORM_SUFFIX = Pattern.compile("-(linux|windows)-[a-z0-9]+(-[A-Za-z0-9.]+)?$");

	/** The architectures Kubernetes has built its images for, as its tags spell them. */
	private static final Pattern ARCH_SUFFIX = Pattern
		.compile("-(amd64|arm64|arm|ppc64le|s390x|386|mips64le|riscv64|loong64)$");

	static ImageReference parse(String reference) {
		ImageName name = ImageName.parse(reference);
		String tag = PLATFORM_SUFFIX.matcher(name.tag()).replaceFirst("");
		return new ImageReference(withoutArch(name.repository()), withoutArch(tag));
	}

	private static String withoutArch(String part) {
		String without = ARCH_SUFFIX.matcher(part).replaceFirst("");
		return without.isEmpty() || without.endsWith("/") ? part : without;
	}

	/**
	 * Whether this names the image {@code name} of {@code registry}: the whole
	 * repository, so that Docker Hub's {@code perl:5.26} is not the e2e image
	 * {@code perl}. An image with no registry is matched by its name.
	 */
	boolean isImage(String registry, String name) {
		return registry.isEmpty() ? hasName(name) : repository.equals(parse(registry + "/" + name).repository());
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
