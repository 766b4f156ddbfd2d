package dev.rebaser.manifest;

import dev.rebaser.manifest.GoAst.FuncDecl;
import dev.rebaser.manifest.GoAst.StructType;
import dev.rebaser.manifest.GoAst.TypeRef;
import dev.rebaser.manifest.GoAst.ValueSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a parsed manifest.go declares, looked up by name: package-level constants and
 * variables, functions, struct types; and the warnings said about it so far. The layers
 * of the evaluator share it.
 */
abstract class ManifestDeclarations {

	static final Set<String> CONFIG_TYPES = Set.of("Config", "ImageConfig");

	static final String REGISTRY_LIST = "RegistryList";

	static final List<String> DEFAULT_CONFIG_FIELDS = List.of("registry", "name", "version");

	final List<GoToken> tokens;

	final GoParser parser;

	final GoParser.File file;

	final Map<String, ValueSpec> globals = new HashMap<>();

	final Map<String, FuncDecl> funcs = new LinkedHashMap<>();

	final Map<String, StructType> structs = new HashMap<>();

	final List<ManifestWarning> warnings = new ArrayList<>();

	ManifestDeclarations(List<GoToken> tokens) {
		this.tokens = tokens;
		this.parser = new GoParser(tokens);
		this.file = parser.parseFile();
		for (ValueSpec spec : file.values()) {
			globals.putIfAbsent(spec.name(), spec);
		}
		for (FuncDecl f : file.funcs()) {
			if (!f.method()) {
				funcs.putIfAbsent(f.name(), f);
			}
		}
		for (StructType s : file.structs()) {
			structs.putIfAbsent(s.name(), s);
		}
	}

	void warn(int line, String message) {
		warnings.add(new ManifestWarning(line, message));
	}

	static TypeRef typeFromText(String text) {
		String t = text.replace("*", "");
		if (t.startsWith("map[")) {
			int close = t.indexOf(']');
			String elem = close < 0 ? "" : t.substring(close + 1);
			return new TypeRef(t, null, typeFromText(elem));
		}
		String name = t.substring(t.lastIndexOf('.') + 1);
		return new TypeRef(t, name, null);
	}

	static boolean isConfigType(TypeRef t) {
		return t != null && t.name() != null && CONFIG_TYPES.contains(t.name()) && !t.text().startsWith("[");
	}

}
