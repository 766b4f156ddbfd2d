package dev.rebaser.web.api;

import dev.rebaser.manifest.Manifest;
import dev.rebaser.manifest.ManifestImage;
import dev.rebaser.manifest.ManifestReader;
import dev.rebaser.manifest.ManifestWarning;
import dev.rebaser.web.RequestBodies;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class ManifestController {

	private final RequestBodies bodies;

	public ManifestController(RequestBodies bodies) {
		this.bodies = bodies;
	}

	@Operation(summary = "Read the images a Kubernetes manifest.go declares",
			description = "Body: the Go source of test/utils/image/manifest.go from any release. "
					+ "Constructs the reader could not resolve come back as warnings with their line.")
	@ApiResponse(responseCode = "200", description = "The images and the warnings")
	@ApiResponse(responseCode = "413", description = "A body over the configured limit (1 MiB by default)")
	@PostMapping(path = "/api/manifest", consumes = RequestBodies.NOT_A_FORM,
			produces = MediaType.APPLICATION_JSON_VALUE)
	public ManifestResponse read(HttpServletRequest request) throws IOException {
		Manifest manifest = ManifestReader.read(bodies.text(request));
		return new ManifestResponse(manifest.images().stream().map(ImageEntry::of).toList(), manifest.warnings());
	}

	public record ManifestResponse(List<ImageEntry> images, List<ManifestWarning> warnings) {
	}

	public record ImageEntry(String id, String registryKey, String registry, String name, String version,
			String image) {

		public static ImageEntry of(ManifestImage image) {
			return new ImageEntry(image.id(), image.registryKey(), image.registry(), image.name(), image.version(),
					image.image());
		}

	}

}
