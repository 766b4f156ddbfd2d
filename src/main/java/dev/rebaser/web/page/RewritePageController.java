package dev.rebaser.web.page;

import dev.rebaser.context.ArchiveTooLargeException;
import dev.rebaser.context.BadContextException;
import dev.rebaser.context.BuildContext;
import dev.rebaser.context.ContextArchive;
import dev.rebaser.context.ContextRewrite;
import dev.rebaser.context.UnsafeArchiveException;
import dev.rebaser.diff.LineDiff;
import dev.rebaser.dockerfile.DockerfileSyntaxException;
import dev.rebaser.rewrite.RewriteOptions;
import dev.rebaser.rewrite.RewriteResult;
import dev.rebaser.rewrite.Rewriter;
import dev.rebaser.rewrite.StrictModeException;
import dev.rebaser.rewriting.PackageCheck;
import dev.rebaser.rewriting.RewrittenContexts;
import dev.rebaser.rewriting.TargetChoice;
import dev.rebaser.rules.RuleSet;
import dev.rebaser.rules.Target;
import dev.rebaser.web.RequestBodies;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
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
 * result side by side with the change report. Bad input is answered on the page, with the
 * line it is about, and with the status the REST API gives for it (400, 413, 422), never
 * as a server error.
 */
@Controller
public class RewritePageController {

	private static final MediaType GZIP = MediaType.parseMediaType("application/gzip");

	private final Rewriter rewriter;

	private final ContextRewrite contextRewrite;

	private final TargetChoice targets;

	private final PackageCheck packageCheck;

	private final RuleSet rules;

	private final RuleFilesText ruleTexts;

	private final RewrittenContexts contexts;

	private final long maxBytes;

	private final long maxContextBytes;

	private final RequestBodies bodies;

	public RewritePageController(Rewriter rewriter, ContextRewrite contextRewrite, TargetChoice targets,
			PackageCheck packageCheck, RuleSet rules, RuleFilesText ruleTexts, RewrittenContexts contexts,
			RequestBodies bodies) {
		this.rewriter = rewriter;
		this.contextRewrite = contextRewrite;
		this.targets = targets;
		this.packageCheck = packageCheck;
		this.rules = rules;
		this.ruleTexts = ruleTexts;
		this.contexts = contexts;
		this.bodies = bodies;
		this.maxBytes = bodies.limits().maxBodyBytes();
		this.maxContextBytes = bodies.limits().context().maxBodyBytes();
	}

	/** What the form shows: the pasted text and the choices made. */
	public record Form(String dockerfile, String target, String arch, boolean strict) {
	}

	/** A problem with the input; line and its text when the problem has a place. */
	public record Problem(String title, String message, Integer line, Integer column, String lineText,
			List<WarningRow> warnings) {

		public static Problem of(String title, String message) {
			return new Problem(title, message, null, null, null, List.of());
		}

	}

	public record ChangeRow(int line, String ruleId, String anchor, String before, String after) {
	}

	/** Line 0: about the whole Dockerfile. */
	public record WarningRow(int line, String code, String message, String lineText) {
	}

	@GetMapping("/rewrite")
	public ModelAndView form() {
		return page(new Form("", targets.defaultTarget(), rules.defaultTarget().arch(), false), HttpStatus.OK);
	}

