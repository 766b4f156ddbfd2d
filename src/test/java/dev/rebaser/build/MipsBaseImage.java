package dev.rebaser.build;

import dev.rebaser.build.base.BaseImageIT;

/**
 * The Debian bookworm mips64el base image for tests outside this package that build on
 * the real daemon: the same bootstrap (or reuse of the cached rootfs and the daemon's
 * image) as {@link BaseImageIT}, so every such test finds the base in place however the
 * tests are ordered.
 */
public final class MipsBaseImage {

	private MipsBaseImage() {
	}

	/**
	 * Makes sure the daemon has {@value BaseImageIT#BASE} for mips64le; cheap when it is
	 * there already.
	 */
	public static void ensure() {
		BaseImageIT.ensureBase();
	}

}
