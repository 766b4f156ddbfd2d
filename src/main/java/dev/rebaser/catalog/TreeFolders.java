package dev.rebaser.catalog;

import dev.rebaser.gobuild.ImageMakefile;
import dev.rebaser.gobuild.MakefileReading;
import dev.rebaser.manifest.ManifestImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The image folders of test/images and the names they build under. Kubernetes'
 * image-util.sh tags a folder's image with the folder path ({@code volume/nfs}) unless
 * the folder has an {@code ALIAS} file, whose content is then the image name.
 */
final class TreeFolders {

	/**
	 * @param name what the image is tagged as; {@code path} is the folder, relative to
	 * the tree
	 */
	record Folder(String path, String name, boolean aliased) {
	}

	private final SourceTree tree;

	private final List<Folder> folders = new ArrayList<>();

	TreeFolders(SourceTree tree) {
		this.tree = tree;
		for (String path : tree.imageFolders()) {
			String relative = path.substring(SourceTree.IMAGES.length() + 1);
			String alias = tree.text(path + "/ALIAS").map(String::strip).orElse("");
			folders.add(alias.isEmpty() ? new Folder(path, relative, false) : new Folder(path, alias, true));
		}
	}

	List<Folder> all() {
		return folders;
	}

	/**
	 * The folder of a manifest.go image: by its name, or, for registries that carry part
	 * of the name (older releases: {@code gcr.io/kubernetes-e2e-test-images/volume} +
	 * {@code nfs}), by the last part of the registry and the name.
	 */
	Optional<Folder> of(ManifestImage image) {
		List<String> names = new ArrayList<>(List.of(image.name()));
		int slash = image.registry().lastIndexOf('/');
		if (slash >= 0) {
			names.add(image.registry().substring(slash + 1) + "/" + image.name());
		}
		for (String name : names) {
			Optional<Folder> folder = folders.stream().filter(f -> f.name().equals(name)).findFirst();
			if (folder.isPresent()) {
				return folder;
			}
		}
		return Optional.empty();
	}

	/**
	 * The folder whose image {@code reference} names in {@code registry}, the registry
	 * the folder's image would be pushed to, ignoring the platform suffix; the longest
	 * name wins.
	 */
	Optional<Folder> named(ImageReference reference, String registry) {
		return folders.stream()
			.filter(f -> reference.isImage(registry, f.name()))
			.max(Comparator.comparingInt(f -> f.name().length()));
	}

	/**
	 * A draft for a folder not listed in manifest.go, tagged the way Kubernetes would tag
	 * it.
	 */
	Draft draftOf(Folder folder, String registry, ProblemLog problems) {
		String version = tree.text(folder.path() + "/VERSION")
			.map(String::strip)
			.filter(v -> !v.isEmpty())
			.orElse("latest");
		String reference = (registry.isEmpty() ? "" : registry + "/") + folder.name() + ":" + version;
		Draft draft = new Draft(folder.name(), version, reference, registry, CatalogImage.Origin.TREE);
		attach(draft, folder, problems);
		return draft;
	}

	/**
	 * Gives a draft the folder as its build context, noting what Kubernetes would have
	 * done differently.
	 */
	void attach(Draft draft, Folder folder, ProblemLog problems) {
		draft.contextPath = folder.path();
		draft.context = tree.context(folder.path(), message -> problems.warning(draft, message));
		if (folder.aliased()) {
			problems.info(draft, folder.path() + " builds " + folder.name() + " (its ALIAS file)");
		}
		draft.context.text("Makefile").ifPresent(makefile -> noteMakefile(draft, folder, makefile, problems));
	}

	/**
	 * Says what the folder's Makefile would have put into the context: Kubernetes runs
	 * its {@code bin} target before the build, which under the image-util.sh convention
	 * compiles the Go programs the Dockerfile then copies.
	 */
	private static void noteMakefile(Draft draft, Folder folder, String makefile, ProblemLog problems) {
		String path = folder.path() + "/Makefile";
		MakefileReading reading = ImageMakefile.read(makefile);
		if (reading instanceof MakefileReading.GoBinaries go) {
			List<String> programs = go.binaries().stream().map(b -> b.src() + " (./" + b.packageDir() + ")").toList();
			problems.warning(draft,
					path + " line " + go.srcsLine() + ": its bin target compiles the Go "
							+ (programs.size() == 1 ? "program " : "programs ") + String.join(", ", programs)
							+ " into the context; the context here is the folder as it is, without "
							+ (programs.size() == 1 ? "it" : "them"));
		}
		else if (reading instanceof MakefileReading.OtherShape other) {
			problems.info(draft,
					path + (other.line() > 0 ? " line " + other.line() : "")
							+ " does not follow Kubernetes' image-util.sh bin convention (" + other.reason()
							+ "); the context here is the folder as it is");
		}
	}

	Optional<String> version(Folder folder) {
		return tree.text(folder.path() + "/VERSION").map(String::strip).filter(v -> !v.isEmpty());
	}

}
