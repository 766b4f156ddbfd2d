package dev.rebaser.manifest;

import dev.rebaser.manifest.GoAst.Binary;
import dev.rebaser.manifest.GoAst.Call;
import dev.rebaser.manifest.GoAst.Composite;
import dev.rebaser.manifest.GoAst.Element;
import dev.rebaser.manifest.GoAst.Expr;
import dev.rebaser.manifest.GoAst.Field;
import dev.rebaser.manifest.GoAst.FuncDecl;
import dev.rebaser.manifest.GoAst.Ident;
import dev.rebaser.manifest.GoAst.Index;
import dev.rebaser.manifest.GoAst.Opaque;
import dev.rebaser.manifest.GoAst.Selector;
import dev.rebaser.manifest.GoAst.StrLit;
import dev.rebaser.manifest.GoAst.StructType;
import dev.rebaser.manifest.GoAst.TypeRef;
import dev.rebaser.manifest.GoAst.Unary;
import dev.rebaser.manifest.GoAst.ValueSpec;
import dev.rebaser.manifest.GoToken.Kind;
import dev.rebaser.manifest.GoValue.Collection;
import dev.rebaser.manifest.GoValue.Entry;
import dev.rebaser.manifest.GoValue.Image;
import dev.rebaser.manifest.GoValue.Registries;
import dev.rebaser.manifest.GoValue.Str;
import dev.rebaser.manifest.GoValue.Unknown;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a Go expression is worth without running Go: strings and their concatenation,
 * registry variables evaluated lazily from their declarations, RegistryList fields and
 * the functions that build a RegistryList, map and slice literals, and Config literals.
 */
abstract class ValueEvaluator extends RegistryLists {

	/**
	 * Longer than any image reference can be (Docker allows 255 characters for a name): a
	 * string that grows past it is not worked out further, so constants that double each
	 * other cost no more than those that do not.
	 */
	static final int MAX_STRING = 1024;

	private final Map<String, GoValue> globalValues = new HashMap<>();

	private final Set<String> evaluating = new HashSet<>();

	/** What a function that builds a RegistryList returns, by name and result index. */
	private final Map<String, GoValue> results = new HashMap<>();

	ValueEvaluator(List<GoToken> tokens, RegistryOverrides overrides) {
		super(tokens, overrides);
	}

	GoValue eval(Expr e, Map<String, GoValue> env) {
		try {
			return evalUnchecked(e, env);
		}
		catch (StackOverflowError overflow) {
			return new Unknown("it is nested too deeply");
		}
	}

	private GoValue evalUnchecked(Expr e, Map<String, GoValue> env) {
		spend(1);
		if (e instanceof StrLit s) {
			return new Str(s.value(), "");
		}
		if (e instanceof Ident id) {
			GoValue v = env.containsKey(id.name()) ? env.get(id.name()) : global(id.name());
			return v instanceof Str s ? s.withKey(id.name()) : v;
		}
		if (e instanceof Selector s) {
			if (s.x() instanceof Ident pkg && !env.containsKey(pkg.name()) && !globals.containsKey(pkg.name())) {
				return new Unknown(GoExprText.of(s) + " is defined in another package");
			}
			GoValue x = eval(s.x(), env);
			if (x instanceof Registries r) {
				String value = r.fields().get(s.sel());
				if (value != null) {
					return new Str(value, yamlKey(s.sel()));
				}
				if (r.unset().contains(s.sel())) {
					String key = yamlKey(s.sel());
					return new Str(Str.placeholder(key), key, key);
				}
				return new Unknown("RegistryList has no field " + s.sel());
			}
			return x instanceof Unknown u ? u : new Unknown(GoExprText.of(s) + " is not a RegistryList field");
		}
		if (e instanceof Binary b) {
			GoValue l = eval(b.left(), env);
			GoValue r = eval(b.right(), env);
			if (b.op().equals("+") && l instanceof Str ls && r instanceof Str rs) {
				if (ls.value().length() + rs.value().length() > MAX_STRING) {
					return new Unknown("the string it builds is longer than " + MAX_STRING + " characters");
				}
				return new Str(ls.value() + rs.value(), ls.key().isEmpty() ? rs.key() : ls.key(),
						ls.missing() != null ? ls.missing() : rs.missing());
			}
			if (l instanceof Unknown u) {
				return u;
			}
			return r instanceof Unknown u ? u : new Unknown("'" + b.op() + "' is only understood between strings");
		}
		if (e instanceof Call c) {
			return callValue(c, env);
		}
		if (e instanceof Composite c) {
			return composite(c, env);
		}
		if (e instanceof Unary u) {
			return u.op().equals("&") ? eval(u.x(), env) : new Unknown("unary '" + u.op() + "' is not evaluated");
		}
		if (e instanceof Index ix) {
			GoValue x = eval(ix.x(), env);
			GoValue k = eval(ix.index(), env);
			if (x instanceof Collection coll && k instanceof Str ks) {
				spend(coll.entries().size());
				for (Entry entry : coll.entries()) {
					if (entry.key() instanceof Str s && s.value().equals(ks.value())) {
						return entry.value();
					}
				}
				return new Unknown("key \"" + ks.value() + "\" is not in " + GoExprText.of(ix.x()));
			}
			return new Unknown(GoExprText.of(ix) + " cannot be looked up");
		}
		return new Unknown("a " + ((Opaque) e).what() + " is not evaluated");
	}

