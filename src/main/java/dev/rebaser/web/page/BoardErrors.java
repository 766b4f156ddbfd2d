package dev.rebaser.web.page;

import dev.rebaser.build.Rebuilds;
import dev.rebaser.rewriting.TargetChoice;
import jakarta.servlet.http.HttpServletResponse;
import java.util.NoSuchElementException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * An image or build that does not exist, or an architecture there is no target for, is a
 * page that says so with the right status, not a stack trace.
 */
@ControllerAdvice(assignableTypes = { OverviewController.class, ImagePageController.class, BuildPageController.class })
public class BoardErrors {

	@ExceptionHandler({ NoSuchElementException.class, Rebuilds.UnknownImageException.class })
	public ModelAndView notFound(RuntimeException ex, HttpServletResponse response) {
		return page(response, HttpServletResponse.SC_NOT_FOUND, "Not found", ex.getMessage());
	}

	@ExceptionHandler(TargetChoice.UnknownTargetException.class)
	public ModelAndView unknownTarget(RuntimeException ex, HttpServletResponse response) {
		return page(response, HttpServletResponse.SC_BAD_REQUEST, "No such architecture", ex.getMessage());
	}

	private static ModelAndView page(HttpServletResponse response, int status, String title, String message) {
		response.setStatus(status);
		ModelAndView page = new ModelAndView("board-error");
		page.addObject("status", status);
		page.addObject("title", title);
		page.addObject("message", message);
		return page;
	}

}
