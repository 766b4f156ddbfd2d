package dev.rebaser.rewrite;

import java.util.List;

/**
 * A rewritten Kubernetes BASEIMAGE file; lines in changes and warnings are lines of the
 * input file.
 *
 * @param baseImage the image the file named for the target before the rewrite: the
 * target's own line, or the line the target's was derived from; null when it names none.
 * A Dockerfile's {@code FROM $BASEIMAGE} starts from it, so it goes through the
 * base-image rules as a FROM line's image would
 */
public record BaseImageFileResult(String text, List<Change> changes, List<RewriteWarning> warnings, String baseImage) {

	public BaseImageFileResult {
		changes = List.copyOf(changes);
		warnings = List.copyOf(warnings);
	}

}
