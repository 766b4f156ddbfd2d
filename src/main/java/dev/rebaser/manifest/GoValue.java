package dev.rebaser.manifest;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the reader can know about the value of a Go expression without running Go. */
sealed interface GoValue {

	/**
	 * A string; {@code key} names the registry variable or RegistryList key it came from,
	 * if any. {@code missing} is the yaml key of a RegistryList field that has no value
	 * unless KUBE_TEST_REPO_LIST sets it, when the string is built from one; the value
	 * then holds {@link #placeholder(String)} in that field's place.
	 */
	record Str(String value, String key, String missing) implements GoValue {

		Str(String value, String key) {
			this(value, key, null);
		}

		Str withKey(String newKey) {
			return new Str(value, newKey, missing);
		}

		static String placeholder(String yamlKey) {
			return "{" + yamlKey + "}";
		}

	}

	/**
	 * A RegistryList: field name to value, with the override file already applied when
	 * the Go code would have unmarshalled KUBE_TEST_REPO_LIST into it. {@code unset} are
	 * the declared fields nothing gives a value: Go leaves them empty, and only the
	 * override file could fill them.
	 */
	record Registries(Map<String, String> fields, Set<String> unset) implements GoValue {
	}

	/**
	 * A Config/ImageConfig value; {@code missing} as in {@link Str}, for the registry;
	 * {@code hasArch} as the 1.10-era ImageConfig field says.
	 */
	record Image(String registryKey, String registry, String name, String version, int line, String missing,
			boolean hasArch) implements GoValue {
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
