package dev.rebaser.web.page;

import dev.rebaser.context.BuildContext;
import dev.rebaser.context.ContextRewrite;
import dev.rebaser.rewrite.RewriteOptions;
import dev.rebaser.rewrite.RewriteResult;
import dev.rebaser.rewriting.RewrittenContexts;
import dev.rebaser.rewriting.Rewrites;
import dev.rebaser.rewriting.TargetChoice;
import dev.rebaser.text.StrictUtf8;
import dev.rebaser.web.RequestBodies;
import dev.rebaser.web.page.RewritePage.Form;
import dev.rebaser.web.page.RewritePage.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;

/**
 * The rewrite page: paste or upload a Dockerfile, or upload a build context, and see the
 * result side by side with the change report, with links to download the rewritten
 * Dockerfile and context. Bad input is answered on the page, never as a server error.
 */
@Controller
public class RewritePageController {

	private static final MediaType GZIP = MediaType.parseMediaType("application/gzip");

	private static final String DOCKERFILE = "Dockerfile";

	private final Rewrites rewrites;

	private final TargetChoice targets;

	private final RewrittenContexts contexts;

	private final RequestBodies bodies;

	private final RewritePage page;

	public RewritePageController(Rewrites rewrites, TargetChoice targets, RewrittenContexts contexts,
			RequestBodies bodies, RewritePage page) {
		this.rewrites = rewrites;
		this.targets = targets;
		this.contexts = contexts;
		this.bodies = bodies;
		this.page = page;
	}

	@GetMapping("/rewrite")
	public ModelAndView form() {
		return page.page(page.emptyForm());
	}

	@PostMapping("/rewrite")
	public ModelAndView rewrite(@RequestParam(defaultValue = "") String dockerfile,
			@RequestParam(required = false) MultipartFile upload, @RequestParam(defaultValue = "") String target,
			@RequestParam(defaultValue = "") String arch, @RequestParam(defaultValue = "false") boolean strict)
			throws IOException {
		Form form = page.form(dockerfile, target, arch, strict);
		String input = dockerfile;
		try {
			RewriteOptions options = targets.options(form.target(), form.arch(), strict);
			boolean uploaded = upload != null && !upload.isEmpty();
			if (uploaded && RequestBodies.isArchive(upload)) {
				BuildContext context = bodies.unpackContext(bodies.readContext(upload));
				input = context.text(ContextRewrite.DOCKERFILE).orElse("");
				Rewrites.RewrittenContext result = rewrites.context(context, options);
				return page.result(form, input, result.dockerfile(), kept(result.dockerfile()),
						contexts.keep(result.archive()));
			}
			if (uploaded) {
				input = StrictUtf8.decode(bodies.read(upload));
				form = form.withDockerfile(input);
			}
			RewriteResult result = rewrites.dockerfile(page.checked(input), options);
			return page.result(form, input, result, kept(result), null);
		}
		catch (RuntimeException ex) {
			return page.refusal(form, input, ex);
		}
	}

	/**
	 * The rewritten Dockerfile is kept for its download link, so that the page need not
	 * carry a second copy of it back to the server.
	 */
	private String kept(RewriteResult result) {
		return contexts
			.keep(new RewrittenContexts.Archive(DOCKERFILE, result.dockerfile().getBytes(StandardCharsets.UTF_8)));
	}

	@GetMapping("/rewrite/dockerfiles/{id}")
	public ResponseEntity<?> rewrittenDockerfile(@PathVariable String id) {
		return download(id, true, new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8),
				"This rewritten Dockerfile is no longer kept: rewrite it on /rewrite again.\n");
	}

	@GetMapping("/rewrite/contexts/{id}")
	public ResponseEntity<?> rewrittenContext(@PathVariable String id) {
		return download(id, false, GZIP,
				"This rewritten context is no longer kept: upload the context on /rewrite again.\n");
	}

	/** A kept file by its id, when it is of the kind the link is for. */
	private ResponseEntity<?> download(String id, boolean dockerfile, MediaType type, String gone) {
		return contexts.get(id)
			.filter(archive -> archive.fileName().equals(DOCKERFILE) == dockerfile)
			.<ResponseEntity<?>>map(archive -> ResponseEntity.ok()
				.contentType(type)
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment().filename(archive.fileName()).build().toString())
				.body(archive.bytes()))
			.orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
				.contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
				.body(gone));
	}

	/**
	 * An upload over the multipart limits never reaches the method above; it is answered
	 * here.
	 */
	@ExceptionHandler(MaxUploadSizeExceededException.class)
	public ModelAndView uploadTooLarge(MaxUploadSizeExceededException ex) {
		return withLayout(page.tooLarge(page.emptyForm(),
				"The upload is larger than the rewrite page accepts (" + bodies.limits().context().maxBodyBytes()
						+ " bytes for a build context, " + bodies.limits().maxBodyBytes()
						+ " bytes for a Dockerfile)."));
	}

	@ExceptionHandler(MultipartException.class)
	public ModelAndView badUpload(MultipartException ex) {
		return withLayout(page.problem(page.emptyForm(), HttpStatus.BAD_REQUEST, Problem
			.of("The upload could not be read", "The form data was incomplete or malformed; please try again.")));
	}

	private static ModelAndView withLayout(ModelAndView page) {
		page.addObject("operator", LayoutModel.loggedIn());
		return page;
	}

}
