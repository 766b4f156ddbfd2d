package dev.rebaser.rules;

import java.util.List;
import java.util.Optional;

/** Every name one architecture goes by; the key is the Go / Docker platform name. */
public record ArchitectureNames(String key, String goArch, String debianArch, String qemuArch,
		Optional<String> alpineArch, Optional<String> fedoraArch, String unameMachine, String platform,
		List<String> dockerHubNamespaces) {

	/** The names a placeholder may stand for, as spelled in the rules files. */
	static final List<String> FIELDS = List.of("goArch", "debianArch", "qemuArch", "alpineArch", "fedoraArch",
			"unameMachine");

	public String id() {
		return "architecture:" + key;
	}

	/**
	 * The value of one of {@link #FIELDS}, empty when this architecture has no such name.
	 */
	public Optional<String> field(String field) {
		return switch (field) {
			case "goArch" -> Optional.of(goArch);
			case "debianArch" -> Optional.of(debianArch);
			case "qemuArch" -> Optional.of(qemuArch);
			case "alpineArch" -> alpineArch;
			case "fedoraArch" -> fedoraArch;
			case "unameMachine" -> Optional.of(unameMachine);
			default -> throw new IllegalArgumentException("unknown architecture field " + field);
		};
	}
}
