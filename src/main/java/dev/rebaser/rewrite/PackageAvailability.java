package dev.rebaser.rewrite;

/** The warning code shared by the rules' own availability notes and the index look-up. */
final class PackageAvailability {

	static final String CODE = "package-unavailable";

	private PackageAvailability() {
	}

}
