package dev.rebaser.packages;

import java.time.Instant;

/**
 * Where a cached index came from (an apt list file or a mirror URL) and when it was read
 * there, so a user can tell how old the answer "package X does not exist" is.
 */
public record IndexOrigin(String source, Instant readAt) {
}
