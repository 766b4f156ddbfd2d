package dev.rebaser.manifest;

import dev.rebaser.budget.CpuBudget;
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

	/**
	 * Statements walked, expressions evaluated and entries looked through, for all of
	 * manifest.go, may be twice its tokens plus this: a real one takes a few hundred
	 * steps, a file listing thirty thousand images a few per image, and a file whose
	 * loops or helpers multiply each other is stopped in proportion to its size.
	 */
	static final long BASE_STEPS = 50_000;

	private final long maxSteps;

	private long steps;

	private long scanned;

	ManifestDeclarations(List<GoToken> tokens) {
		this.tokens = tokens;
		this.parser = new GoParser(tokens);
		this.file = parser.parseFile();
		this.maxSteps = BASE_STEPS + 2L * tokens.size();
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

	/**
	 * Counts work done; past the file's allowance the evaluation stops with what it has.
	 */
	void spend(long n) {
		steps += n;
		if (steps > maxSteps) {
			throw new TooMuchWork(maxSteps);
		}
		CpuBudget.check();
	}

	/**
	 * Counts tokens read by a look through the file; each such look is made once, so
	 * these are not limited.
	 */
	void scanned(long n) {
		scanned += n;
		CpuBudget.check();
	}

	/** Every step and token counted so far: what the complexity tests compare. */
	long work() {
		return steps + scanned;
	}

	/** Thrown by {@link #spend(long)}; caught where the evaluation starts. */
	static final class TooMuchWork extends RuntimeException {

		final long allowance;

		TooMuchWork(long allowance) {
			super("more than " + allowance + " steps", null, false, false);
			this.allowance = allowance;
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
