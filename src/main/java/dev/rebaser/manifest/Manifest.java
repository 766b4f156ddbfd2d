package dev.rebaser.manifest;

import java.util.List;

/**
 * The images a manifest.go declares, in declaration order, and what could not be read.
 */
public record Manifest(List<ManifestImage> images, List<ManifestWarning> warnings) {

	public Manifest {
		images = List.copyOf(images);
		warnings = List.copyOf(warnings);
	}
}
