package dev.rebaser.build.docker;

import java.time.Duration;

/**
 * A finished build: the full image id ({@code sha256:…}), its log, the architecture it
 * carries, and how long it took.
 */
public record BuildOutcome(String imageId, String log, String architecture, Duration took) {
}
