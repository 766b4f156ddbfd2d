package dev.rebaser.web.api;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.rebaser.build.BuildHosts;
import dev.rebaser.build.docker.DockerClients;
import dev.rebaser.build.docker.DockerHost;
import dev.rebaser.build.docker.ImageExport;
import dev.rebaser.build.queue.BuildJob;
import dev.rebaser.build.queue.BuildQueue;
import dev.rebaser.catalog.Catalog;
import dev.rebaser.catalog.CatalogImage;
import dev.rebaser.imports.CurrentCatalog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Built images in {@code docker save} format, for {@code docker load} on a cluster node:
 * the image of an image's newest good build, with its Kubernetes tags, or all of them in
 * one archive.
 */
@RestController
public class ImageDownloadController {

	private static final MediaType TAR = MediaType.parseMediaType("application/x-tar");

	private final CurrentCatalog catalog;

	private final BuildQueue queue;

	private final BuildHosts hosts;

	public ImageDownloadController(CurrentCatalog catalog, BuildQueue queue, BuildHosts hosts) {
		this.catalog = catalog;
		this.queue = queue;
		this.hosts = hosts;
	}

	/**
	 * A good build to save: its job and the tags that must still name its image on the
	 * job's host.
	 */
	private record Saved(BuildJob job, List<String> tags) {
	}

	@Operation(summary = "Download one built image (docker save format)",
			description = "The image of the image's newest BUILT or UP_TO_DATE job for arch, tagged "
					+ "<reference>-linux-<arch> and <reference>.")
	@ApiResponse(responseCode = "404", description = "No such image, or it has no good build for arch")
	@ApiResponse(responseCode = "409", description = "The host no longer has that image under its tags")
	@GetMapping(path = "/api/images/{id}/image.tar", produces = "application/x-tar")
	public ResponseEntity<StreamingResponseBody> image(@PathVariable String id,
			@RequestParam(defaultValue = "mips64le") String arch) {
		CatalogImage image = catalog.get()
			.image(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no image " + id + " in the catalog"));
		BuildJob job = goodBuild(image, arch).orElseThrow(
				() -> new ResponseStatusException(HttpStatus.NOT_FOUND, id + " has no good build for " + arch));
		return tar(List.of(new Saved(job, tags(image, arch))), id + "-linux-" + arch + ".tar");
	}

	@Operation(summary = "Download every built image for arch in one archive (docker save format)")
	@ApiResponse(responseCode = "404", description = "Nothing is built for arch")
	@ApiResponse(responseCode = "409", description = "The images are on different hosts")
	@GetMapping(path = "/api/catalog/images.tar", produces = "application/x-tar")
	public ResponseEntity<StreamingResponseBody> all(@RequestParam(defaultValue = "mips64le") String arch) {
		Catalog current = catalog.get();
		List<Saved> built = new ArrayList<>();
		for (String id : current.graph().order()) {
			CatalogImage image = current.image(id).orElseThrow();
			goodBuild(image, arch).ifPresent(job -> built.add(new Saved(job, tags(image, arch))));
		}
		if (built.isEmpty()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no image is built for " + arch);
		}
		long hostCount = built.stream().map(saved -> saved.job().getDockerHost()).distinct().count();
		if (hostCount > 1) {
			throw new ResponseStatusException(HttpStatus.CONFLICT,
					"the images for " + arch + " were built on " + hostCount + " hosts; download them one by one");
		}
		return tar(built, "images-linux-" + arch + ".tar");
	}

	private Optional<BuildJob> goodBuild(CatalogImage image, String arch) {
		return queue.latest(image.id(), arch).filter(job -> job.getState().isGoodParent() && job.getImageId() != null);
	}

	private static List<String> tags(CatalogImage image, String arch) {
		return List.of(image.reference() + "-linux-" + arch, image.reference());
	}

	/**
	 * Builds on one host, checked with one connection: each tag must still name the image
	 * its job built.
	 */
	private ResponseEntity<StreamingResponseBody> tar(List<Saved> built, String filename) {
		BuildJob first = built.get(0).job();
		DockerHost host = hosts.find(first.getDockerHost())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.CONFLICT, "job " + first.getId()
					+ " was built on " + first.getDockerHost() + ", which is no longer configured"));
		List<String> tags = new ArrayList<>();
		try (DockerClient docker = DockerClients.connect(host)) {
			for (Saved saved : built) {
				check(docker, saved);
				tags.addAll(saved.tags());
			}
		}
		catch (IOException ex) {
			throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage());
		}
		return tar(host, tags, filename);
	}

	private static void check(DockerClient docker, Saved saved) {
		BuildJob job = saved.job();
		for (String tag : saved.tags()) {
			String current;
			try {
				current = docker.inspectImageCmd(tag).exec().getId();
			}
			catch (NotFoundException ex) {
				throw new ResponseStatusException(HttpStatus.CONFLICT,
						job.getDockerHost() + " no longer has the image of job " + job.getId() + "; rebuild it");
			}
			if (!current.equals(job.getImageId())) {
				throw new ResponseStatusException(HttpStatus.CONFLICT, tag + " on " + job.getDockerHost()
						+ " now names " + current + ", not the image job " + job.getId() + " built; rebuild it");
			}
		}
	}

	private static ResponseEntity<StreamingResponseBody> tar(DockerHost host, List<String> tags, String filename) {
		StreamingResponseBody body = out -> {
			try (DockerClient docker = DockerClients.connect(host)) {
				new ImageExport(docker).saveAll(tags, out);
			}
		};
		return ResponseEntity.ok()
			.contentType(TAR)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(filename).build().toString())
			.body(body);
	}

}
