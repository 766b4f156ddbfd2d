package dev.rebaser.catalog;

import java.io.IOException;

/** A URL or host a fetch refuses to go to, and why. */
public class RefusedSourceException extends IOException {

	public RefusedSourceException(String message) {
		super(message);
	}

}
