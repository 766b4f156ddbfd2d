package dev.rebaser.catalog;

import dev.rebaser.context.BuildContext;
import dev.rebaser.context.ContextArchive;
import dev.rebaser.context.ContextFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The part of a Kubernetes tree an import needs, held in memory:
 * {@code test/utils/image/manifest.go}, {@code test/images/**} and, for Rebaser's own
 * trees, {@code catalog.yaml} with its folders. Paths are relative to the tree's root.
 */
final class SourceTree {

	static final String MANIFEST = "test/utils/image/manifest.go";
	static final String IMAGES = "test/images";
	static final String CATALOG = "catalog.yaml";

	/** Where a Rebaser tree keeps the folders of its external images, by convention. */
	static final String EXTERNAL = "external";

	private final BuildContext files;

	private final String origin;

	SourceTree(BuildContext files, String origin) {
		this.files = files;
		this.origin = origin;
	}

	/** Where the tree came from, for messages: a folder, an upload, a URL. */
	String origin() {
		return origin;
	}

	Optional<String> text(String path) {
		return files.text(path);
	}

	BuildContext files() {
		return files;
	}

	boolean isEmpty() {
		return files.size() == 0;
	}

	/** Every folder under test/images with a Dockerfile of its own, sorted. */
	List<String> imageFolders() {
		TreeSet<String> folders = new TreeSet<>();
		for (ContextFile file : files.files()) {
			if (file.kind() == ContextFile.Kind.FILE && file.path().startsWith(IMAGES + "/")
					&& file.path().endsWith("/Dockerfile")) {
				folders.add(file.path().substring(0, file.path().length() - "/Dockerfile".length()));
			}
		}
		return List.copyOf(folders);
	}

	boolean hasFolder(String folder) {
		String prefix = folder + "/";
		return files.files().stream().anyMatch(file -> file.path().startsWith(prefix));
	}

	/**
	 * The files under {@code folder} as a build context of their own. A symbolic link
	 * that leaves the folder would point into the rest of the tree, which the context
	 * does not carry: it is left out and reported.
	 */
	BuildContext context(String folder, Consumer<String> leftOut) {
		String prefix = folder + "/";
		BuildContext context = new BuildContext();
		List<String> dropped = new ArrayList<>();
		for (ContextFile file : files.files()) {
			if (!file.path().startsWith(prefix)) {
				continue;
			}
			String path = file.path().substring(prefix.length());
			if (file.kind() == ContextFile.Kind.SYMLINK && !ContextArchive.linkStaysInside(path, file.linkTarget())) {
				dropped.add(path + " -> " + file.linkTarget());
				continue;
			}
			context.put(new ContextFile(path, file.kind(), file.mode(), file.content(), file.linkTarget()));
		}
		dropped.forEach(link -> leftOut.accept("symbolic link " + link + " points outside " + folder + "; left out"));
		return context;
	}

}
