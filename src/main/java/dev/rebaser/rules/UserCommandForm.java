package dev.rebaser.rules;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One way of calling a user command, told apart by its non-option arguments.
 *
 * @param arguments the names of the non-option arguments, usable as {@code {NAME}}
 * @param optionsAllowed false when the form only applies without options
 */
public record UserCommandForm(String command, String name, List<String> arguments, boolean optionsAllowed,
		Map<Distro, CommandTranslation> translations) {

	public String id() {
		return "user-command:" + command + "/" + name;
	}

	public Optional<CommandTranslation> translationFor(Distro distro) {
		return Optional.ofNullable(translations.get(distro));
	}
}
