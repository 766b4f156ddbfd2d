package dev.rebaser.catalog;

import dev.rebaser.context.ArchiveLimits;
import dev.rebaser.context.BuildContext;
import dev.rebaser.context.ContextArchive;
import dev.rebaser.context.ContextDirectory;
import dev.rebaser.manifest.Manifest;
import dev.rebaser.manifest.ManifestImage;
import dev.rebaser.manifest.ManifestReader;
import dev.rebaser.manifest.RegistryOverrides;
import dev.rebaser.rules.RuleSet;
import dev.rebaser.rules.Target;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Imports a Kubernetes tree into a {@link Catalog}: the images manifest.go lists, each
 * with its folder of test/images as build context, the external images of a catalog YAML,
 * and the dependency graph between them for one target.
 *
 * <p>
 * The tree can be a checkout on disk, an uploaded {@code .tar.gz} of a tree or of a
 * release (its top-level folder stripped), or a release tarball URL, streamed and cut
 * down to manifest.go and test/images as it arrives. A {@code catalog.yaml} at the tree's
 * root is read as the external catalog; another one can be given.
 */
public final class CatalogImporter {

	/**
	 * A Kubernetes release tarball is a few hundred MB compressed; beyond this something
	 * is wrong.
	 */
	public static final long DEFAULT_MAX_DOWNLOAD_BYTES = 2L * 1024 * 1024 * 1024;

	private final RuleSet rules;

	private final Target target;

	private final TreeSources sources;

	private final RegistryOverrides overrides;

	private final GitSources gitSources;

	private final ArchiveLimits limits;

	/** Fetching from public addresses only. */
	public CatalogImporter(RuleSet rules, Target target) {
		this(rules, target, AddressPolicy.publicOnly());
	}

	/**
	 * @param fetches where URLs (of the tree, and of catalog.yaml sources) may be fetched
	 * from
	 */
	public CatalogImporter(RuleSet rules, Target target, AddressPolicy fetches) {
		this(rules, target, ArchiveLimits.defaults(), DEFAULT_MAX_DOWNLOAD_BYTES, fetches, RegistryOverrides.none());
	}

	public CatalogImporter(RuleSet rules, Target target, ArchiveLimits limits, long maxDownloadBytes,
			AddressPolicy fetches, RegistryOverrides overrides) {
		this.rules = rules;
		this.target = target;
		this.limits = limits;
		this.sources = new TreeSources(limits, maxDownloadBytes, fetches);
		this.gitSources = new GitSources(Duration.ofMinutes(10), fetches, limits);
		this.overrides = overrides;
	}

	/** The built-in rules and their default target (Debian bookworm on mips64le). */
	public static CatalogImporter withBuiltinRules() {
		RuleSet rules = RuleSet.builtin();
		return new CatalogImporter(rules, rules.defaultTarget());
	}

	/** A checkout on disk, with its {@code catalog.yaml} when it has one. */
	public Catalog importDirectory(Path root) throws IOException {
		SourceTree tree = sources.directory(root);
		Path yaml = root.resolve(SourceTree.CATALOG);
		Optional<String> text = tree.text(SourceTree.CATALOG);
		return text.isPresent() ? importTree(tree, text.get(), yaml.toString(), onDisk(yaml))
				: importTree(tree, null, null, null);
	}

	/**
	 * A checkout on disk and an external catalog YAML kept elsewhere (its directories are
	 * relative to it).
	 */
	public Catalog importDirectory(Path root, Path externalCatalog) throws IOException {
		return importTree(sources.directory(root), Files.readString(externalCatalog), externalCatalog.toString(),
				onDisk(externalCatalog));
	}

	/** A {@code .tar.gz} of a tree or of a release, as uploaded. */
	public Catalog importArchive(InputStream tarGz, String name) throws IOException {
		return importTree(sources.archive(tarGz, name));
	}

	/**
	 * A release tarball at an http(s) URL, e.g.
	 * {@code https://…/kubernetes-1.30.0.tar.gz}.
	 */
	public Catalog importUrl(URI uri) throws IOException {
		return importTree(sources.url(uri));
	}

	/**
	 * The part of a tree an import reads, packed as a {@code .tar.gz} with paths from the
	 * tree's root, so that an import can be kept and read again without its source.
	 */
	public record Snapshot(String origin, byte[] tarGz) {
	}

	/** A checkout on disk: manifest.go, test/images, catalog.yaml and external/. */
	public Snapshot snapshotDirectory(Path root) throws IOException {
		return snapshot(sources.directory(root));
	}

	/**
	 * A {@code .tar.gz} of a tree or of a release, as uploaded, cut down to what an
	 * import reads.
	 */
	public Snapshot snapshotArchive(InputStream tarGz, String name) throws IOException {
		return snapshot(sources.archive(tarGz, name));
	}

	/** A release tarball at an http(s) URL, streamed and cut down as it arrives. */
	public Snapshot snapshotUrl(URI uri) throws IOException {
		return snapshot(sources.url(uri));
	}

