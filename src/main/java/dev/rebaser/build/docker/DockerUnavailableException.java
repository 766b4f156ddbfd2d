package dev.rebaser.build.docker;

/** The Docker daemon could not be reached or did not answer as a daemon does. */
public class DockerUnavailableException extends RuntimeException {

	public DockerUnavailableException(String message) {
		super(message);
	}

	public DockerUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
