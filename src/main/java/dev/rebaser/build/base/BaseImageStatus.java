package dev.rebaser.build.base;

/**
 * Whether a build host's daemon holds a base image, as {@code arch} builds need it. An
 * image under the reference but of another architecture is present, yet not usable:
 * builds on it would come out for that architecture.
 */
public record BaseImageStatus(String host, String reference, String suite, String arch, boolean present, String imageId,
		String architecture) {

	public static BaseImageStatus absent(String host, String reference, String suite, String arch) {
		return new BaseImageStatus(host, reference, suite, arch, false, null, null);
	}

	public boolean usable() {
		return present && arch.equals(architecture);
	}
}
