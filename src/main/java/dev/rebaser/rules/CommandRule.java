package dev.rebaser.rules;

import java.util.Map;
import java.util.Optional;

/**
 * A command word that becomes another one with the same arguments; a distro without an
 * entry keeps it.
 */
public record CommandRule(String command, Map<Distro, CommandReplacement> replacements, Optional<String> notes) {

	public String id() {
		return "command:" + command;
	}

	public Optional<CommandReplacement> replacementFor(Distro distro) {
		return Optional.ofNullable(replacements.get(distro));
	}
}
