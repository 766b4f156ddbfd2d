package dev.rebaser.context;

/**
 * How much an uploaded context may unpack to. The compressed size says nothing about
 * this, so the reader counts what it really unpacks and stops at the first limit crossed.
 */
public record ArchiveLimits(int maxEntries, long maxTotalBytes) {

	public static ArchiveLimits defaults() {
		return new ArchiveLimits(10_000, 64L * 1024 * 1024);
	}

}
