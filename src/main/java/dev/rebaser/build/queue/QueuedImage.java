package dev.rebaser.build.queue;

import java.util.Set;

/**
 * An image to queue: its catalog key, the keys of the catalog images it is built on, the
 * reference the build tags it with, and, when the catalog already knows it cannot be
 * built, why.
 */
public record QueuedImage(String key, Set<String> parentKeys, String imageReference, int priority,
		String unresolvableReason) {

	public QueuedImage {
		if (key == null || key.isBlank()) {
			throw new IllegalArgumentException("a queued image needs a key");
		}
		parentKeys = parentKeys == null ? Set.of() : Set.copyOf(parentKeys);
	}

	public static QueuedImage of(String key, String imageReference, String... parentKeys) {
		return new QueuedImage(key, Set.of(parentKeys), imageReference, 0, null);
	}
}
