package dev.rebaser.manifest;

import dev.rebaser.manifest.GoAst.Field;
import dev.rebaser.manifest.GoAst.StructType;
import dev.rebaser.manifest.GoAst.TypeRef;
import dev.rebaser.manifest.GoToken.Kind;
import dev.rebaser.manifest.GoValue.Registries;
import dev.rebaser.manifest.GoValue.Unknown;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The RegistryList a manifest builds and what KUBE_TEST_REPO_LIST does to it: the file's
 * defaults, a list without defaults, the override file applied the way yaml.v2 would,
 * yaml keys of fields, and the warnings about overrides that change nothing.
 */
abstract class RegistryLists extends ManifestDeclarations {

	private final RegistryOverrides overrides;

	/** Override keys no RegistryList field has taken yet. */
	private final Set<String> unusedOverrideKeys;

	private Registries fileDefaults;

	private boolean fileDefaultsSearched;

	RegistryLists(List<GoToken> tokens, RegistryOverrides overrides) {
		super(tokens);
		this.overrides = overrides;
		this.unusedOverrideKeys = new LinkedHashSet<>(overrides.values().keySet());
	}

	/** The RegistryList literal starting at a token, evaluated; null if it is none. */
	abstract Registries parsedRegistries(int tokenIndex);

	/**
	 * The list initImageConfigs(list RegistryList) receives: defaults, overridden if Go
	 * reads the file.
	 */
	GoValue effectiveRegistries() {
		Registries defaults = fileDefaults();
		if (defaults == null) {
			return structs.containsKey(REGISTRY_LIST) ? zeroRegistries(readsOverrides())
					: new Unknown("no RegistryList literal is declared in this file");
		}
		return readsOverrides() ? withOverrides(defaults) : defaults;
	}

	/**
	 * A RegistryList no literal fills ({@code var registry RegistryList}): every declared
	 * field is unset, unless the override file sets it.
	 */
	Registries zeroRegistries(boolean overridden) {
		StructType s = structs.get(REGISTRY_LIST);
		Set<String> unset = new HashSet<>();
		if (s != null) {
			s.fields().forEach(f -> unset.add(f.name()));
		}
		Registries zero = new Registries(Map.of(), Set.copyOf(unset));
		return overridden ? withOverrides(zero) : zero;
	}

	static boolean isRegistryList(TypeRef type) {
		return type != null && REGISTRY_LIST.equals(type.name()) && type.elem() == null && !type.text().startsWith("*");
	}

	private Registries fileDefaults() {
		if (!fileDefaultsSearched) {
			fileDefaultsSearched = true;
			for (int i = 1; i + 1 < tokens.size(); i++) {
				if (tokens.get(i).is(Kind.IDENT, REGISTRY_LIST) && tokens.get(i + 1).isOp("{")
						&& !tokens.get(i - 1).isOp(".") && !tokens.get(i - 1).isOp(")")) {
					fileDefaults = parsedRegistries(i);
					break;
				}
			}
		}
		return fileDefaults;
	}

	boolean readsOverrides() {
		return tokens.stream().anyMatch(t -> t.is(Kind.IDENT, "Unmarshal"));
	}

	/**
	 * yaml.Unmarshal into the struct: keys matching a field's yaml key replace it, others
	 * are ignored.
	 */
	Registries withOverrides(Registries base) {
		if (overrides.isEmpty()) {
			return base;
		}
		Map<String, String> fields = new LinkedHashMap<>(base.fields());
		Set<String> unset = new HashSet<>(base.unset());
		StructType s = structs.get(REGISTRY_LIST);
		List<Field> declared = s != null ? s.fields()
				: base.fields()
					.keySet()
					.stream()
					.map(name -> new Field(name, "string", name.toLowerCase(Locale.ROOT), 0))
					.toList();
		for (Field f : declared) {
			if (f.yamlKey() != null && overrides.values().containsKey(f.yamlKey())) {
				fields.put(f.name(), overrides.values().get(f.yamlKey()));
				unset.remove(f.name());
				unusedOverrideKeys.remove(f.yamlKey());
			}
		}
		return new Registries(Map.copyOf(fields), Set.copyOf(unset));
	}

	String yamlKey(String field) {
		StructType s = structs.get(REGISTRY_LIST);
		if (s != null) {
			for (Field f : s.fields()) {
				if (f.name().equals(field) && f.yamlKey() != null) {
					return f.yamlKey();
				}
			}
		}
		return field.toLowerCase(Locale.ROOT);
	}

	void reportOverrides() {
		if (overrides.isEmpty()) {
			return;
		}
		StructType s = structs.get(REGISTRY_LIST);
		if (s == null || !readsOverrides()) {
			warn(0, "this manifest does not read KUBE_TEST_REPO_LIST, so the registry overrides change nothing");
			return;
		}
		for (String key : unusedOverrideKeys) {
			boolean known = s.fields().stream().anyMatch(f -> key.equals(f.yamlKey()));
			warn(s.line(), known ? "override '" + key + "' changes no image: no registry variable is derived from it"
					: "override '" + key + "' matches no RegistryList field in this manifest, so Go ignores it");
		}
	}

}
