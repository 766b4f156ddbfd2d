package dev.rebaser.rules;

import java.util.Optional;

/** Either the command to use instead, or why there is no faithful replacement. */
public record CommandReplacement(Optional<String> command, Optional<String> unsupported) {

	public boolean isSupported() {
		return command.isPresent();
	}
}
