package dev.rebaser.catalog;

import dev.rebaser.context.BuildContext;
import dev.rebaser.context.ContextDirectory;
import dev.rebaser.context.ContextFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One folder of a git repository at a ref, fetched with the machine's {@code git}: a
 * shallow fetch of just that ref into a scratch repository, checked out, read, and
 * removed. A branch, a tag or, where the server allows it, a commit id can be the ref.
 */
final class GitSources {

	private static final List<String> SCHEMES = List.of("https://", "http://", "git://", "ssh://", "file://");

	private final Duration timeout;

	GitSources(Duration timeout) {
		this.timeout = timeout;
	}

	BuildContext folder(String url, String ref, String path) throws IOException {
		if (SCHEMES.stream().noneMatch(scheme -> url.toLowerCase(Locale.ROOT).startsWith(scheme))) {
			throw new IOException("a git source needs a URL starting with one of " + SCHEMES + ", not " + url);
		}
		if (ref.startsWith("-") || url.startsWith("-")) {
			throw new IOException("a git ref or URL may not start with '-': " + ref);
		}
		Path scratch = Files.createTempDirectory("rebaser-git-");
		try {
			git(scratch, "init", "--quiet");
			git(scratch, "fetch", "--quiet", "--depth", "1", "--no-tags", "--", url, ref);
			git(scratch, "-c", "advice.detachedHead=false", "checkout", "--quiet", "FETCH_HEAD");
			Path folder = scratch.resolve(path).normalize();
			if (!folder.startsWith(scratch) || !Files.isDirectory(folder)) {
				throw new IOException(url + " at " + ref + " has no folder " + path);
			}
			BuildContext context = new BuildContext();
			for (ContextFile file : ContextDirectory.read(folder).files()) {
				if (!file.path().equals(".git") && !file.path().startsWith(".git/")) {
					context.put(file);
				}
			}
			return context;
		}
		finally {
			delete(scratch);
		}
	}

	private void git(Path repository, String... arguments) throws IOException {
		List<String> command = new ArrayList<>(List.of("git", "-C", repository.toString()));
		command.addAll(List.of(arguments));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		// never wait for a password on a terminal nobody watches
		builder.environment().put("GIT_TERMINAL_PROMPT", "0");
		builder.environment().put("GIT_SSH_COMMAND", "ssh -o BatchMode=yes");
		Process process = builder.start();
		byte[] output = process.getInputStream().readAllBytes();
		try {
			if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly();
				throw new IOException("git " + arguments[0] + " took longer than " + timeout);
			}
		}
		catch (InterruptedException e) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
			throw new IOException("interrupted while git " + arguments[0] + " ran", e);
		}
		if (process.exitValue() != 0) {
			throw new IOException(
					"git " + arguments[0] + " failed: " + new String(output, StandardCharsets.UTF_8).strip());
		}
	}

	private static void delete(Path folder) throws IOException {
		try (Stream<Path> paths = Files.walk(folder)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}

}
