package dev.rebaser.manifest;

import dev.rebaser.manifest.GoAst.Assign;
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
import dev.rebaser.manifest.GoValue.Collection;
import dev.rebaser.manifest.GoValue.Entry;
import dev.rebaser.manifest.GoValue.Image;
import dev.rebaser.manifest.GoValue.ImageMap;
import dev.rebaser.manifest.GoValue.Str;
import dev.rebaser.manifest.GoValue.Unknown;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
 *
 * <p>
 * This class walks the statements and records the images; beneath it,
 * {@link ValueEvaluator} works out what expressions are worth, {@link RegistryLists} what
 * KUBE_TEST_REPO_LIST does to the RegistryList, and {@link ManifestDeclarations} holds
 * what the file declares. {@link ImageFunctions} finds where to start and
 * {@link GoExprText} writes expressions into warnings.
 */
final class ManifestEvaluator extends ValueEvaluator {

	private static final int MAX_HELPER_DEPTH = 8;

	private static final int MAX_IDS_NAMED = 5;

	/**
	 * A real manifest.go has a handful; a broken one need not list a warning per line.
	 */
	static final int MAX_WARNINGS = 1000;

	private final Map<String, Block> bodies = new HashMap<>();

	private final Set<String> onStack = new HashSet<>();

	private final Set<String> analysed = new HashSet<>();

	private final Map<String, ManifestImage> images = new LinkedHashMap<>();

	/**
	 * Listed images whose registry only KUBE_TEST_REPO_LIST could set: id to the yaml
	 * key.
	 */
	private final Map<String, String> unresolvedImages = new HashMap<>();

	private ManifestEvaluator(List<GoToken> tokens, RegistryOverrides overrides) {
		super(tokens, overrides);
	}

	static Manifest evaluate(String source, RegistryOverrides overrides) {
		return evaluated(source, overrides).result();
	}

	/** The evaluator after its run, for its result and the work it counted. */
	static ManifestEvaluator evaluated(String source, RegistryOverrides overrides) {
		GoLexer.Result lexed = GoLexer.lex(source);
		ManifestEvaluator evaluator = new ManifestEvaluator(lexed.tokens(), overrides);
		for (GoLexer.Problem p : lexed.problems()) {
			evaluator.warn(p.line(), "Go syntax: " + p.message());
		}
		try {
			evaluator.run();
		}
		catch (TooMuchWork stop) {
			evaluator.warn(0, "manifest.go asks for more than " + stop.allowance + " steps of evaluation, where a real "
					+ "one takes a few hundred: its loops or helpers multiply each other; the images listed are those "
					+ "found before it stopped");
		}
		return evaluator;
	}

	private void run() {
		for (ValueSpec spec : file.values()) {
			if (spec.valueCount() == 1 && spec.value() != null) {
				declareImages(spec.name(), spec.value(), Map.of(), spec.line());
			}
		}
		List<FuncDecl> roots = new ImageFunctions(tokens, funcs, this::scanned).roots();
		for (FuncDecl root : roots) {
			if (!analysed.contains(root.name())) {
				analyse(root, Map.of(), 0);
			}
		}
		reportUnresolved();
		reportOverrides();
	}

	Manifest result() {
		for (GoParser.Problem p : parser.problems()) {
			warn(p.line(), "Go syntax: " + p.message());
		}
		List<ManifestWarning> sorted = new ArrayList<>(warnings);
		sorted.sort(Comparator.comparingInt(ManifestWarning::line));
		List<ManifestWarning> distinct = new ArrayList<>(new LinkedHashSet<>(sorted));
		if (distinct.size() > MAX_WARNINGS) {
			int more = distinct.size() - MAX_WARNINGS;
			distinct.subList(MAX_WARNINGS, distinct.size()).clear();
			distinct.add(new ManifestWarning(distinct.get(MAX_WARNINGS - 1).line(),
					"and " + more + " more warnings after this line, not listed"));
		}
		return new Manifest(new ArrayList<>(images.values()), distinct);
	}

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

	private Block body(FuncDecl f) {
		return bodies.computeIfAbsent(f.name(), n -> parser.parseBody(f));
	}

	private void walk(Stmt stmt, Map<String, GoValue> env, int lineOverride, int depth) {
		spend(1);
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
				warn(line, "delete(" + GoExprText.of(c.args().get(1)) + ") removes an image this reader does not know");
			}
			return;
		}
		FuncDecl helper = c.fun() instanceof Ident f ? funcs.get(f.name()) : null;
		if (helper == null || helper.bodyStart() < 0) {
			warn(line, "images added by " + GoExprText.of(c.fun()) + "(…) are not listed: it is defined outside this "
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
				spend(env.size());
				Map<String, GoValue> inner = new HashMap<>(env);
				bind(inner, r.key(), e.key());
				bind(inner, r.value(), e.value());
				walk(r.body(), inner, e.line(), depth);
			}
			return;
		}
		Map<String, GoValue> inner = new HashMap<>(env);
		String why = over instanceof Unknown u ? u.why() : "it is not a literal list";
		GoValue unknown = new Unknown("it comes from a range over " + GoExprText.of(r.over()) + " (" + why + ")");
		bind(inner, r.key(), unknown);
		bind(inner, r.value(), unknown);
		walk(r.body(), inner, -1, depth);
	}

	private static void bind(Map<String, GoValue> env, Expr target, GoValue value) {
		if (target instanceof Ident id && !id.name().equals("_")) {
			env.put(id.name(), value);
		}
	}

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
					img.missing() == null, img.hasArch()));
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

}
