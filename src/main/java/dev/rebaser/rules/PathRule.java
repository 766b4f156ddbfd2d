package dev.rebaser.rules;

import java.util.Map;
import java.util.Optional;

/**
 * An absolute Alpine path that lives elsewhere on the target; a distro without an entry
 * keeps it.
 */
public record PathRule(String path, Map<Distro, String> replacements, Optional<String> notes) {

	public String id() {
		return "path:" + path;
	}

	public Optional<String> replacementFor(Distro distro) {
		return Optional.ofNullable(replacements.get(distro));
	}
}
