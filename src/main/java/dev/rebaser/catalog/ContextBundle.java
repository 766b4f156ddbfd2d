package dev.rebaser.catalog;

import dev.rebaser.context.BuildContext;
import dev.rebaser.context.ContextFile;
import dev.rebaser.context.ContextRewrite;
import dev.rebaser.rewrite.RewriteOptions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every buildable image of a catalog, rewritten for one target, in one context: a folder
 * per image plus {@code build.sh}, which builds them in dependency order with plain
 * {@code docker build} and tags each the way Kubernetes does
 * ({@code <reference>-linux-<arch>}) and as the exact reference manifest.go expects.
 */
public final class ContextBundle {

	public static final String SCRIPT = "build.sh";

	private final ContextRewrite rewrite;

	public ContextBundle(ContextRewrite rewrite) {
		this.rewrite = rewrite;
	}

	/**
	 * The images that can be built: a context and a resolvable base, in dependency order.
	 */
	public static List<CatalogImage> buildable(Catalog catalog) {
		List<CatalogImage> images = new ArrayList<>();
		for (String id : catalog.graph().order()) {
			catalog.image(id)
				.filter(CatalogImage::hasContext)
				.filter(image -> catalog.graph().unresolvable(id).isEmpty())
				.ifPresent(images::add);
		}
		return images;
	}

	/** One image's rewritten context, with its REWRITE-REPORT.md. */
	public BuildContext context(CatalogImage image, RewriteOptions options) {
		return rewrite.rewrite(image.context(), options, UnaryOperator.identity()).context();
	}

	/**
	 * Every tag a build of the image gets for the options' arch: those of
	 * {@link CatalogImage#referencesFor(String)}, the first two being
	 * {@code <reference>-linux-<arch>} and the reference, then those of
	 * {@link #referencesAskedOf}.
	 */
	public List<String> tags(Catalog catalog, CatalogImage image, RewriteOptions options) {
		Set<String> tags = new LinkedHashSet<>(image.referencesFor(options.target().arch()));
		tags.addAll(referencesAskedOf(catalog, image, options));
		return List.copyOf(tags);
	}

	/**
	 * The references this image's children ask for it by, besides the two tags every
	 * image gets: their BASEIMAGE line for the arch, in whatever scheme the tree's era
	 * tags images ({@code agnhost:2.8-mips64le}, {@code agnhost-mips64le:2.8}), and a
	 * FROM that names it with no arch at all. Kubernetes pushed each image under those
	 * names; the image is tagged with them too, so that a child's build finds its parent
	 * here and never asks a registry for it.
	 */
	public List<String> referencesAskedOf(Catalog catalog, CatalogImage image, RewriteOptions options) {
		String arch = options.target().arch();
		Set<String> asked = new TreeSet<>();
		for (String childId : catalog.graph().children(image.id())) {
			Optional<CatalogImage> child = catalog.image(childId).filter(CatalogImage::hasContext);
			if (child.isEmpty()) {
				continue;
			}
			baseImageArgument(context(child.get(), options), arch, child.get().registry())
				.filter(reference -> names(reference, image))
				.ifPresent(asked::add);
			for (String base : child.get().bases()) {
				ImageReference parsed = ImageReference.parse(base);
				if (names(base, image) && base.endsWith(parsed.repository() + ":" + parsed.tag())) {
					asked.add(base);
				}
			}
		}
		asked.remove(image.reference());
		asked.remove(image.reference() + "-linux-" + arch);
		return List.copyOf(asked);
	}

	private static boolean names(String reference, CatalogImage image) {
		return !reference.contains("$") && ImageReference.parse(reference).hasName(image.name());
	}

	/**
	 * What Kubernetes' build passes as the BASEIMAGE build argument: the rewritten
	 * BASEIMAGE file's line for {@code linux/<arch>} (or {@code <arch>}), with REGISTRY
	 * replaced by the image's registry. The same choice as {@link #SCRIPT} makes.
	 */
	public static Optional<String> baseImageArgument(BuildContext rewritten, String arch, String registry) {
		Optional<String> file = rewritten.text("BASEIMAGE");
		if (file.isEmpty()) {
			return Optional.empty();
		}
		for (String line : file.get().split("\r?\n")) {
			for (String platform : List.of("linux/" + arch + "=", arch + "=")) {
				if (line.startsWith(platform) && line.length() > platform.length()) {
					return Optional.of(line.substring(platform.length()).strip().replaceFirst("REGISTRY", registry));
				}
			}
		}
		return Optional.empty();
	}

