package dev.rebaser.web.api;

import dev.rebaser.budget.CpuBudget;
import dev.rebaser.build.Rebuilds;
import dev.rebaser.context.ArchiveTooLargeException;
import dev.rebaser.context.BadContextException;
import dev.rebaser.context.UnsafeArchiveException;
import dev.rebaser.dockerfile.DockerfileSyntaxException;
import dev.rebaser.imports.CurrentCatalog;
import dev.rebaser.imports.ImportException;
import dev.rebaser.rewrite.StrictModeException;
import dev.rebaser.rewriting.TargetChoice;
import dev.rebaser.text.StrictUtf8;
import dev.rebaser.web.RequestBodies;
import dev.rebaser.web.RequestBudgetFilter;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns bad input into RFC 9457 problem reports that say what was wrong and where.
 */
@RestControllerAdvice(assignableTypes = { DockerfileController.class, ManifestController.class, RewriteController.class,
		CatalogController.class, BuildController.class })
public class ApiProblems {

	@ExceptionHandler
	public ProblemDetail syntaxError(DockerfileSyntaxException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.detail());
		problem.setTitle("Dockerfile syntax error");
		problem.setType(URI.create("urn:rebaser:problem:dockerfile-syntax"));
		problem.setProperty("line", ex.line());
		problem.setProperty("column", ex.column());
		return problem;
	}

	@ExceptionHandler
	public ProblemDetail unknownTarget(TargetChoice.UnknownTargetException ex) {
		return problem(HttpStatus.BAD_REQUEST, "Unknown target", "unknown-target", ex.getMessage());
	}

	@ExceptionHandler
	public ProblemDetail strictMode(StrictModeException ex) {
		ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "Strict mode: the rewrite has warnings",
				"strict-mode", ex.getMessage());
		problem.setProperty("warnings", ex.warnings());
		return problem;
	}

	@ExceptionHandler
	public ProblemDetail unsafeEntry(UnsafeArchiveException ex) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Archive entry refused", "unsafe-archive-entry",
				ex.getMessage());
		problem.setProperty("entry", ex.entry());
		return problem;
	}

	@ExceptionHandler
	public ProblemDetail overBudget(CpuBudget.Exceeded ex) {
		RequestBudgetFilter.Refusal refusal = RequestBudgetFilter.Refusal.of(ex);
		ProblemDetail problem = problem(HttpStatus.valueOf(refusal.status()), refusal.title(), refusal.type(),
				refusal.detail());
		problem.setProperty("limit", refusal.property());
		return problem;
	}

	@ExceptionHandler
	public ProblemDetail archiveTooLarge(ArchiveTooLargeException ex) {
		return problem(HttpStatus.CONTENT_TOO_LARGE, "Archive too large", "archive-too-large", ex.getMessage());
	}

	@ExceptionHandler
	public ProblemDetail badContext(BadContextException ex) {
		return problem(HttpStatus.BAD_REQUEST, "Bad build context", "bad-context", ex.getMessage());
	}

	@ExceptionHandler
	public ProblemDetail importFailed(ImportException ex) {
		return problem(HttpStatus.BAD_REQUEST, "Import failed", "import-failed", ex.getMessage());
	}

	@ExceptionHandler
	public ProblemDetail emptyCatalog(CurrentCatalog.EmptyCatalogException ex) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Nothing to import", "empty-catalog", ex.getMessage());
		problem.setProperty("problems", ex.catalog().problems());
		return problem;
	}

	@ExceptionHandler
	public ProblemDetail unknownImage(Rebuilds.UnknownImageException ex) {
		return problem(HttpStatus.NOT_FOUND, "Unknown image", "unknown-image", ex.getMessage());
	}

	@ExceptionHandler
	public ProblemDetail noSuchJob(java.util.NoSuchElementException ex) {
		return problem(HttpStatus.NOT_FOUND, "Not found", "not-found", ex.getMessage());
	}

	@ExceptionHandler
	public ResponseEntity<ProblemDetail> tooManyFollowers(LogFollowers.TooManyFollowersException ex) {
		HttpStatus status = ex.byClient() ? HttpStatus.TOO_MANY_REQUESTS : HttpStatus.SERVICE_UNAVAILABLE;
		return ResponseEntity.status(status)
			.header("Retry-After", "30")
			.body(problem(status, "Too many followed logs", "too-many-followers", ex.getMessage()));
	}

	@ExceptionHandler
	public ProblemDetail conflict(IllegalStateException ex) {
		return problem(HttpStatus.CONFLICT, "Not possible in the job's state", "state-conflict", ex.getMessage());
	}

	private static ProblemDetail problem(HttpStatus status, String title, String type, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		problem.setType(URI.create("urn:rebaser:problem:" + type));
		return problem;
	}

	@ExceptionHandler
	public ProblemDetail notUtf8(StrictUtf8.MalformedException ex) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Not UTF-8 text", "invalid-utf8",
				"The body is not UTF-8 text: " + ex.getMessage());
		problem.setProperty("offset", ex.offset());
		problem.setProperty("line", ex.line());
		return problem;
	}

	@ExceptionHandler
	public ProblemDetail tooLarge(RequestBodies.BodyTooLargeException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, ex.getMessage());
		problem.setTitle("Request body too large");
		problem.setType(URI.create("urn:rebaser:problem:body-too-large"));
		problem.setProperty("limit", ex.limit());
		return problem;
	}

}