	@PostMapping("/rewrite")
	public ModelAndView rewrite(@RequestParam(defaultValue = "") String dockerfile,
			@RequestParam(required = false) MultipartFile upload, @RequestParam(defaultValue = "") String target,
			@RequestParam(defaultValue = "") String arch, @RequestParam(defaultValue = "false") boolean strict)
			throws IOException {
		String chosenTarget = target.isBlank() ? targets.defaultTarget() : target;
		String chosenArch = arch.isBlank() ? rules.defaultTarget().arch() : arch;
		Form form = new Form(dockerfile, chosenTarget, chosenArch, strict);
		String input = dockerfile;
		try {
			RewriteOptions options = targets.options(chosenTarget, chosenArch, strict);
			if (upload != null && !upload.isEmpty()) {
				if (isContext(upload)) {
					return context(form, upload, options);
				}
				if (upload.getSize() > maxBytes) {
					return tooLarge(form, "The uploaded Dockerfile is larger than " + maxBytes + " bytes.");
				}
				input = new String(upload.getBytes(), StandardCharsets.UTF_8);
				form = new Form(input, chosenTarget, chosenArch, strict);
			}
			if (input.isBlank()) {
				return problem(form, HttpStatus.BAD_REQUEST,
						Problem.of("Nothing to rewrite", "Paste a Dockerfile or choose a file to upload."));
			}
			if (input.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
				return tooLarge(form, "The Dockerfile is larger than " + maxBytes + " bytes.");
			}
			RewriteResult result = packageCheck.apply(rewriter.rewrite(input, options), options);
			return result(form, input, result, null);
		}
		catch (RuntimeException ex) {
			return refusal(form, input, ex);
		}
	}

