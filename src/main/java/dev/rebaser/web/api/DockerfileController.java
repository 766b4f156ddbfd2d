package dev.rebaser.web.api;

import dev.rebaser.dockerfile.DockerfileOutline;
import dev.rebaser.dockerfile.DockerfileParser;
import dev.rebaser.web.RequestBodies;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class DockerfileController {

	private final RequestBodies bodies;

	public DockerfileController(RequestBodies bodies) {
		this.bodies = bodies;
	}

	@Operation(summary = "Parse a Dockerfile",
			description = "Returns its stages, its instructions with their lines, and the simple commands of every RUN.")
	@ApiResponse(responseCode = "200", description = "The outline of the Dockerfile")
	@ApiResponse(responseCode = "400", description = "A syntax error, with line and column")
	@ApiResponse(responseCode = "413", description = "A body over the configured limit (1 MiB by default)")
	@PostMapping(path = "/api/dockerfile/parse", consumes = RequestBodies.NOT_A_FORM,
			produces = MediaType.APPLICATION_JSON_VALUE)
	public DockerfileOutline parse(HttpServletRequest request) throws IOException {
		return DockerfileOutline.of(DockerfileParser.parse(bodies.text(request)));
	}

}
