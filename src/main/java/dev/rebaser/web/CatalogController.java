package dev.rebaser.web;

import dev.rebaser.catalog.Catalog;
import dev.rebaser.catalog.CatalogImage;
import dev.rebaser.catalog.CatalogProblem;
import dev.rebaser.catalog.ContextBundle;
import dev.rebaser.context.BuildContext;
import dev.rebaser.context.ContextArchive;
import dev.rebaser.rewrite.RewriteOptions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

@RestController
class CatalogController {

	private static final MediaType GZIP = MediaType.parseMediaType("application/gzip");

	private final CurrentCatalog catalog;

	private final ContextBundle bundle;

	private final TargetChoice targets;

	CatalogController(CurrentCatalog catalog, ContextBundle bundle, TargetChoice targets) {
		this.catalog = catalog;
		this.bundle = bundle;
		this.targets = targets;
	}

	record ImageSummary(String id, String name, String version, String reference, String origin, boolean buildable,
			Set<String> parents, Set<String> children) {
	}

	record ImageDetails(String id, String name, String version, String reference, String origin, String contextPath,
			Map<String, String> baseImages, List<String> bases, Set<String> parents, Set<String> children,
			String unresolvable, List<CatalogProblem> problems) {
	}

	@Operation(summary = "The catalog: every image, in dependency order, with its parents and children")
	@GetMapping(path = "/api/images", produces = MediaType.APPLICATION_JSON_VALUE)
	List<ImageSummary> images() {
		Catalog current = catalog.get();
		Set<String> buildable = ContextBundle.buildable(current).stream().map(CatalogImage::id)
			.collect(java.util.stream.Collectors.toSet());
		return current.graph().order().stream().map(id -> current.image(id).orElseThrow()).map(image ->
			new ImageSummary(image.id(), image.name(), image.version(), image.reference(), image.origin().name(),
					buildable.contains(image.id()), current.graph().parents(image.id()),
					current.graph().children(image.id())))
			.toList();
	}

	@Operation(summary = "One image: its source, BASEIMAGE, bases, place in the graph and problems")
	@ApiResponse(responseCode = "404", description = "No image of that id")
	@GetMapping(path = "/api/images/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	ImageDetails image(@PathVariable String id) {
		Catalog current = catalog.get();
		CatalogImage image = find(current, id);
		return new ImageDetails(image.id(), image.name(), image.version(), image.reference(), image.origin().name(),
				image.contextPath(), image.baseImages(), image.bases(), current.graph().parents(id),
				current.graph().children(id), current.graph().unresolvable(id).orElse(null), current.problemsOf(id));
	}

	@Operation(summary = "Download one image's rewritten build context",
			description = "The context as .tar.gz with the Dockerfile and BASEIMAGE rewritten and REWRITE-REPORT.md.")
	@ApiResponse(responseCode = "404", description = "No image of that id, or it has no build context")
	@GetMapping(path = "/api/images/{id}/context.tar.gz", produces = "application/gzip")
	ResponseEntity<byte[]> context(@PathVariable String id, @RequestParam(defaultValue = "debian-bookworm") String target,
			@RequestParam(defaultValue = "mips64le") String arch) throws IOException {
		RewriteOptions options = targets.options(target, arch, false);
		CatalogImage image = find(catalog.get(), id);
		if (!image.hasContext()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "image " + id + " has no build context");
		}
		return archive(bundle.context(image, options), id + "-" + arch + ".tar.gz");
	}

	@Operation(summary = "Download every buildable image's rewritten context and a build script",
			description = "One folder per image and build.sh, which builds them in dependency order with plain "
					+ "docker build.")
	@GetMapping(path = "/api/catalog/contexts.tar.gz", produces = "application/gzip")
	ResponseEntity<byte[]> contexts(@RequestParam(defaultValue = "debian-bookworm") String target,
			@RequestParam(defaultValue = "mips64le") String arch) throws IOException {
		RewriteOptions options = targets.options(target, arch, false);
		return archive(bundle.bundle(catalog.get(), options), "contexts-" + arch + ".tar.gz");
	}

	private static CatalogImage find(Catalog catalog, String id) {
		return catalog.image(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no image " + id + " in the catalog"));
	}

	private static ResponseEntity<byte[]> archive(BuildContext context, String filename) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ContextArchive.write(context, out);
		return ResponseEntity.ok()
			.contentType(GZIP)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
			.body(out.toByteArray());
	}

}
