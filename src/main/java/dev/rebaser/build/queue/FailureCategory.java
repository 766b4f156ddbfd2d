package dev.rebaser.build.queue;

/**
 * Why a build did not give an image, coarse enough to decide whether another attempt can
 * help.
 */
public enum FailureCategory {

	/** The daemon could not be reached; the job waits instead of failing. */
	DOCKER_UNAVAILABLE,
	/** The daemon ran the build and a step failed, or it refused the Dockerfile. */
	BUILD_FAILED,
	/**
	 * The image came out for another architecture than the job's: the base image is
	 * wrong, and again will not help.
	 */
	WRONG_ARCH,
	/** The job's build context could not be produced. */
	CONTEXT_UNAVAILABLE,
	/** Anything else that went wrong in Rebaser itself. */
	INTERNAL_ERROR;

	public boolean worthRetrying() {
		return this == BUILD_FAILED || this == INTERNAL_ERROR;
	}

}
