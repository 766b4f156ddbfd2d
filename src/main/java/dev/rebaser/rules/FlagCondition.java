package dev.rebaser.rules;

import java.util.List;
import java.util.Set;

/**
 * Words added when all {@code present} options were given and all {@code absent} ones
 * were not.
 */
public record FlagCondition(List<String> present, List<String> absent, List<String> add) {

	/**
	 * @param given the options given, by the names used as keys in the rule
	 */
	public boolean appliesTo(Set<String> given) {
		return given.containsAll(present) && absent.stream().noneMatch(given::contains);
	}
}
