package dev.rebaser.imports;

import dev.rebaser.catalog.AddressPolicy;
import dev.rebaser.catalog.ShownUrls;
import java.net.URI;
import java.util.Locale;

/**
 * A release tarball URL must be http(s) with a host; where it may point, at first and
 * after every redirect, the importer's {@link AddressPolicy} decides as it fetches.
 */
public final class ImportUrls {

	private ImportUrls() {
	}

	public static URI check(String url) {
		URI uri;
		try {
			uri = URI.create(url.trim());
		}
		catch (IllegalArgumentException ex) {
			throw new ImportException("not a URL: " + ShownUrls.shown(url));
		}
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
			throw new ImportException(
					"only http and https URLs with a host can be imported, not " + ShownUrls.shown(url));
		}
		return uri;
	}

}
