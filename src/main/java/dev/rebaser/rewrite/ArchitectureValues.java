package dev.rebaser.rewrite;

import dev.rebaser.dockerfile.Instruction;
import java.util.Optional;

/**
 * {@code ARG ARCH=amd64}, {@code ENV GOARCH=amd64}: architecture-valued variables take
 * the target's name.
 */
final class ArchitectureValues {

	private ArchitectureValues() {
	}

	static void rewrite(Instruction instruction, TextEdits edits, Translation tx) {
		for (Assignment assignment : Assignment.of(instruction)) {
			String name = assignment.name();
			if (PlaceholderWords.SED_WORDS.contains(name) || !tx.rules().placeholders().containsKey(name)) {
				continue;
			}
			if (tx.rules().architecture(assignment.value()).isEmpty()) {
				continue;
			}
			Optional<String> value = tx.rules().placeholderValue(name, tx.target());
			if (value.isPresent() && !value.get().equals(assignment.value())) {
				edits.replace(assignment.valueStart(), assignment.valueEnd(), value.get());
				tx.log()
					.change(instruction.startLine(), "dialect:" + name, name + "=" + assignment.value(),
							name + "=" + value.get());
			}
		}
	}

}
