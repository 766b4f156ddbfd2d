package dev.rebaser.rewrite;

import java.util.List;

/** dnf: metadata is fetched on demand, {@code dnf clean all} keeps the layer small. */
record DnfCommands() implements PackageCommands {

	@Override
	public boolean needsUpdate() {
		return false;
	}

	@Override
	public String update() {
		return "dnf makecache";
	}

	@Override
	public String install(List<String> names) {
		return "dnf install -y " + String.join(" ", names);
	}

	@Override
	public String remove(List<String> names) {
		// like apk, keep what another installed package still needs
		return "dnf mark remove " + String.join(" ", names) + " && dnf autoremove -y";
	}

	@Override
	public String upgrade() {
		return "dnf upgrade -y";
	}

	@Override
	public String cleanup() {
		return "dnf clean all";
	}

	@Override
	public String cacheGlob() {
		return "/var/cache/dnf/*";
	}

	@Override
	public String listInstalled() {
		return "rpm -qa --qf '%{NAME}\\n'";
	}

	@Override
	public String describe(List<String> names) {
		return "rpm -qi " + String.join(" ", names);
	}

	@Override
	public String listIfInstalled(List<String> names) {
		return "rpm -q --qf '%{NAME}\\n' " + String.join(" ", names);
	}

	@Override
	public boolean isInstall(List<String> argv) {
		return argv.size() > 1
				&& (argv.get(0).equals("dnf") || argv.get(0).equals("yum") || argv.get(0).equals("microdnf"))
				&& argv.contains("install");
	}
}
