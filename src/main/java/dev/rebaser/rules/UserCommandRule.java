package dev.rebaser.rules;

import java.util.Map;
import java.util.Optional;

/**
 * How a BusyBox user or group command ({@code adduser}, {@code addgroup},
 * {@code deluser}, {@code delgroup}) translates to each distro. {@code options} are keyed
 * by their short spelling (or the long one when there is no short one); the number of
 * non-option arguments picks a form.
 */
public record UserCommandRule(String command, Optional<String> usage, Map<String, CommandOption> options,
		Map<String, UserCommandForm> forms) {

	public String id() {
		return "user-command:" + command;
	}

	/** The form for this many non-option arguments. */
	public Optional<UserCommandForm> formFor(int argumentCount) {
		return forms.values().stream().filter(form -> form.arguments().size() == argumentCount).findFirst();
	}

	/** The option with this spelling, short or long. */
	public Optional<CommandOption> option(String spelling) {
		return options.values()
			.stream()
			.filter(option -> option.name().equals(spelling) || option.longName().filter(spelling::equals).isPresent())
			.findFirst();
	}
}