	/** The example tree bundled with Rebaser. */
	public static Snapshot exampleSnapshot() throws IOException {
		return snapshot(ExampleTree.tree());
	}

	/** Imports a snapshot; external images with URL sources are fetched again. */
	public Catalog importSnapshot(Snapshot snapshot) throws IOException {
		return importTree(sources.archive(new ByteArrayInputStream(snapshot.tarGz()), snapshot.origin()));
	}

	private static Snapshot snapshot(SourceTree tree) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		ContextArchive.write(tree.files(), bytes);
		return new Snapshot(tree.origin(), bytes.toByteArray());
	}

	/** A tree already in memory, with the catalog.yaml it carries, if any. */
	Catalog importTree(SourceTree tree) throws IOException {
		Optional<String> yaml = tree.text(SourceTree.CATALOG);
		return importTree(tree, yaml.orElse(null), tree.origin() + ":" + SourceTree.CATALOG, inTree(tree));
	}

	/** Directory sources of a YAML on disk: folders relative to the YAML. */
	private ExternalFolders onDisk(Path yaml) {
		Path base = yaml.toAbsolutePath().getParent();
		return path -> {
			Path folder = base.resolve(path).normalize();
			return Files.isDirectory(folder) ? Optional.of(ContextDirectory.read(folder, limits)) : Optional.empty();
		};
	}

	/**
	 * Directory sources of a YAML inside a tree: folders of the tree, which they may not
	 * leave.
	 */
	private static ExternalFolders inTree(SourceTree tree) {
		return path -> {
			String normalised = Path.of("/").resolve(path).normalize().toString().substring(1);
			if (path.startsWith("/") || path.contains("..") || normalised.isEmpty()) {
				throw new IOException("directory " + path + " is not a folder inside the tree");
			}
			return tree.hasFolder(normalised) ? Optional.of(tree.context(normalised, message -> {
			})) : Optional.empty();
		};
	}

	@FunctionalInterface
	private interface ExternalFolders {

		Optional<BuildContext> read(String path) throws IOException;

	}

	private Catalog importTree(SourceTree tree, String yaml, String yamlOrigin, ExternalFolders folders)
			throws IOException {
		ProblemLog problems = new ProblemLog();
		List<Draft> drafts = new ArrayList<>();
		TreeFolders treeFolders = new TreeFolders(tree);
		Optional<String> manifestText = tree.text(SourceTree.MANIFEST);
		if (manifestText.isEmpty()) {
			problems.error(null, tree.origin() + " has no " + SourceTree.MANIFEST
					+ (tree.isEmpty() ? " (nothing of a Kubernetes tree was found in it)" : ""));
		}
		else {
			addManifestImages(ManifestReader.read(manifestText.get(), overrides), treeFolders, drafts, problems);
		}
		if (yaml != null) {
			addExternalImages(ExternalCatalog.parse(yaml, yamlOrigin, message -> problems.error(null, message)),
					folders, drafts, problems);
		}
		new BaseResolver(drafts, treeFolders, rules, target, problems).resolveAll();
		assignIds(drafts);
		DependencyGraph graph = graph(drafts);
		List<CatalogProblem> all = new ArrayList<>(problems.problems());
		for (List<String> cycle : graph.cycles()) {
			all.add(CatalogProblem.error(cycle.get(0), "dependency cycle: " + DependencyGraph.describe(cycle)));
		}
		return new Catalog(drafts.stream().map(Draft::toImage).toList(), graph, all);
	}

	private void addManifestImages(Manifest manifest, TreeFolders folders, List<Draft> drafts, ProblemLog problems) {
		manifest.warnings()
			.forEach(warning -> problems.warning(null, SourceTree.MANIFEST
					+ (warning.line() > 0 ? " line " + warning.line() : "") + ": " + warning.message()));
		Map<String, Draft> byReference = new LinkedHashMap<>();
		Map<TreeFolders.Folder, List<Draft>> byFolder = new LinkedHashMap<>();
		for (ManifestImage image : manifest.images()) {
			if (byReference.containsKey(image.image())) {
				continue; // two Go names for one image (e.g. a private-registry variant
							// with the same registry)
			}
			Draft draft = new Draft(image.name(), image.version(), image.image(), image.registry(),
					CatalogImage.Origin.MANIFEST);
			draft.hasArch = image.hasArch();
			byReference.put(image.image(), draft);
			drafts.add(draft);
			Optional<TreeFolders.Folder> folder = folders.of(image);
			if (folder.isPresent()) {
				byFolder.computeIfAbsent(folder.get(), f -> new ArrayList<>()).add(draft);
			}
			else {
				draft.noContextReason = "no folder for " + image.name() + " under " + SourceTree.IMAGES
						+ " (an image made elsewhere); describe it in the catalog YAML to rebuild it";
			}
		}
		byFolder.forEach((folder, wanting) -> {
			Optional<String> version = folders.version(folder);
			List<Draft> sameVersion = wanting.stream()
				.filter(d -> version.isPresent() && d.version.equals(version.get()))
				.toList();
			Draft builder = sameVersion.isEmpty() ? wanting.get(0) : sameVersion.get(0);
			folders.attach(builder, folder, problems);
			if (sameVersion.isEmpty()) {
				problems.warning(builder,
						"manifest.go wants " + builder.version + " but " + folder.path() + "/VERSION is "
								+ version.orElse("missing") + "; the context of the tree is built and tagged "
								+ builder.version);
			}
			for (Draft other : wanting) {
				if (other != builder && other.context == null) {
					other.noContextReason = folder.path() + " builds " + folder.name() + ":" + builder.version
							+ ", not " + other.version;
					problems.warning(other, other.noContextReason);
					other.noContextReported = true;
				}
			}
		});
	}

	private void addExternalImages(List<ExternalImage> entries, ExternalFolders folders, List<Draft> drafts,
			ProblemLog problems) throws IOException {
		for (ExternalImage entry : entries) {
			ImageReference reference = ImageReference.parse(entry.reference());
			Optional<Draft> listed = drafts.stream().filter(d -> d.parsedReference().sameAs(reference)).findFirst();
			Draft draft;
			if (listed.isPresent()) {
				draft = listed.get();
				if (draft.context != null) {
					problems.warning(draft, "the catalog YAML describes " + entry.reference()
							+ " too; the context from " + draft.contextPath + " is kept");
					continue;
				}
			}
			else {
				String registry = entry.reference()
					.substring(0, Math.max(0,
							entry.reference().length() - entry.version().length() - 1 - entry.name().length()));
				draft = new Draft(entry.name(), entry.version(), entry.reference(),
						registry.endsWith("/") ? registry.substring(0, registry.length() - 1) : registry,
						CatalogImage.Origin.EXTERNAL);
				drafts.add(draft);
			}
			if (entry.source() == null) {
				draft.noContextReason = "the catalog YAML gives no source for " + entry.reference();
				draft.contextPath = null;
				continue;
			}
			draft.contextPath = entry.source().describe();
			loadExternal(draft, entry.source(), folders, problems);
		}
	}

	private void loadExternal(Draft draft, ExternalSource source, ExternalFolders folders, ProblemLog problems) {
		try {
			if (source instanceof ExternalSource.Directory directory) {
				Optional<BuildContext> context = folders.read(directory.path());
				if (context.isEmpty()) {
					draft.noContextReason = "the folder " + directory.path() + " of the catalog YAML does not exist";
					problems.error(draft, draft.noContextReason);
				}
				draft.context = context.orElse(null);
			}
			else if (source instanceof ExternalSource.Tarball tarball) {
				BuildContext context = sources.folderOfTarball(URI.create(tarball.url()), tarball.path());
				if (context.size() == 0) {
					draft.noContextReason = ShownUrls.shown(tarball.url()) + " holds nothing under " + tarball.path();
					problems.error(draft, draft.noContextReason);
				}
				else {
					draft.context = context;
				}
			}
			else if (source instanceof ExternalSource.Git git) {
				BuildContext context = gitSources.folder(git.url(), git.ref(), git.path());
				if (context.size() == 0) {
					draft.noContextReason = git.describe() + " is an empty folder";
					problems.error(draft, draft.noContextReason);
				}
				else {
					draft.context = context;
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			draft.context = null;
			draft.noContextReason = "the source " + source.describe() + " could not be read: " + ex.getMessage();
			problems.error(draft, draft.noContextReason);
		}
		draft.noContextReported = draft.context == null;
	}

	/**
	 * The name, URL-safe; with the version when two images share a name; numbered if even
	 * that is shared.
	 */
	private static void assignIds(List<Draft> drafts) {
		Map<String, Integer> perName = new HashMap<>();
		drafts.forEach(d -> perName.merge(d.name, 1, Integer::sum));
		Set<String> taken = new LinkedHashSet<>();
		for (Draft draft : drafts) {
			String id = slug(draft.name) + (perName.get(draft.name) > 1 ? "-" + slug(draft.version) : "");
			String unique = id;
			for (int n = 2; !taken.add(unique); n++) {
				unique = id + "-" + n;
			}
			draft.id = unique;
		}
	}

	private static String slug(String text) {
		return text.replaceAll("[^A-Za-z0-9._-]+", "-");
	}

	private static DependencyGraph graph(List<Draft> drafts) {
		Map<String, String> names = new LinkedHashMap<>();
		Map<String, Set<String>> parents = new LinkedHashMap<>();
		Map<String, String> unresolvable = new LinkedHashMap<>();
		for (Draft draft : drafts) {
			names.put(draft.id, draft.name);
			Set<String> of = new LinkedHashSet<>();
			draft.parents.forEach(parent -> of.add(parent.id));
			parents.put(draft.id, of);
			if (draft.unresolvable != null) {
				unresolvable.put(draft.id, draft.unresolvable);
			}
		}
		return new DependencyGraph(names, parents, unresolvable);
	}

}