	private GoValue global(String name) {
		ValueSpec spec = globals.get(name);
		if (spec == null) {
			return new Unknown("'" + name + "' is not declared in this file");
		}
		GoValue cached = globalValues.get(name);
		if (cached != null) {
			return cached;
		}
		if (!evaluating.add(name)) {
			return new Unknown("'" + name + "' depends on itself");
		}
		try {
			GoValue v;
			if (spec.value() == null) {
				v = isRegistryList(spec.type()) ? zeroRegistries(readsOverrides())
						: new Unknown("'" + name + "' is declared without a value");
			}
			else if (spec.valueCount() > 1) {
				v = spec.value() instanceof Call c && c.fun() instanceof Ident f && funcs.containsKey(f.name())
						? result(funcs.get(f.name()), spec.valueIndex())
						: new Unknown("'" + name + "' is one of several results of " + GoExprText.of(spec.value()));
			}
			else {
				v = eval(spec.value(), Map.of());
			}
			globalValues.put(name, v);
			return v;
		}
		finally {
			evaluating.remove(name);
		}
	}

	private GoValue callValue(Call c, Map<String, GoValue> env) {
		if (c.fun() instanceof Ident f) {
			if (f.name().equals("string") && c.args().size() == 1) {
				return eval(c.args().get(0), env);
			}
			FuncDecl decl = funcs.get(f.name());
			if (decl != null) {
				return result(decl, 0);
			}
		}
		return new Unknown("the call " + GoExprText.of(c.fun()) + "(…) is not evaluated");
	}

	/**
	 * Only functions that build a RegistryList are understood: initReg(), readRepoList(…)
	 * and kin.
	 */
	private GoValue result(FuncDecl f, int index) {
		String key = f.name() + "#" + index;
		GoValue known = results.get(key);
		if (known == null) {
			known = resultOnce(f, index);
			results.put(key, known);
		}
		return known;
	}

	private GoValue resultOnce(FuncDecl f, int index) {
		if (index >= f.results().size() || !REGISTRY_LIST.equals(typeFromText(f.results().get(index)).name())) {
			return new Unknown("the result of " + f.name() + "() is not evaluated");
		}
		Registries base = null;
		boolean unmarshals = false;
		spend(Math.max(0, f.bodyEnd() - f.bodyStart()));
		for (int i = f.bodyStart() + 1; i > 0 && i < f.bodyEnd(); i++) {
			GoToken t = tokens.get(i);
			if (t.is(Kind.IDENT, "Unmarshal")) {
				unmarshals = true;
			}
			if (base == null && t.kind() == Kind.IDENT) {
				GoToken prev = tokens.get(i - 1);
				if (t.text().equals(REGISTRY_LIST) && tokens.get(i + 1).isOp("{") && !prev.isOp(".")
						&& !prev.isOp(")")) {
					base = parsedRegistries(i);
				}
				else if (t.text().equals(REGISTRY_LIST) && tokens.get(i + 1).kind() == Kind.SEMI
						&& prev.kind() == Kind.IDENT && tokens.get(i - 2).isKeyword("var")) {
					base = zeroRegistries(false); // var registry RegistryList: no
													// defaults
				}
				else if ((prev.isOp(":=") || prev.isOp("=") || prev.isKeyword("return"))
						&& tokens.get(i + 1).kind() == Kind.SEMI && globals.containsKey(t.text())
						&& global(t.text()) instanceof Registries r) {
					base = r;
				}
			}
		}
		if (base == null) {
			return new Unknown(f.name() + "() builds no RegistryList this reader can see");
		}
		return unmarshals ? withOverrides(base) : base;
	}

	@Override
	Registries parsedRegistries(int tokenIndex) {
		Expr e = parser.parseExprAt(tokenIndex);
		return eval(e, Map.of()) instanceof Registries r ? r : null;
	}

