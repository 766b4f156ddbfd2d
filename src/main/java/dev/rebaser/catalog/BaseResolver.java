package dev.rebaser.catalog;

import dev.rebaser.context.BuildContext;
import dev.rebaser.dockerfile.Dockerfile;
import dev.rebaser.dockerfile.DockerfileParser;
import dev.rebaser.dockerfile.DockerfileSyntaxException;
import dev.rebaser.dockerfile.ExpansionException;
import dev.rebaser.dockerfile.Stage;
import dev.rebaser.rules.BaseImageChoice;
import dev.rebaser.rules.RuleSet;
import dev.rebaser.rules.Target;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds what every image is built on, for one target: the base of each stage, with the
 * build arguments Kubernetes' image-util.sh passes (BASEIMAGE from the target's BASEIMAGE
 * line, REGISTRY) and its sed replacements (BASEIMAGE, BASEARCH), and every BASEIMAGE
 * line that names another catalog image. A base that is a folder of test/images not
 * listed in manifest.go brings that folder in as an image of its own, so the bases of the
 * bases are built too.
 */
final class BaseResolver {

	private final List<Draft> drafts;

	private final TreeFolders folders;

	private final RuleSet rules;

	private final Target target;

	private final String arch;

	private final ProblemLog problems;

	BaseResolver(List<Draft> drafts, TreeFolders folders, RuleSet rules, Target target, ProblemLog problems) {
		this.drafts = drafts;
		this.folders = folders;
		this.rules = rules;
		this.target = target;
		this.arch = rules.architectureOf(target).goArch();
		this.problems = problems;
	}

	/** Resolves every draft, including those the resolution itself adds to the list. */
	void resolveAll() {
		for (int i = 0; i < drafts.size(); i++) {
			Draft draft = drafts.get(i);
			if (draft.context == null) {
				draft.unresolvable = "no build context: " + (draft.noContextReason == null
						? "not in test/images and not described in the catalog YAML" : draft.noContextReason);
				if (!draft.noContextReported) {
					problems.warning(draft, "cannot be rebuilt: " + draft.unresolvable);
				}
				continue;
			}
			resolve(draft);
		}
	}

	private void resolve(Draft draft) {
		BuildContext context = draft.context;
		Optional<String> dockerfileText = context.text("Dockerfile");
		if (dockerfileText.isEmpty()) {
			fail(draft, "the build context has no Dockerfile");
			return;
		}
		BaseImageFile baseImageFile = context.text("BASEIMAGE")
			.map(BaseImageFile::parse)
			.orElse(new BaseImageFile(Map.of(), List.of()));
		baseImageFile.problems().forEach(problem -> problems.warning(draft, problem));
		draft.baseImages = baseImageFile.entries();

		Optional<BaseImageFile.Choice> choice = baseImageFile.forArch(arch);
		String baseImageArg = choice.map(c -> forTarget(registry(draft, c.image()), c)).orElse(null);
		choice.filter(BaseImageFile.Choice::fallback)
			.ifPresent(c -> problems.info(draft, "BASEIMAGE has no line for linux/" + arch + "; the " + c.platform()
					+ " line (" + c.image() + ") is the starting point for the target"));

		Map<String, String> buildArgs = new LinkedHashMap<>();
		buildArgs.put("REGISTRY", draft.registry);
		buildArgs.put("OS_VERSION", "");
		if (baseImageArg != null) {
			buildArgs.put("BASEIMAGE", baseImageArg);
		}

		Dockerfile dockerfile;
		try {
			dockerfile = DockerfileParser.parse(dockerfileText.get());
		}
		catch (DockerfileSyntaxException ex) {
			fail(draft, "Dockerfile " + ex.getMessage());
			return;
		}
		if (dockerfile.stages().isEmpty()) {
			fail(draft, "the Dockerfile has no FROM");
			return;
		}
		List<String> bases = new ArrayList<>();
		for (Stage stage : dockerfile.stages()) {
			String where = "stage " + (stage.index() + 1) + " (line " + stage.from().startLine() + ")";
			String base;
			if (stage.placeholder() && baseImageArg == null) {
				fail(draft, where + ": FROM " + stage.baseImage() + " needs a BASEIMAGE line for linux/" + arch
						+ " or linux/" + BaseImageFile.FALLBACK_ARCH
						+ (draft.baseImages.isEmpty() ? ", and there is no BASEIMAGE file" : draft.baseImages.keySet()
							.stream()
							.allMatch(p -> p.startsWith("windows/"))
									? "; BASEIMAGE lists Windows platforms only (Kubernetes builds this image for Windows alone)"
									: ""));
				bases.add(stage.baseImage());
				continue;
			}
			try {
				base = stage.placeholder() ? baseImageArg : stage.resolvedBaseImage(buildArgs);
			}
			catch (ExpansionException ex) {
				fail(draft, where + ": FROM " + stage.baseImage() + " cannot be expanded: " + ex.getMessage());
				bases.add(stage.baseImage());
				continue;
			}
			base = base.replace("BASEARCH", arch);
			bases.add(base);
			if (stage.parent().isPresent() || base.equalsIgnoreCase("scratch")) {
				continue;
			}
			if (base.isBlank()) {
				fail(draft, where + ": FROM " + stage.baseImage() + " expands to nothing");
				continue;
			}
			linkBase(draft, base, where);
		}
		draft.bases = bases;

		// Every Linux BASEIMAGE line naming a catalog image is a dependency, whatever
		// arch it is for. Windows
		// lines are not: agnhost's name a Windows-only busybox, which no Linux build
		// needs.
		for (Map.Entry<String, String> line : baseImageFile.entries().entrySet()) {
			if (line.getKey().startsWith("windows/")) {
				continue;
			}
			String image = registry(draft, line.getValue());
			withContext(image, draft).or(() -> treeFolder(image, draft)).ifPresent(parent -> {
				if (parent != draft) {
					draft.parents.add(parent);
				}
			});
		}
	}

