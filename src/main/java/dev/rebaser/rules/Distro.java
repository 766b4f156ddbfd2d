package dev.rebaser.rules;

/**
 * The distro family of a target; it picks the column of the package, applet and command
 * rules.
 */
public enum Distro {

	DEBIAN("debian"), FEDORA("fedora");

	private final String key;

	Distro(String key) {
		this.key = key;
	}

	/** The name used in the rules files. */
	public String key() {
		return key;
	}

	static Distro fromKey(String key) {
		for (Distro distro : values()) {
			if (distro.key.equals(key)) {
				return distro;
			}
		}
		return null;
	}

}