	private GoValue composite(Composite c, Map<String, GoValue> env) {
		TypeRef type = c.type();
		if (type == null) {
			return new Unknown("a literal of unknown type is not evaluated");
		}
		if (isConfigType(type)) {
			return image(c, env);
		}
		if (REGISTRY_LIST.equals(type.name()) && !type.isMap()) {
			return registries(c, env);
		}
		if (type.text().startsWith("[") || type.isMap()) {
			List<Entry> entries = new ArrayList<>();
			int index = 0;
			for (Element e : c.elements()) {
				GoValue key = e.key() == null ? new Unknown("index " + index) : eval(e.key(), env);
				entries.add(new Entry(key, eval(e.value(), env), e.line()));
				index++;
			}
			return new Collection(List.copyOf(entries));
		}
		return new Unknown("a " + type.text() + " literal is not evaluated");
	}

	private Registries registries(Composite c, Map<String, GoValue> env) {
		Map<String, String> fields = new LinkedHashMap<>();
		Set<String> unset = new HashSet<>();
		StructType s = structs.get(REGISTRY_LIST);
		if (s != null) {
			s.fields().forEach(f -> unset.add(f.name()));
		}
		for (int i = 0; i < c.elements().size(); i++) {
			Element e = c.elements().get(i);
			String field = e.key() instanceof Ident k ? k.name()
					: s != null && i < s.fields().size() ? s.fields().get(i).name() : null;
			if (field == null) {
				warn(e.line(), "RegistryList field at this line is not understood");
				continue;
			}
			GoValue v = eval(e.value(), env);
			unset.remove(field);
			if (v instanceof Str str && str.missing() == null) {
				fields.put(field, str.value());
			}
			else if (v instanceof Str) {
				fields.remove(field);
				unset.add(field); // copied from a field that has no default either
			}
			else {
				fields.remove(field);
				warn(e.line(), "RegistryList." + field + " cannot be resolved: "
						+ (v instanceof Unknown u ? u.why() : "it is not a string"));
			}
		}
		return new Registries(Map.copyOf(fields), Set.copyOf(unset));
	}

	private GoValue image(Composite c, Map<String, GoValue> env) {
		List<String> fields = configFields(c.type());
		Map<String, Expr> byField = new HashMap<>();
		boolean keyed = c.elements().stream().anyMatch(e -> e.key() != null);
		if (keyed) {
			for (Element e : c.elements()) {
				if (e.key() instanceof Ident k) {
					byField.put(k.name().toLowerCase(Locale.ROOT), e.value());
				}
				else {
					return new Unknown(c.type().text() + " literal mixes keyed and positional fields");
				}
			}
		}
		else {
			if (c.elements().size() != fields.size()) {
				return new Unknown(c.type().text() + " literal has " + c.elements().size() + " values, the struct has "
						+ fields.size() + " fields");
			}
			for (int i = 0; i < fields.size(); i++) {
				byField.put(fields.get(i).toLowerCase(Locale.ROOT), c.elements().get(i).value());
			}
		}
		String[] parts = new String[3];
		String key = "";
		String missing = null;
		for (int i = 0; i < 3; i++) {
			String field = DEFAULT_CONFIG_FIELDS.get(i);
			Expr e = byField.get(field);
			if (e == null) {
				parts[i] = ""; // Go's zero value for an omitted keyed field
				continue;
			}
			GoValue v = eval(e, env);
			if (!(v instanceof Str s)) {
				String why = v instanceof Unknown u ? u.why() : "it is not a string";
				return new Unknown("its " + field + " " + GoExprText.of(e) + " cannot be resolved: " + why);
			}
			if (i > 0 && s.missing() != null) {
				return new Unknown("its " + field + " " + GoExprText.of(e)
						+ " has no value unless KUBE_TEST_REPO_LIST sets " + s.missing());
			}
			parts[i] = s.value();
			if (i == 0) {
				key = s.key();
				missing = s.missing();
			}
		}
		Expr hasArch = byField.get("hasarch");
		return new Image(key, parts[0], parts[1], parts[2], c.line(), missing,
				hasArch instanceof Ident flag && flag.name().equals("true"));
	}

	/**
	 * Field order of Config/ImageConfig as declared here (older ones carry a fourth,
	 * hasArch).
	 */
	private List<String> configFields(TypeRef type) {
		StructType s = structs.get(type.name());
		if (s == null || s.fields().isEmpty()) {
			return DEFAULT_CONFIG_FIELDS;
		}
		return s.fields().stream().map(Field::name).toList();
	}

}
