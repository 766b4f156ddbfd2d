package dev.rebaser.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.TypeMismatchException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.ErrorResponse;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * Errors that no controller answered (an unknown path, a wrong method or media type, a
 * request the container or a filter refused) as an RFC 9457 problem report for machines,
 * like every error the API's controllers answer; browsers still get the error pages. The
 * detail says what was wrong, never how the server failed.
 */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ErrorResponses extends BasicErrorController {

	private final ErrorAttributes errorAttributes;

	public ErrorResponses(ErrorAttributes errorAttributes, WebProperties web,
			ObjectProvider<ErrorViewResolver> resolvers) {
		super(errorAttributes, web.getError(), resolvers.orderedStream().toList());
		this.errorAttributes = errorAttributes;
	}

	@Override
	public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
		HttpStatus status = getStatus(request);
		if (status == HttpStatus.NO_CONTENT) {
			return new ResponseEntity<>(status);
		}
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", URI.create("about:blank"));
		problem.put("title", status.getReasonPhrase());
		problem.put("status", status.value());
		problem.put("detail", detail(status, errorAttributes.getError(new ServletWebRequest(request)), request));
		problem.put("instance", request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	private static String detail(HttpStatus status, Throwable error, HttpServletRequest request) {
		if (status.is5xxServerError()) {
			return "The server could not answer this request; its log says why.";
		}
		if (error instanceof ErrorResponse response && response.getBody().getDetail() != null) {
			return response.getBody().getDetail();
		}
		if (error instanceof TypeMismatchException mismatch && mismatch.getRequiredType() != null) {
			return "\"" + mismatch.getValue() + "\" is not a valid " + mismatch.getRequiredType().getSimpleName()
					+ (mismatch.getPropertyName() != null ? " for " + mismatch.getPropertyName() : "");
		}
		Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
		if (message instanceof String text && !text.isBlank()) {
			return text;
		}
		return status.getReasonPhrase() + ": " + request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
	}

}
