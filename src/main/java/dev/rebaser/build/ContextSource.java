package dev.rebaser.build;

import dev.rebaser.build.queue.BuildJob;
import dev.rebaser.context.BuildContext;
import java.util.List;
import java.util.Map;

/**
 * What the build of a job consumes, supplied by whoever knows the images (the catalog and
 * the rewrite).
 */
public interface ContextSource {

	/** The build context, with the Dockerfile already rewritten for the target. */
	BuildContext contextFor(BuildJob job);

	/** The path of the Dockerfile inside the context. */
	default String dockerfile(BuildJob job) {
		return "Dockerfile";
	}

	/** Build arguments, such as Kubernetes' {@code BASEIMAGE} and {@code REGISTRY}. */
	default Map<String, String> buildArgs(BuildJob job) {
		return Map.of();
	}

	/** The references to tag the image with; by default the job's image reference. */
	default List<String> tags(BuildJob job) {
		return job.getImageReference() == null ? List.of() : List.of(job.getImageReference());
	}

	/**
	 * The local images the build starts from, whose ids go into the input digest: when a
	 * base image is rebuilt, its children are no longer up to date.
	 */
	default List<String> baseImages(BuildJob job) {
		return List.of();
	}

}
