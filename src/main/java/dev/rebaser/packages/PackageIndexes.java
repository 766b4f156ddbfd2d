package dev.rebaser.packages;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The package indexes of Debian suites × architectures, kept in a cache folder and read
 * from the machine's apt lists or a Debian mirror when missing.
 *
 * <p>
 * {@link #get} answers from memory, else the cache file, else the apt lists, else the
 * mirror (cheapest first; the apt lists cost no network). {@link #refresh} ignores the
 * cache and asks the mirror first, because a refresh is asked for to get what the archive
 * holds now; it falls back to the apt lists when the mirror cannot be had. A failed
 * refresh leaves the cache as it was. Thread-safe; each suite × arch is loaded once even
 * when asked for concurrently.
 */
public final class PackageIndexes {

	private static final System.Logger LOG = System.getLogger(PackageIndexes.class.getName());

	private final IndexCache cache;

	private final AptSources sources;

	private final DebianMirror mirror;

	private final AptLists aptLists;

	private final Clock clock;

	private final Map<SuiteArch, IndexCache.Entry> loaded = new ConcurrentHashMap<>();

	private final Map<SuiteArch, Object> locks = new ConcurrentHashMap<>();

	public PackageIndexes(Path cacheDir, AptSources sources, HttpClient http, Path aptListsDir) {
		this(cacheDir, sources, http, aptListsDir, Clock.systemUTC());
	}

	PackageIndexes(Path cacheDir, AptSources sources, HttpClient http, Path aptListsDir, Clock clock) {
		this.cache = new IndexCache(cacheDir);
		this.sources = sources;
		this.mirror = new DebianMirror(http);
		this.aptLists = new AptLists(aptListsDir);
		this.clock = clock;
	}

	/**
	 * @throws PackageIndexUnavailableException naming every source tried and why it
	 * failed
	 */
	public PackageIndex get(SuiteArch which) {
		IndexCache.Entry known = loaded.get(which);
		if (known != null) {
			return known.index();
		}
		synchronized (lockFor(which)) {
			known = loaded.get(which);
			if (known == null) {
				known = fromCache(which).orElseGet(() -> load(which, false));
				loaded.put(which, known);
			}
			return known.index();
		}
	}

	/**
	 * @throws PackageIndexUnavailableException naming every source tried and why it
	 * failed
	 */
	public PackageIndex refresh(SuiteArch which) {
		synchronized (lockFor(which)) {
			IndexCache.Entry fresh = load(which, true);
			loaded.put(which, fresh);
			return fresh.index();
		}
	}

	/**
	 * Where the index {@link #get} would answer from came from, if it is loaded or
	 * cached.
	 */
	public Optional<IndexOrigin> origin(SuiteArch which) {
		IndexCache.Entry known = loaded.get(which);
		if (known != null) {
			return Optional.of(known.origin());
		}
		return fromCache(which).map(IndexCache.Entry::origin);
	}

	private Object lockFor(SuiteArch which) {
		return locks.computeIfAbsent(which, k -> new Object());
	}

	/**
	 * A cache file that cannot be read is as good as none: it is rebuilt from the
	 * sources.
	 */
	private Optional<IndexCache.Entry> fromCache(SuiteArch which) {
		try {
			return cache.read(which);
		}
		catch (IOException | RuntimeException e) {
			LOG.log(System.Logger.Level.WARNING,
					"ignoring the package index cache of " + which + ": " + e.getMessage());
			return Optional.empty();
		}
	}

	private IndexCache.Entry load(SuiteArch which, boolean mirrorFirst) {
		List<String> failures = new ArrayList<>();
		Optional<IndexCache.Entry> found = mirrorFirst
				? fromMirror(which, failures).or(() -> fromAptLists(which, failures))
				: fromAptLists(which, failures).or(() -> fromMirror(which, failures));
		IndexCache.Entry entry = found.orElseThrow(() -> new PackageIndexUnavailableException(
				"no Debian package index for " + which + ": " + String.join("; ", failures)));
		try {
			cache.write(which, entry);
		}
		catch (IOException | RuntimeException e) {
			// The index is good; only the next start will have to read it again.
			LOG.log(System.Logger.Level.WARNING,
					"cannot write the package index cache " + cache.fileFor(which) + ": " + e.getMessage());
		}
		return entry;
	}

	private Optional<IndexCache.Entry> fromAptLists(SuiteArch which, List<String> failures) {
		try {
			AptLists.Lookup lookup = aptLists.find(which, sources.mirrorFor(which.suite()));
			if (lookup.file().isEmpty()) {
				failures.add(lookup.whyNot());
				return Optional.empty();
			}
			Path file = lookup.file().get();
			try (InputStream in = Decompression.open(Files.newInputStream(file))) {
				PackageIndex index = PackageIndex.parse(in);
				return Optional.of(new IndexCache.Entry(index, new IndexOrigin(file.toString(), clock.instant())));
			}
			catch (MalformedControlFileException e) {
				failures.add("apt list " + file + ": " + e.getMessage());
			}
		}
		catch (IOException | UncheckedIOException e) {
			failures.add("apt lists: " + e.getMessage());
		}
		return Optional.empty();
	}

	private Optional<IndexCache.Entry> fromMirror(SuiteArch which, List<String> failures) {
		Optional<URI> base = sources.mirrorFor(which.suite());
		if (base.isEmpty()) {
			String problems = sources.problems().isEmpty() ? ""
					: " (skipped: " + String.join("; ", sources.problems()) + ")";
			failures.add("no http(s) deb entry for suite " + which.suite() + " with component main in the apt sources"
					+ problems);
			return Optional.empty();
		}
		URI packages = DebianMirror.packagesUri(base.get(), which);
		try {
			PackageIndex index = mirror.fetch(packages);
			return Optional.of(new IndexCache.Entry(index, new IndexOrigin(packages.toString(), clock.instant())));
		}
		catch (MalformedControlFileException e) {
			failures.add(packages + ": " + e.getMessage());
		}
		catch (IOException | UncheckedIOException e) {
			failures.add(packages + ": " + describe(e));
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new PackageIndexUnavailableException("interrupted while fetching " + packages, e);
		}
		return Optional.empty();
	}

	private static String describe(Exception e) {
		return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
	}

}
