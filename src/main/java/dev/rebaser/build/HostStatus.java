package dev.rebaser.build;

import java.time.Instant;

/**
 * Whether a build host's daemon answered the last time the scheduler asked, and if not,
 * why.
 */
public record HostStatus(String host, boolean reachable, String reason, Instant since, int running, int concurrency) {
}
