package dev.rebaser.web.api;

import dev.rebaser.context.BuildContext;
import dev.rebaser.rewrite.RewriteOptions;
import dev.rebaser.rewrite.RewriteResult;
import dev.rebaser.rewriting.RewrittenContexts;
import dev.rebaser.rewriting.Rewrites;
import dev.rebaser.rewriting.TargetChoice;
import dev.rebaser.web.RequestBodies;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class RewriteController {

	private static final MediaType GZIP = MediaType.parseMediaType("application/gzip");

	private final Rewrites rewrites;

	private final TargetChoice targets;

	private final RequestBodies bodies;

	public RewriteController(Rewrites rewrites, TargetChoice targets, RequestBodies bodies) {
		this.rewrites = rewrites;
		this.targets = targets;
		this.bodies = bodies;
	}

	@Operation(summary = "Rewrite an Alpine-based Dockerfile for a Debian or Fedora target",
			description = "Body: a Dockerfile. With Accept: application/json (the default) the answer holds the new "
					+ "Dockerfile, every change (line, rule id, before, after) and every warning; with "
					+ "Accept: text/plain only the new Dockerfile.")
	@ApiResponse(responseCode = "200", description = "The rewritten Dockerfile and its report")
	@ApiResponse(responseCode = "400", description = "A syntax error (with line and column) or an unknown target")
	@ApiResponse(responseCode = "413", description = "A body over the configured limit (1 MiB by default)")
	@ApiResponse(responseCode = "422", description = "Strict mode, and the rewrite has warnings")
	@PostMapping(path = "/api/rewrite", consumes = RequestBodies.NOT_A_FORM,
			produces = { MediaType.APPLICATION_JSON_VALUE, MediaType.TEXT_PLAIN_VALUE })
	public ResponseEntity<?> rewrite(
			@Parameter(description = "Target distro release") @RequestParam(
					defaultValue = "debian-bookworm") String target,
			@Parameter(description = "Target architecture") @RequestParam(defaultValue = "mips64le") String arch,
			@Parameter(description = "Refuse the rewrite when it has warnings") @RequestParam(
					defaultValue = "false") boolean strict,
			@RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept, HttpServletRequest request)
			throws IOException {
		RewriteOptions options = targets.options(target, arch, strict);
		String dockerfile = bodies.text(request);
		RewriteResult result = rewrites.dockerfile(dockerfile, options);
		if (wantsPlainText(accept)) {
			return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(result.dockerfile());
		}
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(result);
	}

	@Operation(summary = "Rewrite a whole build context",
			description = "Body: a build context as .tar.gz with the Dockerfile at its root. Answer: the rewritten "
					+ "context as .tar.gz, with the Dockerfile and BASEIMAGE rewritten and REWRITE-REPORT.md added.")
	@ApiResponse(responseCode = "200", description = "The rewritten context")
	@ApiResponse(responseCode = "400",
			description = "Not a .tar.gz, no Dockerfile, an entry escaping the context, "
					+ "a syntax error, or an unknown target")
	@ApiResponse(responseCode = "413", description = "Too large: compressed body, unpacked size or entry count")
	@PostMapping(path = "/api/rewrite/context", consumes = RequestBodies.NOT_A_FORM, produces = "application/gzip")
	public ResponseEntity<byte[]> rewriteContext(@RequestParam(defaultValue = "debian-bookworm") String target,
			@RequestParam(defaultValue = "mips64le") String arch, @RequestParam(defaultValue = "false") boolean strict,
			HttpServletRequest request) throws IOException {
		RewriteOptions options = targets.options(target, arch, strict);
		BuildContext context = bodies.unpackContext(bodies.readContext(request));
		RewrittenContexts.Archive archive = rewrites.context(context, options).archive();
		return ResponseEntity.ok()
			.contentType(GZIP)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(archive.fileName()).build().toString())
			.body(archive.bytes());
	}

	private static boolean wantsPlainText(String accept) {
		if (accept == null) {
			return false;
		}
		for (MediaType type : MediaType.parseMediaTypes(accept)) {
			if (type.isCompatibleWith(MediaType.APPLICATION_JSON) && !type.isWildcardType()) {
				return false;
			}
			if (type.equalsTypeAndSubtype(MediaType.TEXT_PLAIN)) {
				return true;
			}
		}
		return false;
	}

}
