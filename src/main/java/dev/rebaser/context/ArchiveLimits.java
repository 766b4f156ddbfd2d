package dev.rebaser.context;

/**
 * How much an uploaded context may unpack to. The compressed size says nothing about
 * this, so the reader counts what it really unpacks and stops at the first limit crossed.
 * Entries a reader skips are still inflated to get past them, so they have a limit of
 * their own, counted by the size their headers declare before any of it is inflated.
 */
public record ArchiveLimits(int maxEntries, long maxTotalBytes, long maxSkippedBytes) {

	/**
	 * Room for a whole Kubernetes source tree around the few folders an import keeps.
	 */
	public static final long DEFAULT_MAX_SKIPPED_BYTES = 4L * 1024 * 1024 * 1024;

	public ArchiveLimits(int maxEntries, long maxTotalBytes) {
		this(maxEntries, maxTotalBytes, DEFAULT_MAX_SKIPPED_BYTES);
	}

	public static ArchiveLimits defaults() {
		return new ArchiveLimits(10_000, 64L * 1024 * 1024);
	}

	/**
	 * What is left of these limits once a context has been read against them, for the
	 * next part of one source.
	 */
	public ArchiveLimits after(BuildContext read) {
		long bytes = 0;
		for (ContextFile file : read.files()) {
			bytes += file.kind() == ContextFile.Kind.FILE ? file.content().length : 0;
		}
		return new ArchiveLimits(maxEntries - read.size(), maxTotalBytes - bytes, maxSkippedBytes);
	}

}
