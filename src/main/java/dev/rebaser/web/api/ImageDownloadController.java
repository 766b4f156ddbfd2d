package dev.rebaser.web.api;

import dev.rebaser.build.ImageDownloads;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Built images in {@code docker save} format, for {@code docker load} on a cluster node:
 * the image of an image's newest good build, with its Kubernetes tags, or all of them in
 * one archive.
 */
@RestController
public class ImageDownloadController {

	private static final MediaType TAR = MediaType.parseMediaType("application/x-tar");

	private final ImageDownloads downloads;

	public ImageDownloadController(ImageDownloads downloads) {
		this.downloads = downloads;
	}

	@Operation(summary = "Download one built image (docker save format)",
			description = "The image of the image's newest BUILT or UP_TO_DATE job for arch, tagged "
					+ "<reference>-linux-<arch> and <reference>.")
	@ApiResponse(responseCode = "404", description = "No such image, or it has no good build for arch")
	@ApiResponse(responseCode = "409", description = "The host no longer has that image under its tags")
	@GetMapping(path = "/api/images/{id}/image.tar", produces = "application/x-tar")
	public ResponseEntity<StreamingResponseBody> image(@PathVariable String id,
			@RequestParam(defaultValue = "mips64le") String arch) {
		return tar(downloads.image(id, arch));
	}

	@Operation(summary = "Download every built image for arch in one archive (docker save format)")
	@ApiResponse(responseCode = "404", description = "Nothing is built for arch")
	@ApiResponse(responseCode = "409", description = "The images are on different hosts")
	@GetMapping(path = "/api/catalog/images.tar", produces = "application/x-tar")
	public ResponseEntity<StreamingResponseBody> all(@RequestParam(defaultValue = "mips64le") String arch) {
		return tar(downloads.all(arch));
	}

	private static ResponseEntity<StreamingResponseBody> tar(ImageDownloads.Download download) {
		StreamingResponseBody body = download::writeTo;
		return ResponseEntity.ok()
			.contentType(TAR)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(download.fileName()).build().toString())
			.body(body);
	}

}
