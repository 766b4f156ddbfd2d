package dev.rebaser.web;

import dev.rebaser.dockerfile.DockerfileSyntaxException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.net.URI;

/**
 * Turns bad input into RFC 9457 problem reports that say what was wrong and where.
 */
@RestControllerAdvice(assignableTypes = { DockerfileController.class, ManifestController.class })
class ApiProblems {

	@ExceptionHandler
	ProblemDetail syntaxError(DockerfileSyntaxException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.detail());
		problem.setTitle("Dockerfile syntax error");
		problem.setType(URI.create("urn:rebaser:problem:dockerfile-syntax"));
		problem.setProperty("line", ex.line());
		problem.setProperty("column", ex.column());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail tooLarge(RequestBodies.BodyTooLargeException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, ex.getMessage());
		problem.setTitle("Request body too large");
		problem.setType(URI.create("urn:rebaser:problem:body-too-large"));
		problem.setProperty("limit", ex.limit());
		return problem;
	}

}
