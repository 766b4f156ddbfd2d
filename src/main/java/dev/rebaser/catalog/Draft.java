package dev.rebaser.catalog;

import dev.rebaser.context.BuildContext;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An image while the import is still finding out about it; becomes a
 * {@link CatalogImage}.
 */
final class Draft {

	final String name;

	final String version;

	final String reference;

	final String registry;

	final CatalogImage.Origin origin;

	String contextPath;

	BuildContext context;

	/** Why the image has no context, when it has none and that is worth saying. */
	String noContextReason;

	/**
	 * Whether a problem already says why there is no context, so it is not said twice.
	 */
	boolean noContextReported;

	Map<String, String> baseImages = Map.of();

	List<String> bases = List.of();

	final Set<Draft> parents = new LinkedHashSet<>();

	String unresolvable;

	/** manifest.go's 1.10-era hasArch: the e2e tests pull {@code name-<arch>:version}. */
	boolean hasArch;

	String id;

	Draft(String name, String version, String reference, String registry, CatalogImage.Origin origin) {
		this.name = name;
		this.version = version;
		this.reference = reference;
		this.registry = registry;
		this.origin = origin;
	}

	ImageReference parsedReference() {
		return ImageReference.parse(reference);
	}

	CatalogImage toImage() {
		return new CatalogImage(id, name, version, reference, origin, contextPath, context, baseImages, bases, hasArch);
	}

	@Override
	public String toString() {
		return reference;
	}

}
