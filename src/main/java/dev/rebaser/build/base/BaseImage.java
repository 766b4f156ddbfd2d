package dev.rebaser.build.base;

/**
 * A base image as the daemon holds it; {@code loaded} tells whether this run put it
 * there.
 */
public record BaseImage(String reference, String imageId, String architecture, boolean loaded) {
}
