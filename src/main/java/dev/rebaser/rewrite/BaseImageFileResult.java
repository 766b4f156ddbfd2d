package dev.rebaser.rewrite;

import java.util.List;

/**
 * A rewritten Kubernetes BASEIMAGE file; lines in changes and warnings are lines of the
 * input file.
 */
public record BaseImageFileResult(String text, List<Change> changes, List<RewriteWarning> warnings) {

	public BaseImageFileResult {
		changes = List.copyOf(changes);
		warnings = List.copyOf(warnings);
	}
}
