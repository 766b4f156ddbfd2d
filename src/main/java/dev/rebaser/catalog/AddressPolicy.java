package dev.rebaser.catalog;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which addresses the service may fetch from: a URL of an import or of a
 * {@code catalog.yaml} source is not a way to make it reach into the network it runs in.
 *
 * <p>
 * Every address is one of three kinds. A <em>public</em> address may always be fetched
 * from. A <em>local</em> one (loopback, the private and shared ranges, link-local, unique
 * local) only when the operator opts in with
 * {@code rebaser.catalog.allow-private-fetches}, e.g. for a mirror next to the service.
 * An address no fetch has any business with (the unspecified address and 0/8, multicast,
 * broadcast and the reserved 240/4, the documentation and benchmarking ranges) is refused
 * either way. IPv6 forms that carry an IPv4 address (mapped, compatible, NAT64, 6to4,
 * Teredo) are judged by the address they carry.
 *
 * <p>
 * A host name is resolved once and every address it resolves to must pass; the checked
 * addresses are what the caller is given to connect to.
 */
public final class AddressPolicy {

	/** How far an address is from the open internet. */
	public enum Kind {

		PUBLIC, LOCAL, NEVER

	}

	/** The kind of an address and, when it is not public, the range that makes it so. */
	public record Verdict(Kind kind, String range) {

		static final Verdict PUBLIC = new Verdict(Kind.PUBLIC, "public");

	}

	/** Host names to addresses; the machine's resolver but in tests. */
	@FunctionalInterface
	interface Resolver {

		InetAddress[] resolve(String host) throws UnknownHostException;

	}

	private final boolean allowLocal;

	private final Resolver resolver;

	AddressPolicy(boolean allowLocal, Resolver resolver) {
		this.allowLocal = allowLocal;
		this.resolver = resolver;
	}

	private AddressPolicy(boolean allowLocal) {
		this(allowLocal, InetAddress::getAllByName);
	}

	/** Public addresses only: the default. */
	public static AddressPolicy publicOnly() {
		return new AddressPolicy(false);
	}

	/**
	 * Public and local addresses, as {@code rebaser.catalog.allow-private-fetches}
	 * allows.
	 */
	public static AddressPolicy allowingPrivate() {
		return new AddressPolicy(true);
	}

	public static AddressPolicy of(boolean allowPrivate) {
		return allowPrivate ? allowingPrivate() : publicOnly();
	}

	public boolean allowsPrivate() {
		return allowLocal;
	}

	/** Whether a fetch may connect to this address. */
	public boolean allows(InetAddress address) {
		Kind kind = classify(address).kind();
		return kind == Kind.PUBLIC || kind == Kind.LOCAL && allowLocal;
	}

