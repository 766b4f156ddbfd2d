package dev.rebaser.build;

import dev.rebaser.build.docker.BuildFailedException;
import dev.rebaser.build.docker.BuildOutcome;
import dev.rebaser.build.docker.DockerUnavailableException;
import dev.rebaser.build.queue.BuildJob;
import dev.rebaser.build.queue.LogSink;

/**
 * Builds the image of a claimed job on one Docker host. The scheduler calls
 * {@link #probe()} before claiming work for the host, and asks for the job's input digest
 * before building, so an unchanged image is not built again.
 */
public interface BuildExecutor {

	/**
	 * Builds the job's image, writing the build's output to log as it comes.
	 * @throws DockerUnavailableException when the daemon cannot be reached
	 * @throws BuildFailedException when the build ran and gave no usable image
	 */
	BuildOutcome build(BuildJob job, LogSink log);

	/**
	 * Fails with {@link DockerUnavailableException} while the host's daemon cannot be
	 * reached.
	 */
	default void probe() {
	}

	/**
	 * The digest of everything the build would consume, or null when this executor cannot
	 * tell.
	 */
	default String inputDigest(BuildJob job) {
		return null;
	}

	/** Whether the host still has that image. */
	default boolean hasImage(String imageId) {
		return false;
	}

}
