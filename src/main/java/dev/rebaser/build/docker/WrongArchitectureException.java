package dev.rebaser.build.docker;

/**
 * The build gave an image, but for another architecture than asked: the base image
 * carries the wrong one.
 */
public class WrongArchitectureException extends BuildFailedException {

	public WrongArchitectureException(String log, String reason) {
		super(log, reason);
	}

}
