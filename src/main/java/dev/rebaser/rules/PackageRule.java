package dev.rebaser.rules;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an Alpine package (section {@code packages}) or a BusyBox applet (section
 * {@code applets}) needs on each distro.
 *
 * @param kind {@code package} or {@code applet}
 * @param key the Alpine package or applet name
 * @param aliases other names the same rule answers for
 * @param names the packages to install per distro; a distro missing here falls back to
 * {@code nothingNeeded}, or is unmapped
 * @param nothingNeeded why nothing needs installing on a distro without names
 * @param unavailableOn target keys whose archive lacks one of the Debian packages
 */
public record PackageRule(String kind, String key, List<String> aliases, Map<Distro, List<String>> names,
		Optional<String> nothingNeeded, List<String> unavailableOn, Optional<String> notes) {

	public String id() {
		return kind + ":" + key;
	}

	/** What this rule says for a target. */
	PackageMapping mappingFor(String requestedName, Target target) {
		List<String> distroNames = names.get(target.distro());
		if (distroNames != null) {
			return new PackageMapping.Install(id(), distroNames, !unavailableOn.contains(target.key()));
		}
		if (nothingNeeded.isPresent()) {
			return new PackageMapping.NothingNeeded(id(), nothingNeeded.get());
		}
		return new PackageMapping.Unmapped(requestedName, Optional.of(id()));
	}
}
