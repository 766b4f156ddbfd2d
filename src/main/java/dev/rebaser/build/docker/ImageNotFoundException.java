package dev.rebaser.build.docker;

/** The daemon holds no image under a reference (or id) that was asked for. */
public class ImageNotFoundException extends RuntimeException {

	private final String reference;

	public ImageNotFoundException(String reference) {
		super("the Docker daemon has no image " + reference);
		this.reference = reference;
	}

	public String reference() {
		return reference;
	}

}
