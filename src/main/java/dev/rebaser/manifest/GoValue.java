package dev.rebaser.manifest;

import java.util.List;
import java.util.Map;

/** What the reader can know about the value of a Go expression without running Go. */
sealed interface GoValue {

	/**
	 * A string; {@code key} names the registry variable or RegistryList key it came from,
	 * if any.
	 */
	record Str(String value, String key) implements GoValue {
	}

	/**
	 * A RegistryList: field name to value, with the override file already applied when
	 * the Go code would have unmarshalled KUBE_TEST_REPO_LIST into it.
	 */
	record Registries(Map<String, String> fields) implements GoValue {
	}

	/** A Config/ImageConfig value. */
	record Image(String registryKey, String registry, String name, String version, int line) implements GoValue {
	}

	record Entry(GoValue key, GoValue value, int line) {
	}

	/** A map or slice literal, entries in source order (slice keys are indexes). */
	record Collection(List<Entry> entries) implements GoValue {
	}

	/** A map variable that image configs are stored into. */
	record ImageMap() implements GoValue {
	}

	/** Anything else; {@code why} explains it for a warning. */
	record Unknown(String why) implements GoValue {
	}

}
