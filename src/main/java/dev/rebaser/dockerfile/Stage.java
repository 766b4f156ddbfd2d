package dev.rebaser.dockerfile;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * A build stage: its FROM and the instructions up to the next FROM. parent is the index
 * of the earlier stage that baseImage names (by alias, case-insensitive, or by index);
 * placeholder marks Kubernetes' BASEIMAGE forms.
 */
public record Stage(int index, Instruction from, String baseImage, String alias, String platform, OptionalInt parent,
		boolean placeholder, List<Instruction> instructions) {

	/**
	 * baseImage expanded with the global ARGs, their defaults overridden by buildArgs.
	 */
	public String resolvedBaseImage(Map<String, String> buildArgs) {
		return Scope.expandInFrom(from, baseImage, buildArgs);
	}

	/**
	 * The ARG and ENV variables visible to instruction i (its own declarations not yet
	 * applied).
	 */
	public Map<String, String> variablesAt(Instruction i, Map<String, String> buildArgs) {
		return Scope.variablesAt(this, i, buildArgs);
	}
}
