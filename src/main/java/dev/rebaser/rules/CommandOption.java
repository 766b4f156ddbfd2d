package dev.rebaser.rules;

import java.util.Optional;

/**
 * One option a BusyBox command accepts.
 *
 * @param name the spelling used as key in the translations, e.g. {@code -S}
 * @param value the name of the option's argument, empty for a flag
 * @param longName the long spelling BusyBox also accepts
 */
public record CommandOption(String name, Optional<String> value, Optional<String> longName) {

	public boolean takesValue() {
		return value.isPresent();
	}
}
