package dev.rebaser.rewrite;

import java.util.List;

/**
 * apt-get, the idiomatic Debian way: non-interactive, no recommends, lists removed at the
 * end of the RUN.
 */
record AptCommands() implements PackageCommands {

	@Override
	public boolean needsUpdate() {
		return true;
	}

	@Override
	public String update() {
		return "apt-get update";
	}

	@Override
	public String install(List<String> names) {
		return "DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends " + String.join(" ", names);
	}

	@Override
	public String remove(List<String> names) {
		// apk keeps a deleted package that something else still needs; apt-mark auto +
		// autoremove does too,
		// where apt-get purge would take the packages that depend on it along.
		return "apt-mark auto " + String.join(" ", names) + " && apt-get autoremove -y --purge";
	}

	@Override
	public String upgrade() {
		return "DEBIAN_FRONTEND=noninteractive apt-get upgrade -y";
	}

	@Override
	public String cleanup() {
		return "rm -rf /var/lib/apt/lists/*";
	}

	@Override
	public String cacheGlob() {
		return "/var/lib/apt/lists/*";
	}

	@Override
	public String listInstalled() {
		return "dpkg-query -W -f='${Package}\\n'";
	}

	@Override
	public String describe(List<String> names) {
		return "dpkg-query -s " + String.join(" ", names);
	}

	@Override
	public String listIfInstalled(List<String> names) {
		return "dpkg-query -W -f='${Package}\\n' " + String.join(" ", names);
	}

	@Override
	public boolean isInstall(List<String> argv) {
		return argv.size() > 1 && (argv.get(0).equals("apt-get") || argv.get(0).equals("apt"))
				&& argv.contains("install");
	}
}