	/**
	 * The addresses of the URL's host, all checked.
	 * @throws RefusedSourceException when the URL is not http(s) with a host, or one of
	 * its host's addresses is refused
	 * @throws UnknownHostException when the host does not resolve
	 */
	public List<InetAddress> check(URI uri) throws IOException {
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
			throw new RefusedSourceException(
					"only http and https URLs with a host can be fetched, not " + ShownUrls.shown(uri));
		}
		return checkHost(uri.getHost());
	}

	/** The host's addresses, all checked. */
	public List<InetAddress> checkHost(String host) throws IOException {
		String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
		List<InetAddress> addresses;
		try {
			addresses = List.of(resolver.resolve(bare));
		}
		catch (UnknownHostException ex) {
			throw new UnknownHostException("unknown host " + bare);
		}
		for (InetAddress address : addresses) {
			Verdict verdict = classify(address);
			if (verdict.kind() == Kind.NEVER) {
				throw new RefusedSourceException(bare + " is " + address.getHostAddress() + ", " + verdict.range()
						+ ", which is never fetched from");
			}
			if (verdict.kind() == Kind.LOCAL && !allowLocal) {
				throw new RefusedSourceException(bare + " is a private address (" + address.getHostAddress() + ", "
						+ verdict.range() + "); fetches go to public addresses only unless "
						+ "rebaser.catalog.allow-private-fetches is set");
			}
		}
		return addresses;
	}

	/** The kind of an address, whatever this policy allows. */
	public static Verdict classify(InetAddress address) {
		byte[] bytes = address.getAddress();
		return bytes.length == 4 ? classify4(bytes, 0) : classify6(bytes);
	}

	private static Verdict classify4(byte[] bytes, int at) {
		int a = bytes[at] & 0xff;
		int b = bytes[at + 1] & 0xff;
		int c = bytes[at + 2] & 0xff;
		if (a == 0) {
			return never("0.0.0.0/8, this network");
		}
		if (a == 10) {
			return local("10.0.0.0/8, private");
		}
		if (a == 100 && (b & 0xc0) == 64) {
			return local("100.64.0.0/10, shared address space");
		}
		if (a == 127) {
			return local("127.0.0.0/8, loopback");
		}
		if (a == 169 && b == 254) {
			return local("169.254.0.0/16, link-local");
		}
		if (a == 172 && (b & 0xf0) == 16) {
			return local("172.16.0.0/12, private");
		}
		if (a == 192 && b == 0 && c == 0) {
			return local("192.0.0.0/24, IETF protocol assignments");
		}
		if (a == 192 && b == 0 && c == 2 || a == 198 && b == 51 && c == 100 || a == 203 && b == 0 && c == 113) {
			return never("a TEST-NET documentation range");
		}
		if (a == 192 && b == 88 && c == 99) {
			return never("192.88.99.0/24, 6to4 relay anycast");
		}
		if (a == 192 && b == 168) {
			return local("192.168.0.0/16, private");
		}
		if (a == 198 && (b & 0xfe) == 18) {
			return never("198.18.0.0/15, benchmarking");
		}
		if (a >= 224 && a < 240) {
			return never("224.0.0.0/4, multicast");
		}
		if (a >= 240) {
			return never("240.0.0.0/4, reserved and broadcast");
		}
		return Verdict.PUBLIC;
	}

	private static Verdict classify6(byte[] bytes) {
		int first = (bytes[0] & 0xff) << 8 | bytes[1] & 0xff;
		int second = (bytes[2] & 0xff) << 8 | bytes[3] & 0xff;
		if (zero(bytes, 0, 15) && (bytes[15] == 0 || bytes[15] == 1)) {
			return bytes[15] == 0 ? never("::, unspecified") : local("::1, loopback");
		}
		if (zero(bytes, 0, 10) && (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff || zero(bytes, 0, 12)) {
			return embedded("an IPv4 address in IPv6 form", classify4(bytes, 12));
		}
		if (first == 0x64 && second == 0xff9b && zero(bytes, 4, 12)) {
			return embedded("NAT64 64:ff9b::/96", classify4(bytes, 12));
		}
		if (first == 0x64 && second == 0xff9b) {
			return local("64:ff9b:1::/48, local-use NAT64");
		}
		if (first == 0x2002) {
			return embedded("6to4 2002::/16", classify4(bytes, 2));
		}
		if (first == 0x2001 && second == 0) {
			Verdict server = classify4(bytes, 4);
			byte[] client = new byte[4];
			for (int i = 0; i < 4; i++) {
				client[i] = (byte) ~bytes[12 + i];
			}
			Verdict clientVerdict = classify4(client, 0);
			return embedded("Teredo 2001::/32",
					server.kind().compareTo(clientVerdict.kind()) >= 0 ? server : clientVerdict);
		}
		if (first == 0x2001 && second == 0xdb8) {
			return never("2001:db8::/32, documentation");
		}
		if ((first & 0xfe00) == 0xfc00) {
			return local("fc00::/7, unique local");
		}
		if ((first & 0xffc0) == 0xfe80) {
			return local("fe80::/10, link-local");
		}
		if ((first & 0xffc0) == 0xfec0) {
			return local("fec0::/10, site-local");
		}
		if ((first & 0xff00) == 0xff00) {
			return never("ff00::/8, multicast");
		}
		return Verdict.PUBLIC;
	}

	private static boolean zero(byte[] bytes, int from, int to) {
		for (int i = from; i < to; i++) {
			if (bytes[i] != 0) {
				return false;
			}
		}
		return true;
	}

	private static Verdict embedded(String form, Verdict inner) {
		return inner.kind() == Kind.PUBLIC ? Verdict.PUBLIC : new Verdict(inner.kind(), inner.range() + " in " + form);
	}

	private static Verdict local(String range) {
		return new Verdict(Kind.LOCAL, range);
	}

	private static Verdict never(String range) {
		return new Verdict(Kind.NEVER, range);
	}

}
