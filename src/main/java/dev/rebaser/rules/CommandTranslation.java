package dev.rebaser.rules;

import java.util.List;
import java.util.Map;

/**
 * The target command for one form: {@code command}, then {@code flags} of each given
 * option in the order written (an option without an entry cannot be translated), then the
 * words of every matching {@code when}, then {@code arguments}. {@code {NAME}} in a word
 * is the value of the option or argument called NAME.
 */
public record CommandTranslation(String command, Map<String, List<String>> flags, List<FlagCondition> when,
		List<String> arguments) {
}
