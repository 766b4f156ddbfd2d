package dev.rebaser.manifest;

import dev.rebaser.manifest.GoAst.Assign;
import dev.rebaser.manifest.GoAst.Binary;
import dev.rebaser.manifest.GoAst.Block;
import dev.rebaser.manifest.GoAst.Call;
import dev.rebaser.manifest.GoAst.Composite;
import dev.rebaser.manifest.GoAst.Element;
import dev.rebaser.manifest.GoAst.Expr;
import dev.rebaser.manifest.GoAst.ExprStmt;
import dev.rebaser.manifest.GoAst.Field;
import dev.rebaser.manifest.GoAst.FuncDecl;
import dev.rebaser.manifest.GoAst.Ident;
import dev.rebaser.manifest.GoAst.Index;
import dev.rebaser.manifest.GoAst.Opaque;
import dev.rebaser.manifest.GoAst.Param;
import dev.rebaser.manifest.GoAst.Range;
import dev.rebaser.manifest.GoAst.Selector;
import dev.rebaser.manifest.GoAst.Stmt;
import dev.rebaser.manifest.GoAst.StrLit;
import dev.rebaser.manifest.GoAst.StructType;
import dev.rebaser.manifest.GoAst.TypeRef;
import dev.rebaser.manifest.GoAst.Unary;
import dev.rebaser.manifest.GoAst.ValueSpec;
import dev.rebaser.manifest.GoToken.Kind;
import dev.rebaser.manifest.GoValue.Collection;
import dev.rebaser.manifest.GoValue.Entry;
import dev.rebaser.manifest.GoValue.Image;
import dev.rebaser.manifest.GoValue.ImageMap;
import dev.rebaser.manifest.GoValue.Registries;
import dev.rebaser.manifest.GoValue.Str;
import dev.rebaser.manifest.GoValue.Unknown;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Works out, the way Go's package initialisation would, which images a parsed manifest.go
 * declares: package-level ImageConfig variables, and {@code configs[X] = Config{…}}
 * assignments in the functions that fill the image map (following helpers they hand the
 * map to). Registry variables are evaluated lazily from their declarations, so a variable
 * derived from an overridden RegistryList field at init time carries the overridden
 * value, exactly as in Go.
 */
final class ManifestEvaluator {

	private static final Set<String> CONFIG_TYPES = Set.of("Config", "ImageConfig");

	private static final String REGISTRY_LIST = "RegistryList";

	private static final List<String> DEFAULT_CONFIG_FIELDS = List.of("registry", "name", "version");

	private static final int MAX_HELPER_DEPTH = 8;

	private static final int MAX_IDS_NAMED = 5;

	private final List<GoToken> tokens;

	private final GoParser parser;

	private final GoParser.File file;

	private final RegistryOverrides overrides;

	private final Map<String, ValueSpec> globals = new HashMap<>();

	private final Map<String, FuncDecl> funcs = new LinkedHashMap<>();

	private final Map<String, StructType> structs = new HashMap<>();

	private final Map<String, GoValue> globalValues = new HashMap<>();

	private final Set<String> evaluating = new HashSet<>();

	private final Map<String, Block> bodies = new HashMap<>();

	private final Set<String> onStack = new HashSet<>();

	private final Set<String> analysed = new HashSet<>();

	private final Map<String, ManifestImage> images = new LinkedHashMap<>();

	private final List<ManifestWarning> warnings = new ArrayList<>();

	private final Set<String> unusedOverrideKeys;

	/**
	 * Listed images whose registry only KUBE_TEST_REPO_LIST could set: id to the yaml
	 * key.
	 */
	private final Map<String, String> unresolvedImages = new HashMap<>();

	private Registries fileDefaults;

	private boolean fileDefaultsSearched;

