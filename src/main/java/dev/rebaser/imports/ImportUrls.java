package dev.rebaser.imports;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * A release tarball URL must be http(s) on a public address: an import is not a way to
 * make the service fetch from the private network it runs in.
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
			throw new ImportException("not a URL: " + url);
		}
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
			throw new ImportException("only http and https URLs with a host can be imported, not " + url);
		}
		try {
			for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
				if (address.isSiteLocalAddress() || address.isLinkLocalAddress() || address.isAnyLocalAddress()
						|| isUniqueLocal(address)) {
					throw new ImportException(uri.getHost() + " is a private address (" + address.getHostAddress()
							+ "); imports fetch " + "only from public addresses or this machine");
				}
			}
		}
		catch (UnknownHostException ex) {
			throw new ImportException("unknown host " + uri.getHost());
		}
		return uri;
	}

	/** IPv6 fc00::/7, which InetAddress does not count as site-local. */
	private static boolean isUniqueLocal(InetAddress address) {
		byte[] bytes = address.getAddress();
		return bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
	}

}