	/** A stage's base: a catalog image, a base-image rule, or nothing at all. */
	private void linkBase(Draft draft, String base, String where) {
		Optional<Draft> parent = withContext(base, draft).or(() -> treeFolder(base, draft));
		if (parent.isPresent()) {
			draft.parents.add(parent.get());
			return;
		}
		if (rules.baseImageFor(base, target) instanceof BaseImageChoice.NoRule) {
			Optional<Draft> known = candidates(base, draft).stream().findFirst();
			if (known.isPresent()) {
				draft.parents.add(known.get()); // it inherits the reason that image
												// cannot be built
			}
			else {
				fail(draft,
						where + ": base " + base + " has no catalog entry and no base-image rule for " + target.key());
			}
		}
	}

	/**
	 * The catalog image with a context that {@code base} names: same tag preferred, else
	 * the only one.
	 */
	private Optional<Draft> withContext(String base, Draft self) {
		List<Draft> found = candidates(base, self).stream().filter(d -> d.context != null).toList();
		if (found.isEmpty()) {
			return Optional.empty();
		}
		String tag = ImageReference.parse(base).tag();
		Optional<Draft> sameTag = found.stream().filter(d -> d.version.equals(tag)).findFirst();
		if (sameTag.isPresent() || found.size() == 1) {
			return Optional.of(sameTag.orElse(found.get(0)));
		}
		Draft chosen = found.stream()
			.max(Comparator.comparing((Draft d) -> d.version, VersionOrder.INSTANCE))
			.orElseThrow();
		problems.warning(self, base + " could be any of " + found + "; taken as " + chosen.reference);
		return Optional.of(chosen);
	}

	/**
	 * Catalog images that {@code base} names, registry and name. An image is not its own
	 * base unless the tag says so (an image built FROM an older release of itself depends
	 * on nothing in the catalog).
	 */
	private List<Draft> candidates(String base, Draft self) {
		ImageReference reference = ImageReference.parse(base);
		return drafts.stream()
			.filter(d -> reference.isImage(d.registry, d.name))
			.filter(d -> d != self || d.version.equals(reference.tag()))
			.toList();
	}

	/**
	 * A folder of test/images that manifest.go does not list but that {@code base} names:
	 * it joins the catalog.
	 */
	private Optional<Draft> treeFolder(String base, Draft self) {
		ImageReference reference = ImageReference.parse(base);
		Optional<TreeFolders.Folder> folder = folders.named(reference, self.registry);
		if (folder.isEmpty() || drafts.stream().anyMatch(d -> folder.get().path().equals(d.contextPath))) {
			return Optional.empty();
		}
		Draft added = folders.draftOf(folder.get(), self.registry, problems);
		drafts.add(added);
		problems.info(added, added.name + " is not listed in manifest.go; it comes in as the base of " + self.name);
		return Optional.of(added);
	}

	/**
	 * Kubernetes' sed: REGISTRY in a BASEIMAGE line becomes the registry the images are
	 * built for.
	 */
	private static String registry(Draft draft, String image) {
		return draft.registry.isEmpty() ? image : image.replace("REGISTRY", draft.registry);
	}

	/**
	 * Another platform's line names that platform's tag; the target builds and tags its
	 * own.
	 */
	private String forTarget(String image, BaseImageFile.Choice choice) {
		String suffix = "-linux-" + choice.arch();
		return choice.fallback() && image.endsWith(suffix)
				? image.substring(0, image.length() - suffix.length()) + "-linux-" + arch : image;
	}

	private void fail(Draft draft, String reason) {
		problems.error(draft, reason);
		if (draft.unresolvable == null) {
			draft.unresolvable = reason;
		}
	}

}
