package dev.rebaser.catalog;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A URL as it may be kept, shown and logged: without the user and password before its
 * host, and with the values of query parameters that look like secrets replaced. The
 * fetch itself still uses the URL as given.
 */
public final class ShownUrls {

	private static final Pattern SECRET = Pattern.compile("(?i).*(token|passw|secret|signature|key|auth|credential).*");

	private ShownUrls() {
	}

	public static String shown(URI uri) {
		if (uri.getRawAuthority() == null) {
			return uri.toString();
		}
		try {
			String query = uri.getRawQuery() == null ? null : redactQuery(uri.getRawQuery());
			String authority = uri.getRawAuthority();
			int at = authority.lastIndexOf('@');
			return new URI(uri.getScheme() + "://" + (at < 0 ? authority : authority.substring(at + 1))
					+ (uri.getRawPath() == null ? "" : uri.getRawPath()) + (query == null ? "" : "?" + query)
					+ (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment()))
				.toString();
		}
		catch (URISyntaxException ex) {
			return uri.getScheme() + "://" + (uri.getHost() == null ? "?" : uri.getHost()) + "/…";
		}
	}

	/** A URL given as text; one that does not parse is shown only by its scheme. */
	public static String shown(String url) {
		try {
			return shown(new URI(url.trim()));
		}
		catch (URISyntaxException ex) {
			int colon = url.indexOf(':');
			return colon > 0 && url.indexOf('@') < 0 ? url
					: (colon > 0 ? url.substring(0, colon) : "a URL") + " (not shown)";
		}
	}

	private static String redactQuery(String query) {
		StringBuilder out = new StringBuilder();
		for (String pair : query.split("&", -1)) {
			if (!out.isEmpty()) {
				out.append('&');
			}
			int equals = pair.indexOf('=');
			String name = equals < 0 ? pair : pair.substring(0, equals);
			out.append(
					equals >= 0 && SECRET.matcher(name.toLowerCase(Locale.ROOT)).matches() ? name + "=redacted" : pair);
		}
		return out.toString();
	}

}
