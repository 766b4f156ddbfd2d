package dev.rebaser.rules;

/** The package manager a target installs with. */
public enum PackageManager {

	APT("apt"), DNF("dnf");

	private final String key;

	PackageManager(String key) {
		this.key = key;
	}

	public String key() {
		return key;
	}

	static PackageManager fromKey(String key) {
		for (PackageManager manager : values()) {
			if (manager.key.equals(key)) {
				return manager;
			}
		}
		return null;
	}

}