	/**
	 * Older Dockerfiles say {@code FROM BASEIMAGE}, which Kubernetes' build replaced with
	 * sed before building.
	 */
	public static BuildContext withBaseImageInFrom(BuildContext rewritten, String baseImage) {
		Optional<String> dockerfile = rewritten.text("Dockerfile");
		if (dockerfile.isEmpty()) {
			return rewritten;
		}
		String replaced = BARE_BASEIMAGE.matcher(dockerfile.get())
			.replaceAll("FROM " + Matcher.quoteReplacement(baseImage));
		if (replaced.equals(dockerfile.get())) {
			return rewritten;
		}
		BuildContext copy = new BuildContext();
		rewritten.files().forEach(copy::put);
		ContextFile original = rewritten.get("Dockerfile").orElseThrow();
		copy.put(ContextFile.file("Dockerfile", original.mode(),
				replaced.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		return copy;
	}

	private static final Pattern BARE_BASEIMAGE = Pattern.compile("(?m)^FROM[ \t]+BASEIMAGE[ \t]*$");

	public BuildContext bundle(Catalog catalog, RewriteOptions options) {
		String arch = options.target().arch();
		BuildContext bundle = new BuildContext();
		StringBuilder script = new StringBuilder(header(arch));
		for (CatalogImage image : buildable(catalog)) {
			for (ContextFile file : context(image, options).files()) {
				bundle.put(new ContextFile(image.id() + "/" + file.path(), file.kind(), file.mode(), file.content(),
						file.linkTarget()));
			}
			script.append("build ")
				.append(quote(image.id()))
				.append(' ')
				.append(quote(image.registry()))
				.append(' ')
				.append(quote(image.reference()));
			List<String> tags = tags(catalog, image, options);
			for (String tag : tags.subList(2, tags.size())) {
				script.append(' ').append(quote(tag));
			}
			script.append('\n');
		}
		bundle.put(ContextFile.file(SCRIPT, 0755, script.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		return bundle;
	}

	private static String header(String arch) {
		return """
				#!/bin/sh
				# Builds the rewritten images for linux/%s in dependency order with plain docker build.
				# Each image is tagged <reference>-linux-%s, as Kubernetes tags its e2e images, with
				# the exact reference the e2e tests expect, and with every other reference the images
				# built on it name it by. BASEIMAGE lines that name REGISTRY get the image's registry,
				# as Kubernetes' image-util.sh does.
				set -eu
				cd "$(dirname "$0")"
				ARCH=%s

				build() {
				\tdir=$1 registry=$2 reference=$3
				\tset -- --network host -t "$reference-linux-$ARCH" -t "$reference"
				\tif [ -n "$registry" ]; then
				\t\tset -- "$@" --build-arg "REGISTRY=$registry"
				\tfi
				\tif [ -f "$dir/BASEIMAGE" ]; then
				\t\tbase=$(sed -n "s|^linux/$ARCH=||p; s|^$ARCH=||p" "$dir/BASEIMAGE" | head -n 1)
				\t\tif [ -n "$base" ]; then
				\t\t\tbase=$(printf '%%s' "$base" | sed "s|REGISTRY|$registry|")
				\t\t\tset -- "$@" --build-arg "BASEIMAGE=$base"
				\t\t\t# older Dockerfiles name a bare BASEIMAGE, which Kubernetes' build replaced with sed
				\t\t\tsed -i "s|^FROM[[:space:]][[:space:]]*BASEIMAGE[[:space:]]*$|FROM $base|" "$dir/Dockerfile"
				\t\tfi
				\tfi
				\techo "==> $reference-linux-$ARCH"
				\tdocker build "$@" "$dir"
				}

				""".formatted(arch, arch, arch);
	}

	/**
	 * Single quotes for sh; ids, registries and references never hold one, but a catalog
	 * is input.
	 */
	private static String quote(String word) {
		return "'" + word.replace("'", "'\\''") + "'";
	}

}
