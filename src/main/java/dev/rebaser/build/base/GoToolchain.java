package dev.rebaser.build.base;

/**
 * A Go toolchain image the daemon has: {@code reference} is tagged with the Go release it
 * really contains ({@code rebaser/go-toolchain:1.19.8}); it runs natively on the build
 * host's {@code architecture} and cross-compiles for any target.
 */
public record GoToolchain(String reference, String goVersion, String imageId, String architecture, boolean made) {
}