	private ManifestEvaluator(List<GoToken> tokens, RegistryOverrides overrides) {
		this.tokens = tokens;
		this.parser = new GoParser(tokens);
		this.file = parser.parseFile();
		this.overrides = overrides;
		this.unusedOverrideKeys = new java.util.LinkedHashSet<>(overrides.values().keySet());
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

	static Manifest evaluate(String source, RegistryOverrides overrides) {
		GoLexer.Result lexed = GoLexer.lex(source);
		ManifestEvaluator evaluator = new ManifestEvaluator(lexed.tokens(), overrides);
		for (GoLexer.Problem p : lexed.problems()) {
			evaluator.warn(p.line(), "Go syntax: " + p.message());
		}
		evaluator.run();
		return evaluator.result();
	}

	private void run() {
		for (ValueSpec spec : file.values()) {
			if (spec.valueCount() == 1 && spec.value() != null) {
				declareImages(spec.name(), spec.value(), Map.of(), spec.line());
			}
		}
		List<FuncDecl> roots = imageFunctions();
		for (FuncDecl root : roots) {
			if (!analysed.contains(root.name())) {
				analyse(root, Map.of(), 0);
			}
		}
		reportUnresolved();
		reportOverrides();
	}

	private Manifest result() {
		for (GoParser.Problem p : parser.problems()) {
			warn(p.line(), "Go syntax: " + p.message());
		}
		List<ManifestWarning> sorted = new ArrayList<>(warnings);
		sorted.sort(java.util.Comparator.comparingInt(ManifestWarning::line));
		List<ManifestWarning> distinct = new ArrayList<>(new java.util.LinkedHashSet<>(sorted));
		return new Manifest(new ArrayList<>(images.values()), distinct);
	}

	private void warn(int line, String message) {
		warnings.add(new ManifestWarning(line, message));
	}

	// ---------------------------------------------------------------- finding image
	// functions

	/**
	 * Functions that store a Config literal into a map, minus those only reached as
	 * helpers of another.
	 */
	private List<FuncDecl> imageFunctions() {
		List<FuncDecl> candidates = new ArrayList<>();
		for (FuncDecl f : funcs.values()) {
			if (f.bodyStart() >= 0 && storesConfigLiteral(f)) {
				candidates.add(f);
			}
		}
		List<FuncDecl> roots = new ArrayList<>();
		for (FuncDecl c : candidates) {
			boolean called = false;
			for (FuncDecl other : candidates) {
				if (other != c && calls(other, c.name())) {
					called = true;
					break;
				}
			}
			if (!called) {
				roots.add(c);
			}
		}
		return roots;
	}

	private boolean storesConfigLiteral(FuncDecl f) {
		for (int i = f.bodyStart() + 1; i < f.bodyEnd(); i++) {
			GoToken t = tokens.get(i);
			if ((t.isOp("=") || t.isOp(":=")) && tokens.get(i - 1).isOp("]") && configLiteralAt(i + 1)) {
				return true;
			}
			if (t.isKeyword("map")) {
				int j = closingBracket(i + 1);
				if (j > 0 && configLiteralAt(j + 1)) {
					return true;
				}
			}
		}
		return false;
	}

	private boolean configLiteralAt(int i) {
		if (i < tokens.size() && tokens.get(i).isOp("&")) {
			i++;
		}
		if (i + 2 < tokens.size() && tokens.get(i).kind() == Kind.IDENT && tokens.get(i + 1).isOp(".")) {
			i += 2;
		}
		return i + 1 < tokens.size() && tokens.get(i).kind() == Kind.IDENT
				&& CONFIG_TYPES.contains(tokens.get(i).text()) && tokens.get(i + 1).isOp("{");
	}

	private int closingBracket(int open) {
		if (open >= tokens.size() || !tokens.get(open).isOp("[")) {
			return -1;
		}
		int level = 0;
		for (int i = open; i < tokens.size(); i++) {
			if (tokens.get(i).isOp("[")) {
				level++;
			}
			else if (tokens.get(i).isOp("]") && --level == 0) {
				return i;
			}
		}
		return -1;
	}

	private boolean calls(FuncDecl caller, String name) {
		for (int i = caller.bodyStart() + 1; i + 1 < caller.bodyEnd(); i++) {
			if (tokens.get(i).is(Kind.IDENT, name) && tokens.get(i + 1).isOp("(") && !tokens.get(i - 1).isOp(".")) {
				return true;
			}
		}
		return false;
	}

	// ---------------------------------------------------------------- statements

	private void analyse(FuncDecl f, Map<String, GoValue> bound, int depth) {
		analysed.add(f.name());
		onStack.add(f.name());
		try {
			Map<String, GoValue> env = new HashMap<>();
			for (Param p : f.params()) {
				if (p.name().isEmpty() || p.name().equals("_")) {
					continue;
				}
				GoValue v = bound.get(p.name());
				env.put(p.name(), v != null ? v : parameterValue(p));
			}
			walk(body(f), env, -1, depth);
		}
		finally {
			onStack.remove(f.name());
		}
	}

	private GoValue parameterValue(Param p) {
		TypeRef type = typeFromText(p.type());
		if (type.isMap() && isConfigType(type.elem())) {
			return new ImageMap();
		}
		if (REGISTRY_LIST.equals(type.name())) {
			return effectiveRegistries();
		}
		return new Unknown("it is the parameter '" + p.name() + "'");
	}

	private static TypeRef typeFromText(String text) {
		String t = text.replace("*", "");
		if (t.startsWith("map[")) {
			int close = t.indexOf(']');
			String elem = close < 0 ? "" : t.substring(close + 1);
			return new TypeRef(t, null, typeFromText(elem));
		}
		String name = t.substring(t.lastIndexOf('.') + 1);
		return new TypeRef(t, name, null);
	}

	private Block body(FuncDecl f) {
		return bodies.computeIfAbsent(f.name(), n -> parser.parseBody(f));
	}

	private void walk(Stmt stmt, Map<String, GoValue> env, int lineOverride, int depth) {
		if (stmt instanceof Block b) {
			for (Stmt s : b.stmts()) {
				walk(s, env, lineOverride, depth);
			}
		}
		else if (stmt instanceof Assign a) {
			assign(a, env, lineOverride);
		}
		else if (stmt instanceof ExprStmt e && e.x() instanceof Call c) {
			call(c, env, lineOverride < 0 ? e.line() : lineOverride, depth);
		}
		else if (stmt instanceof Range r) {
			range(r, env, depth);
		}
	}

	private void assign(Assign a, Map<String, GoValue> env, int lineOverride) {
		int line = lineOverride < 0 ? a.line() : lineOverride;
		if (a.lhs().size() != a.rhs().size()) {
			for (Expr l : a.lhs()) {
				if (l instanceof Ident id && a.op().equals(":=") && !(env.get(id.name()) instanceof ImageMap)) {
					env.put(id.name(), new Unknown("'" + id.name() + "' comes from a call with several results"));
				}
			}
			return;
		}
		for (int i = 0; i < a.lhs().size(); i++) {
			Expr l = a.lhs().get(i);
			Expr r = a.rhs().get(i);
			if (l instanceof Index ix) {
				boolean intoImageMap = ix.x() instanceof Ident m && env.get(m.name()) instanceof ImageMap;
				if (intoImageMap || isConfigLiteral(r)) {
					if (ix.x() instanceof Ident m && env.containsKey(m.name())) {
						env.put(m.name(), new ImageMap());
					}
					GoValue v = eval(r, env);
					register(idOf(ix.index(), env, v, line), v, line);
				}
			}
			else if (l instanceof Ident id && !id.name().equals("_")) {
				boolean local = a.op().equals(":=") || env.containsKey(id.name());
				if (!local || env.get(id.name()) instanceof ImageMap) {
					continue; // package state, or the image map being re-mapped
								// (KUBE_TEST_REPO)
				}
				if (isImageMapExpr(r)) {
					declareImages(null, r, env, line);
					env.put(id.name(), new ImageMap());
				}
				else {
					env.put(id.name(), eval(r, env));
				}
			}
		}
	}

	private boolean isImageMapExpr(Expr r) {
		if (r instanceof Composite c && c.type() != null && c.type().isMap() && isConfigType(c.type().elem())) {
			return true;
		}
		return r instanceof Call c && c.fun() instanceof Ident f && f.name().equals("make") && !c.args().isEmpty()
				&& c.args().get(0) instanceof Opaque o && o.what().startsWith("type map[")
				&& isConfigType(typeFromText(o.what().substring(5)).elem());
	}

	private void call(Call c, Map<String, GoValue> env, int line, int depth) {
		boolean passesImageMap = c.args()
			.stream()
			.anyMatch(arg -> arg instanceof Ident id && env.get(id.name()) instanceof ImageMap);
		if (!passesImageMap) {
			return;
		}
		if (c.fun() instanceof Ident f && f.name().equals("delete") && c.args().size() == 2) {
			String id = idOf(c.args().get(1), env, null, line);
			ManifestImage removed = images.remove(id);
			unresolvedImages.remove(id);
			if (removed == null) {
				warn(line, "delete(" + exprText(c.args().get(1)) + ") removes an image this reader does not know");
			}
			return;
		}
		FuncDecl helper = c.fun() instanceof Ident f ? funcs.get(f.name()) : null;
		if (helper == null || helper.bodyStart() < 0) {
			warn(line, "images added by " + exprText(c.fun()) + "(…) are not listed: it is defined outside this "
					+ "file, so what it adds to the image map cannot be read here");
			return;
		}
		if (depth >= MAX_HELPER_DEPTH || onStack.contains(helper.name())) {
			warn(line, "images added by " + helper.name() + "(…) are not listed: it calls itself");
			return;
		}
		Map<String, GoValue> bound = new HashMap<>();
		for (int i = 0; i < helper.params().size() && i < c.args().size(); i++) {
			Expr arg = c.args().get(i);
			GoValue v = arg instanceof Ident id && env.get(id.name()) instanceof ImageMap ? new ImageMap()
					: eval(arg, env);
			bound.put(helper.params().get(i).name(), v);
		}
		analyse(helper, bound, depth + 1);
	}

	private void range(Range r, Map<String, GoValue> env, int depth) {
		GoValue over = eval(r.over(), env);
		if (over instanceof Collection coll) {
			for (Entry e : coll.entries()) {
				Map<String, GoValue> inner = new HashMap<>(env);
				bind(inner, r.key(), e.key());
				bind(inner, r.value(), e.value());
				walk(r.body(), inner, e.line(), depth);
			}
			return;
		}
		Map<String, GoValue> inner = new HashMap<>(env);
		String why = over instanceof Unknown u ? u.why() : "it is not a literal list";
		GoValue unknown = new Unknown("it comes from a range over " + exprText(r.over()) + " (" + why + ")");
		bind(inner, r.key(), unknown);
		bind(inner, r.value(), unknown);
		walk(r.body(), inner, -1, depth);
	}

	private static void bind(Map<String, GoValue> env, Expr target, GoValue value) {
		if (target instanceof Ident id && !id.name().equals("_")) {
			env.put(id.name(), value);
		}
	}

	// ---------------------------------------------------------------- images

	/**
	 * Records the images an initialiser declares: a Config literal (id = the variable) or
	 * a map literal of Configs (id = each key). Other initialisers declare nothing.
	 */
	private void declareImages(String id, Expr value, Map<String, GoValue> env, int line) {
		Expr x = value instanceof Unary u && u.op().equals("&") ? u.x() : value;
		if (!(x instanceof Composite c) || c.type() == null) {
			return;
		}
		if (id != null && isConfigType(c.type())) {
			register(id, eval(c, env), line);
		}
		else if (c.type().isMap() && isConfigType(c.type().elem())) {
			for (Element e : c.elements()) {
				GoValue v = eval(e.value(), env);
				register(e.key() == null ? "?" : idOf(e.key(), env, v, e.line()), v, e.line());
			}
		}
	}

	private void register(String id, GoValue value, int line) {
		if (value instanceof Image img) {
			images.put(id, new ManifestImage(id, img.registryKey(), img.registry(), img.name(), img.version(), line,
					img.missing() == null));
			if (img.missing() == null) {
				unresolvedImages.remove(id);
			}
			else {
				unresolvedImages.put(id, img.missing());
			}
		}
		else {
			String why = value instanceof Unknown u ? u.why() : "it is not an image config";
			warn(line, "image " + id + " is not listed: " + why);
		}
	}

	/**
	 * The image id: the constant used as map key, a string key, or the image name for
	 * computed keys.
	 */
	private String idOf(Expr index, Map<String, GoValue> env, GoValue value, int line) {
		if (index instanceof Ident id) {
			if (!env.containsKey(id.name())) {
				return id.name();
			}
			if (env.get(id.name()) instanceof Str s) {
				return s.value();
			}
		}
		else if (index instanceof StrLit s) {
			return s.value();
		}
		else if (index instanceof Selector s) {
			return s.sel();
		}
		if (value instanceof Image img) {
			return img.name();
		}
		return "at line " + line;
	}

	private boolean isConfigLiteral(Expr e) {
		Expr x = e instanceof Unary u && u.op().equals("&") ? u.x() : e;
		return x instanceof Composite c && isConfigType(c.type());
	}

	private static boolean isConfigType(TypeRef t) {
		return t != null && t.name() != null && CONFIG_TYPES.contains(t.name()) && !t.text().startsWith("[");
	}

	private GoValue image(Composite c, Map<String, GoValue> env) {
		List<String> fields = configFields(c.type());
		Map<String, Expr> byField = new HashMap<>();
		boolean keyed = c.elements().stream().anyMatch(e -> e.key() != null);
		if (keyed) {
			for (Element e : c.elements()) {
				if (e.key() instanceof Ident k) {
					byField.put(k.name().toLowerCase(java.util.Locale.ROOT), e.value());
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
				byField.put(fields.get(i).toLowerCase(java.util.Locale.ROOT), c.elements().get(i).value());
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
				return new Unknown("its " + field + " " + exprText(e) + " cannot be resolved: " + why);
			}
			if (i > 0 && s.missing() != null) {
				return new Unknown("its " + field + " " + exprText(e) + " has no value unless KUBE_TEST_REPO_LIST sets "
						+ s.missing());
			}
			parts[i] = s.value();
			if (i == 0) {
				key = s.key();
				missing = s.missing();
			}
		}
		return new Image(key, parts[0], parts[1], parts[2], c.line(), missing);
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

	// ---------------------------------------------------------------- expressions

	private GoValue eval(Expr e, Map<String, GoValue> env) {
		try {
			return evalUnchecked(e, env);
		}
		catch (StackOverflowError overflow) {
			return new Unknown("it is nested too deeply");
		}
	}

	private GoValue evalUnchecked(Expr e, Map<String, GoValue> env) {
		if (e instanceof StrLit s) {
			return new Str(s.value(), "");
		}
		if (e instanceof Ident id) {
			GoValue v = env.containsKey(id.name()) ? env.get(id.name()) : global(id.name());
			return v instanceof Str s ? s.withKey(id.name()) : v;
		}
		if (e instanceof Selector s) {
			if (s.x() instanceof Ident pkg && !env.containsKey(pkg.name()) && !globals.containsKey(pkg.name())) {
				return new Unknown(exprText(s) + " is defined in another package");
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
			return x instanceof Unknown u ? u : new Unknown(exprText(s) + " is not a RegistryList field");
		}
		if (e instanceof Binary b) {
			GoValue l = eval(b.left(), env);
			GoValue r = eval(b.right(), env);
			if (b.op().equals("+") && l instanceof Str ls && r instanceof Str rs) {
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
				for (Entry entry : coll.entries()) {
					if (entry.key() instanceof Str s && s.value().equals(ks.value())) {
						return entry.value();
					}
				}
				return new Unknown("key \"" + ks.value() + "\" is not in " + exprText(ix.x()));
			}
			return new Unknown(exprText(ix) + " cannot be looked up");
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
						: new Unknown("'" + name + "' is one of several results of " + exprText(spec.value()));
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
		return new Unknown("the call " + exprText(c.fun()) + "(…) is not evaluated");
	}

	/**
	 * Only functions that build a RegistryList are understood: initReg(), readRepoList(…)
	 * and kin.
	 */
	private GoValue result(FuncDecl f, int index) {
		if (index >= f.results().size() || !REGISTRY_LIST.equals(typeFromText(f.results().get(index)).name())) {
			return new Unknown("the result of " + f.name() + "() is not evaluated");
		}
		Registries base = null;
		boolean unmarshals = false;
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

	private Registries parsedRegistries(int tokenIndex) {
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

	// ---------------------------------------------------------------- registries and
	// overrides

	/**
	 * The list initImageConfigs(list RegistryList) receives: defaults, overridden if Go
	 * reads the file.
	 */
	private GoValue effectiveRegistries() {
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
	private Registries zeroRegistries(boolean overridden) {
		StructType s = structs.get(REGISTRY_LIST);
		Set<String> unset = new HashSet<>();
		if (s != null) {
			s.fields().forEach(f -> unset.add(f.name()));
		}
		Registries zero = new Registries(Map.of(), Set.copyOf(unset));
		return overridden ? withOverrides(zero) : zero;
	}

	private static boolean isRegistryList(TypeRef type) {
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

	private boolean readsOverrides() {
		return tokens.stream().anyMatch(t -> t.is(Kind.IDENT, "Unmarshal"));
	}

	/**
	 * yaml.Unmarshal into the struct: keys matching a field's yaml key replace it, others
	 * are ignored.
	 */
	private Registries withOverrides(Registries base) {
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
					.map(name -> new Field(name, "string", name.toLowerCase(java.util.Locale.ROOT), 0))
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

	private String yamlKey(String field) {
		StructType s = structs.get(REGISTRY_LIST);
		if (s != null) {
			for (Field f : s.fields()) {
				if (f.name().equals(field) && f.yamlKey() != null) {
					return f.yamlKey();
				}
			}
		}
		return field.toLowerCase(java.util.Locale.ROOT);
	}

	/**
	 * One warning per registry key that only KUBE_TEST_REPO_LIST could set, at its
	 * RegistryList field, naming the images listed without their registry.
	 */
	private void reportUnresolved() {
		Map<String, List<ManifestImage>> byKey = new LinkedHashMap<>();
		for (ManifestImage image : images.values()) {
			String key = unresolvedImages.get(image.id());
			if (key != null) {
				byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(image);
			}
		}
		StructType s = structs.get(REGISTRY_LIST);
		byKey.forEach((key, using) -> {
			int line = using.get(0).line();
			if (s != null) {
				for (Field f : s.fields()) {
					if (key.equals(yamlKey(f.name()))) {
						line = f.line();
						break;
					}
				}
			}
			List<String> ids = using.stream().map(ManifestImage::id).toList();
			String named = ids.size() <= MAX_IDS_NAMED ? String.join(", ", ids)
					: String.join(", ", ids.subList(0, MAX_IDS_NAMED)) + " and " + (ids.size() - MAX_IDS_NAMED)
							+ " more";
			warn(line,
					"registry '" + key + "' has no default in this manifest, only KUBE_TEST_REPO_LIST sets it: "
							+ (ids.size() == 1 ? "1 image is" : ids.size() + " images are") + " listed with "
							+ Str.placeholder(key) + " for its registry (" + named + "); a repo list that sets " + key
							+ " resolves " + (ids.size() == 1 ? "it" : "them"));
		});
	}

	private void reportOverrides() {
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

	// ---------------------------------------------------------------- text

	private static String exprText(Expr e) {
		if (e instanceof StrLit s) {
			return '"' + s.value() + '"';
		}
		if (e instanceof Ident i) {
			return i.name();
		}
		if (e instanceof Selector s) {
			return exprText(s.x()) + "." + s.sel();
		}
		if (e instanceof Binary b) {
			return exprText(b.left()) + " " + b.op() + " " + exprText(b.right());
		}
		if (e instanceof Call c) {
			return exprText(c.fun()) + "(…)";
		}
		if (e instanceof Composite c) {
			return (c.type() == null ? "" : c.type().text()) + "{…}";
		}
		if (e instanceof Index i) {
			return exprText(i.x()) + "[" + exprText(i.index()) + "]";
		}
		if (e instanceof Unary u) {
			return u.op() + exprText(u.x());
		}
		return ((Opaque) e).what();
	}

}
