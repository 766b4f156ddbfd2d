package dev.rebaser.rewrite;

/**
 * One change the rewrite made: the input line, the rule that asked for it, and the text
 * before and after.
 */
public record Change(int line, String ruleId, String before, String after) {
}
