package dev.rebaser.build;

import dev.rebaser.build.queue.BuildJob;
import dev.rebaser.catalog.Catalog;
import dev.rebaser.catalog.CatalogImage;
import dev.rebaser.catalog.ContextBundle;
import dev.rebaser.context.BuildContext;
import dev.rebaser.imports.CurrentCatalog;
import dev.rebaser.rewrite.RewriteOptions;
import dev.rebaser.rewriting.TargetChoice;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Builds catalog images the way Kubernetes' image-util.sh does: the rewritten context,
 * BASEIMAGE and REGISTRY as build arguments (and {@code FROM BASEIMAGE} replaced in older
 * Dockerfiles), and the tags {@code <reference>-linux-<arch>}, the exact reference
 * manifest.go expects and those its children name it by.
 */
@Component
public class CatalogContextSource implements ContextSource {

	private final CurrentCatalog catalog;

	private final ContextBundle bundle;

	private final TargetChoice targets;

	public CatalogContextSource(CurrentCatalog catalog, ContextBundle bundle, TargetChoice targets) {
		this.catalog = catalog;
		this.bundle = bundle;
		this.targets = targets;
	}

	@Override
	public BuildContext contextFor(BuildJob job) {
		CatalogImage image = image(job);
		BuildContext rewritten = bundle.context(image, options(job));
		return baseImage(rewritten, image, job).map(base -> ContextBundle.withBaseImageInFrom(rewritten, base))
			.orElse(rewritten);
	}

	@Override
	public Map<String, String> buildArgs(BuildJob job) {
		CatalogImage image = image(job);
		Map<String, String> args = new LinkedHashMap<>();
		if (!image.registry().isEmpty()) {
			args.put("REGISTRY", image.registry());
		}
		baseImage(bundle.context(image, options(job)), image, job).ifPresent(base -> args.put("BASEIMAGE", base));
		return args;
	}

	/**
	 * {@code <reference>-linux-<arch>}, the reference itself, manifest.go's
	 * {@code name-<arch>:version} for a hasArch image, and every reference the image's
	 * children ask for it by.
	 */
	@Override
	public List<String> tags(BuildJob job) {
		CatalogImage image = image(job);
		return bundle.tags(catalog.get(), image, options(job));
	}

	/**
	 * The target's base image and the parents' images: rebuilding any of them makes the
	 * job's inputs new.
	 */
	@Override
	public List<String> baseImages(BuildJob job) {
		Catalog current = catalog.get();
		List<String> bases = new ArrayList<>();
		bases.add(options(job).target().baseImage());
		for (String parent : current.graph().parents(job.getImageKey())) {
			current.image(parent).ifPresent(p -> bases.add(p.reference() + "-linux-" + job.getArch()));
		}
		return bases;
	}

	private Optional<String> baseImage(BuildContext rewritten, CatalogImage image, BuildJob job) {
		return ContextBundle.baseImageArgument(rewritten, job.getArch(), image.registry());
	}

	private RewriteOptions options(BuildJob job) {
		return targets.options(targets.defaultTarget(), job.getArch(), false);
	}

	private CatalogImage image(BuildJob job) {
		CatalogImage image = catalog.get()
			.image(job.getImageKey())
			.orElseThrow(() -> new ContextUnavailableException(
					"the catalog has no image " + job.getImageKey() + " any more", null));
		if (!image.hasContext()) {
			throw new ContextUnavailableException("the catalog has no build context for " + image.id(), null);
		}
		return image;
	}

}
