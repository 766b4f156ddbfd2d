package dev.rebaser.catalog;

import dev.rebaser.context.ArchiveLimits;
import dev.rebaser.context.BuildContext;
import dev.rebaser.context.ContextDirectory;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One folder of a git repository at a ref, fetched with the machine's {@code git}: a
 * shallow fetch of just that ref into a scratch repository, checked out, read, and
 * removed. A branch, a tag or, where the server allows it, a commit id can be the ref.
 *
 * <p>
 * A catalog.yaml can come with an uploaded tree, so its git URLs go only where the
 * {@link AddressPolicy} allows: http(s) to a host whose addresses pass, and git is made
 * to connect to those checked addresses ({@code http.curloptResolve}), to follow no
 * redirect and to speak no other protocol ({@code GIT_ALLOW_PROTOCOL}). git://, ssh://
 * and file:// URLs, whose hosts or paths git would reach unchecked, only with the opt-in
 * for private fetches.
 */
final class GitSources {

	private static final List<String> PUBLIC_SCHEMES = List.of("https", "http");

	private static final List<String> ALL_SCHEMES = List.of("https", "http", "git", "ssh", "file");

	private final Duration timeout;

	private static final int MAX_OUTPUT = 16 * 1024;

	private final AddressPolicy policy;

	private final ArchiveLimits limits;

	GitSources(Duration timeout, AddressPolicy policy, ArchiveLimits limits) {
		this.timeout = timeout;
		this.limits = limits;
		this.policy = policy;
	}

	BuildContext folder(String url, String ref, String path) throws IOException {
		List<String> schemes = policy.allowsPrivate() ? ALL_SCHEMES : PUBLIC_SCHEMES;
		URI uri;
		try {
			uri = new URI(url);
		}
		catch (URISyntaxException ex) {
			throw refusedScheme(url, schemes);
		}
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (!schemes.contains(scheme)) {
			throw refusedScheme(url, schemes);
		}
		if (ref.startsWith("-")) {
			throw new IOException("a git ref may not start with '-': " + ref);
		}
		List<String> options = new ArrayList<>(List.of("-c", "http.followRedirects=false"));
		if (PUBLIC_SCHEMES.contains(scheme)) {
			if (uri.getHost() == null) {
				throw new RefusedSourceException("a git source URL needs a host: " + ShownUrls.shown(url));
			}
			List<InetAddress> addresses = policy.checkHost(uri.getHost());
			if (!uri.getHost().startsWith("[")) {
				int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
				options.addAll(List.of("-c", "http.curloptResolve=" + uri.getHost() + ":" + port + ":"
						+ String.join(",", addresses.stream().map(GitSources::curlAddress).toList())));
			}
		}
		Path scratch = Files.createTempDirectory("rebaser-git-");
		try {
			git(scratch, List.of(), url, "init", "--quiet");
			List<String> fetch = new ArrayList<>(options);
			fetch.addAll(List.of("fetch", "--quiet", "--depth", "1", "--no-tags", "--", url, ref));
			git(scratch, schemes, url, fetch.toArray(String[]::new));
			git(scratch, List.of(), url, "-c", "advice.detachedHead=false", "checkout", "--quiet", "FETCH_HEAD");
			Path folder = scratch.resolve(path).normalize();
			if (!folder.startsWith(scratch) || !Files.isDirectory(folder)) {
				throw new IOException(ShownUrls.shown(url) + " at " + ref + " has no folder " + path);
			}
			// a path through a symbolic link of the checkout could lead anywhere on this
			// machine: compare where it really is, not how it is spelled
			Path real = folder.toRealPath();
			if (!real.startsWith(scratch.toRealPath())) {
				throw new IOException("the folder " + path + " of " + url + " at " + ref
						+ " leads outside the checkout through a symbolic link");
			}
			folder = real;
			return ContextDirectory.read(folder, limits, relative -> relative.equals(".git"));
		}
		finally {
			delete(scratch);
		}
	}

	private RefusedSourceException refusedScheme(String url, List<String> schemes) {
		return new RefusedSourceException("a git source needs a URL starting with one of "
				+ schemes.stream().map(scheme -> scheme + "://").toList() + ", not " + ShownUrls.shown(url)
				+ (policy.allowsPrivate() ? ""
						: "; git://, ssh:// and file:// only with rebaser.catalog.allow-private-fetches"));
	}

	/** An address as curl's resolve list takes it: IPv6 in brackets. */
	private static String curlAddress(InetAddress address) {
		return address instanceof Inet6Address ? "[" + address.getHostAddress() + "]" : address.getHostAddress();
	}

	/**
	 * @param protocols the only ones git may use
	 * @param url shown without its credentials where git's output names it
	 */
	private void git(Path repository, List<String> protocols, String url, String... arguments) throws IOException {
		List<String> command = new ArrayList<>(List.of("git", "-C", repository.toString()));
		command.addAll(List.of(arguments));
		String name = subcommand(arguments);
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		// never wait for a password on a terminal nobody watches
		builder.environment().put("GIT_TERMINAL_PROMPT", "0");
		builder.environment().put("GIT_SSH_COMMAND", "ssh -o BatchMode=yes");
		builder.environment().put("GIT_ALLOW_PROTOCOL", protocols.isEmpty() ? "none" : String.join(":", protocols));
		// git's output goes to a file, so that the wait below is bounded by the timeout
		// however long git writes, and only its last part is read
		Path log = Files.createTempFile("rebaser-git-", ".log");
		try {
			builder.redirectOutput(log.toFile());
			run(builder, name, url, log);
		}
		finally {
			Files.deleteIfExists(log);
		}
	}

	private void run(ProcessBuilder builder, String name, String url, Path log) throws IOException {
		Process process = builder.start();
		try {
			if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly();
				throw new IOException("git " + name + " took longer than " + timeout);
			}
		}
		catch (InterruptedException e) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
			throw new IOException("interrupted while git " + name + " ran", e);
		}
		if (process.exitValue() != 0) {
			String said = new String(tail(log), StandardCharsets.UTF_8).strip().replace(url, ShownUrls.shown(url));
			throw new IOException("git " + name + " failed: " + said);
		}
	}

	/** The last {@value #MAX_OUTPUT} bytes git wrote, which say why it failed. */
	private static byte[] tail(Path log) throws IOException {
		try (SeekableByteChannel channel = Files.newByteChannel(log)) {
			long size = channel.size();
			channel.position(Math.max(0, size - MAX_OUTPUT));
			ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(size, MAX_OUTPUT));
			while (buffer.hasRemaining() && channel.read(buffer) > 0) {
				// reads until the buffer is full
			}
			return Arrays.copyOf(buffer.array(), buffer.position());
		}
	}

	/** The git command among the arguments, after the {@code -c} options. */
	private static String subcommand(String... arguments) {
		int at = 0;
		while (at < arguments.length - 1 && arguments[at].equals("-c")) {
			at += 2;
		}
		return arguments[at];
	}

	private static void delete(Path folder) throws IOException {
		try (Stream<Path> paths = Files.walk(folder)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}

}