	/** The rewritten Dockerfile as a file, from the text the result page holds. */
	@PostMapping("/rewrite/download")
	public ResponseEntity<String> download(@RequestParam(defaultValue = "") String dockerfile) {
		return ResponseEntity.ok()
			.contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("Dockerfile").build().toString())
			.body(dockerfile);
	}

	@GetMapping("/rewrite/contexts/{id}")
	public ResponseEntity<?> rewrittenContext(@PathVariable String id) {
		return contexts.get(id)
			.<ResponseEntity<?>>map(archive -> ResponseEntity.ok()
				.contentType(GZIP)
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment().filename(archive.fileName()).build().toString())
				.body(archive.bytes()))
			.orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
				.contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
				.body("This rewritten context is no longer kept: upload the context on /rewrite again.\n"));
	}

	/**
	 * An upload over the multipart limits never reaches the method above; it is answered
	 * here.
	 */
	@ExceptionHandler(MaxUploadSizeExceededException.class)
	public ModelAndView uploadTooLarge(MaxUploadSizeExceededException ex) {
		return withLayout(tooLarge(emptyForm(), "The upload is larger than the rewrite page accepts (" + maxContextBytes
				+ " bytes for a build context, " + maxBytes + " bytes for a Dockerfile)."));
	}

	@ExceptionHandler(MultipartException.class)
	public ModelAndView badUpload(MultipartException ex) {
		return withLayout(problem(emptyForm(), HttpStatus.BAD_REQUEST, Problem.of("The upload could not be read",
				"The form data was incomplete or malformed; please try again.")));
	}

	private ModelAndView context(Form form, MultipartFile upload, RewriteOptions options) throws IOException {
		if (upload.getSize() > maxContextBytes) {
			return tooLarge(form, "The uploaded build context is larger than " + maxContextBytes + " bytes.");
		}
		BuildContext context;
		try {
			context = bodies.unpackContext(upload.getBytes());
		}
		catch (IOException ex) {
			throw new BadContextException("the archive could not be read: " + ex.getMessage(), ex);
		}
		String input = context.text(ContextRewrite.DOCKERFILE).orElse("");
		try {
			ContextRewrite.Result result = contextRewrite.rewrite(context, options,
					rewritten -> packageCheck.apply(rewritten, options));
			ByteArrayOutputStream archive = new ByteArrayOutputStream();
			ContextArchive.write(result.context(), archive);
			String id = contexts.keep(new RewrittenContexts.Archive("context-" + options.target().arch() + ".tar.gz",
					archive.toByteArray()));
			return result(form, input, result.dockerfile(), id);
		}
		catch (RuntimeException ex) {
			return refusal(form, input, ex);
		}
	}

	private ModelAndView result(Form form, String input, RewriteResult result, String contextId) {
		ModelAndView page = page(form, HttpStatus.OK);
		page.addObject("input", input);
		page.addObject("result", result.dockerfile());
		page.addObject("diff", LineDiff.of(input, result.dockerfile()));
		page.addObject("changes", result.changes()
			.stream()
			.map(c -> new ChangeRow(c.line(), c.ruleId(), ruleTexts.anchorOf(c.ruleId()), c.before(), c.after()))
			.toList());
		page.addObject("warnings", warnings(result.warnings(), input));
		page.addObject("targetKey", result.target());
		page.addObject("contextId", contextId);
		return page;
	}

	/**
	 * The exceptions that mean "this input cannot be rewritten", each with its status.
	 */
	private ModelAndView refusal(Form form, String input, RuntimeException ex) {
		if (ex instanceof DockerfileSyntaxException syntax) {
			return problem(form, HttpStatus.BAD_REQUEST, new Problem("Dockerfile syntax error", syntax.detail(),
					syntax.line(), syntax.column(), lineOf(input, syntax.line()), List.of()));
		}
		if (ex instanceof StrictModeException strictMode) {
			return problem(form, HttpStatus.UNPROCESSABLE_CONTENT, new Problem("Strict mode: the rewrite has warnings",
					"Strict mode refuses a rewrite with warnings. Fix these lines, or rewrite without strict mode to "
							+ "see the result with its warnings.",
					null, null, null, warnings(strictMode.warnings(), input)));
		}
		if (ex instanceof TargetChoice.UnknownTargetException) {
			return problem(form, HttpStatus.BAD_REQUEST, Problem.of("Unknown target", ex.getMessage()));
		}
		if (ex instanceof ArchiveTooLargeException) {
			return tooLarge(form, "The build context unpacks to too much: " + ex.getMessage() + ".");
		}
		if (ex instanceof BadContextException || ex instanceof UnsafeArchiveException) {
			return problem(form, HttpStatus.BAD_REQUEST, Problem.of("Bad build context", ex.getMessage()));
		}
		throw ex;
	}

	private List<WarningRow> warnings(List<dev.rebaser.rewrite.RewriteWarning> warnings, String input) {
		return warnings.stream()
			.map(w -> new WarningRow(w.line(), w.code(), w.message(), w.line() > 0 ? lineOf(input, w.line()) : null))
			.toList();
	}

	private ModelAndView tooLarge(Form form, String message) {
		return problem(form, HttpStatus.CONTENT_TOO_LARGE, Problem.of("Too large", message));
	}

	private ModelAndView problem(Form form, HttpStatus status, Problem problem) {
		ModelAndView page = page(form, status);
		page.addObject("problem", problem);
		return page;
	}

	private ModelAndView page(Form form, HttpStatus status) {
		ModelAndView page = new ModelAndView("rewrite", status);
		page.addObject("form", form);
		page.addObject("targetNames",
				rules.targets()
					.stream()
					.map(Target::name)
					.distinct()
					.sorted(Comparator.comparing((String name) -> !name.equals(targets.defaultTarget()))
						.thenComparing(name -> name))
					.toList());
		page.addObject("arches", rules.targets()
			.stream()
			.map(Target::arch)
			.distinct()
			.sorted(Comparator.comparing((String a) -> !a.equals(rules.defaultTarget().arch())).thenComparing(a -> a))
			.toList());
		page.addObject("maxBytes", maxBytes);
		page.addObject("maxContextBytes", maxContextBytes);
		return page;
	}

	private Form emptyForm() {
		return new Form("", targets.defaultTarget(), rules.defaultTarget().arch(), false);
	}

	private static ModelAndView withLayout(ModelAndView page) {
		page.addObject("operator", LayoutModel.loggedIn());
		return page;
	}

	private static boolean isContext(MultipartFile upload) throws IOException {
		String name = upload.getOriginalFilename() == null ? "" : upload.getOriginalFilename().toLowerCase(Locale.ROOT);
		if (name.endsWith(".tar.gz") || name.endsWith(".tgz")) {
			return true;
		}
		byte[] head = new byte[2];
		try (var in = upload.getInputStream()) {
			return in.readNBytes(head, 0, 2) == 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b;
		}
	}

	/** Line {@code number} (from 1) of the text, or null when there is no such line. */
	public static String lineOf(String text, int number) {
		if (text == null || number < 1) {
			return null;
		}
		String[] lines = text.split("\r\n|\r|\n", -1);
		return number <= lines.length ? lines[number - 1] : null;
	}

}
