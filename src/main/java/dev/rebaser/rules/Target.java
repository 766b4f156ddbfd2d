package dev.rebaser.rules;

import java.util.Optional;

/**
 * A distro release on one architecture, e.g. {@code debian-bookworm/mips64le}.
 *
 * @param name the distro release part of the key, e.g. {@code debian-bookworm}
 * @param arch the architecture part (a key of the dialect's architectures)
 * @param officialImages whether official Docker Hub images exist for this target, so a
 * base-image rule may use its Debian-based official image
 * @param bootstrap how the base image is made when no registry serves it
 * @param externallyManagedPython whether the system Python refuses {@code pip install}
 * (PEP 668)
 */
public record Target(String name, String arch, Distro distro, String release, String baseImage,
		PackageManager packageManager, boolean officialImages, Optional<String> bootstrap,
		boolean externallyManagedPython, Optional<String> notes) {

	/** The key in the rules files: {@code name/arch}. */
	public String key() {
		return name + "/" + arch;
	}

	/** The rule id that shows up in the change report. */
	public String id() {
		return "target:" + key();
	}
}
