package dev.rebaser.rules;

/**
 * A name one rule uses that another section must define, checked once all files are
 * merged.
 *
 * @param owner the id of the rule that refers; the check is skipped when that rule was
 * overridden
 * @param kind {@code target}, {@code package} or {@code architecture}
 */
record Reference(String owner, String kind, String name, Position where, String context) {
}
