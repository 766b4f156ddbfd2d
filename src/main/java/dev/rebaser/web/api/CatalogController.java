package dev.rebaser.web.api;

import dev.rebaser.build.queue.BuildJob;
import dev.rebaser.build.queue.BuildQueue;
import dev.rebaser.build.queue.BuildState;
import dev.rebaser.catalog.Catalog;
import dev.rebaser.catalog.CatalogImage;
import dev.rebaser.catalog.CatalogProblem;
import dev.rebaser.catalog.ContextBundle;
import dev.rebaser.context.BuildContext;
import dev.rebaser.context.ContextArchive;
import dev.rebaser.imports.CatalogImports;
import dev.rebaser.imports.CatalogStore;
import dev.rebaser.imports.CurrentCatalog;
import dev.rebaser.rewrite.RewriteOptions;
import dev.rebaser.rewriting.TargetChoice;
import dev.rebaser.web.OperatorToken;
import dev.rebaser.web.RequestBodies;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
public class CatalogController {

	private static final MediaType GZIP = MediaType.parseMediaType("application/gzip");

	private final CurrentCatalog catalog;

	private final ContextBundle bundle;

	private final TargetChoice targets;

	private final ObjectProvider<BuildQueue> queue;

	private final CatalogImports imports;

	public CatalogController(CurrentCatalog catalog, ContextBundle bundle, TargetChoice targets,
			ObjectProvider<BuildQueue> queue, CatalogImports imports) {
		this.catalog = catalog;
		this.imports = imports;
		this.bundle = bundle;
		this.targets = targets;
		this.queue = queue;
	}

	public record ImageSummary(String id, String name, String version, String reference, String origin,
			boolean buildable, Set<String> parents, Set<String> children, Map<String, JobState> builds) {
	}

	public record ImageDetails(String id, String name, String version, String reference, String origin,
			String contextPath, Map<String, String> baseImages, List<String> bases, Set<String> parents,
			Set<String> children, String unresolvable, List<CatalogProblem> problems, Map<String, JobState> builds) {
	}

	/** The newest build job of an image for one arch. */
	public record JobState(long job, BuildState state, Instant finishedAt, String imageId, String reason) {

		public static JobState of(BuildJob job) {
			return new JobState(job.getId(), job.getState(), job.getFinishedAt(), job.getImageId(),
					job.getFailureReason() != null ? job.getFailureReason() : job.getWaitReason());
		}

	}

	private Map<String, Map<String, JobState>> latestJobs() {
		BuildQueue jobs = queue.getIfAvailable();
		Map<String, Map<String, JobState>> latest = new HashMap<>();
		if (jobs != null) {
			for (BuildJob job : jobs.latestJobs()) {
				latest.computeIfAbsent(job.getImageKey(), k -> new TreeMap<>()).put(job.getArch(), JobState.of(job));
			}
		}
		return latest;
	}

	public record ImportResult(long id, String origin, Instant importedAt, String actor, int images,
			List<CatalogProblem> problems) {

		public static ImportResult of(CatalogStore.CatalogImport record, Catalog catalog) {
			return new ImportResult(record.id(), record.origin(), record.importedAt(), record.actor(),
					catalog.images().size(), catalog.problems());
		}

	}

	@Operation(summary = "Where the current catalog comes from, and the problems its import found")
	@GetMapping(path = "/api/catalog", produces = MediaType.APPLICATION_JSON_VALUE)
	public ImportResult current() {
		return ImportResult.of(catalog.source(), catalog.get());
	}

	@Operation(summary = "Import a Kubernetes tree as the catalog (operator)",
			description = "From a folder on the server (path=), a release tarball at an http(s) URL (url=), or an "
					+ "uploaded .tar.gz of a tree or a release as the body. Only manifest.go, test/images, "
					+ "catalog.yaml and external/ are read and kept.")
	@ApiResponse(responseCode = "201", description = "Imported; the catalog is replaced")
	@ApiResponse(responseCode = "400", description = "Nothing to import, an unreadable archive or an unusable URL")
	@PostMapping(path = "/api/catalog/import", consumes = RequestBodies.NOT_A_FORM,
			produces = MediaType.APPLICATION_JSON_VALUE)
	public ResponseEntity<ImportResult> importTree(@RequestParam(required = false) String path,
			@RequestParam(required = false) String url, HttpServletRequest request) throws IOException {
		CatalogImports.Source source = new CatalogImports.Source(path, url,
				request.getContentLengthLong() != 0 ? request::getInputStream : null, "upload");
		CatalogStore.CatalogImport record = imports.run(source, OperatorToken.USER + " via API");
		return ResponseEntity.status(HttpStatus.CREATED).body(ImportResult.of(record, catalog.get()));
	}

	@Operation(summary = "The catalog: every image, in dependency order, with its parents, children and latest builds")
	@GetMapping(path = "/api/images", produces = MediaType.APPLICATION_JSON_VALUE)
	public List<ImageSummary> images() {
		Catalog current = catalog.get();
		Map<String, Map<String, JobState>> latest = latestJobs();
		Set<String> buildable = ContextBundle.buildable(current)
			.stream()
			.map(CatalogImage::id)
			.collect(java.util.stream.Collectors.toSet());
		return current.graph()
			.order()
			.stream()
			.map(id -> current.image(id).orElseThrow())
			.map(image -> new ImageSummary(image.id(), image.name(), image.version(), image.reference(),
					image.origin().name(), buildable.contains(image.id()), current.graph().parents(image.id()),
					current.graph().children(image.id()), latest.getOrDefault(image.id(), Map.of())))
			.toList();
	}

	@Operation(summary = "One image: its source, BASEIMAGE, bases, place in the graph and problems")
	@ApiResponse(responseCode = "404", description = "No image of that id")
	@GetMapping(path = "/api/images/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	public ImageDetails image(@PathVariable String id) {
		Catalog current = catalog.get();
		CatalogImage image = find(current, id);
		return new ImageDetails(image.id(), image.name(), image.version(), image.reference(), image.origin().name(),
				image.contextPath(), image.baseImages(), image.bases(), current.graph().parents(id),
				current.graph().children(id), current.graph().unresolvable(id).orElse(null), current.problemsOf(id),
				latestJobs().getOrDefault(id, Map.of()));
	}

	@Operation(summary = "Download one image's rewritten build context",
			description = "The context as .tar.gz with the Dockerfile and BASEIMAGE rewritten and REWRITE-REPORT.md.")
	@ApiResponse(responseCode = "404", description = "No image of that id, or it has no build context")
	@GetMapping(path = "/api/images/{id}/context.tar.gz", produces = "application/gzip")
	public ResponseEntity<byte[]> context(@PathVariable String id,
			@RequestParam(defaultValue = "debian-bookworm") String target,
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
	public ResponseEntity<byte[]> contexts(@RequestParam(defaultValue = "debian-bookworm") String target,
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
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(filename).build().toString())
			.body(out.toByteArray());
	}

}
