package dev.rebaser.gobuild;

/**
 * A Go release the Kubernetes tree builds its test images with, such as {@code 1.22.3},
 * and the file (or Makefile variable) it was read from.
 */
public record GoRelease(String version, String source) {

	public GoRelease {
		if (GoVersion.parts(version) == null) {
			throw new IllegalArgumentException("not a Go release: " + version);
		}
	}

	/**
	 * Compares the numbers one by one, so 1.9 is older than 1.10; a missing patch number
	 * counts as 0, so 1.20 and 1.20.0 are the same release.
	 */
	public boolean olderThan(GoRelease other) {
		int[] mine = GoVersion.parts(version);
		int[] theirs = GoVersion.parts(other.version);
		for (int i = 0; i < 3; i++) {
			if (mine[i] != theirs[i]) {
				return mine[i] < theirs[i];
			}
		}
		return false;
	}

}
