package dev.rebaser.web;

import dev.rebaser.budget.CpuBudget;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request that is not the operator's a budget of processor time,
 * {@value #PROPERTY}: the last line behind the limits each parser, expander, diff and
 * archive reader keeps in the size of its input. Past it the work stops and the answer is
 * a 422 that names the budget: a problem report under {@code /api/}, the error page
 * elsewhere. The operator's requests (an import of a whole release) have no budget.
 */
public final class RequestBudgetFilter extends OncePerRequestFilter {

	public static final String PROPERTY = "rebaser.request.cpu-budget";

	public static final String TITLE = "Too much work";

	public static final String TYPE = "cpu-budget";

	private final Duration budget;

	RequestBudgetFilter(Duration budget) {
		this.budget = budget;
	}

	public static String detail(CpuBudget.Exceeded ex) {
		return ex.getMessage() + " (" + PROPERTY + ")";
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (isOperator()) {
			chain.doFilter(request, response);
			return;
		}
		try (CpuBudget.Scope scope = CpuBudget.start(budget)) {
			chain.doFilter(request, response);
		}
		catch (CpuBudget.Exceeded ex) {
			refuse(request, response, ex);
		}
		catch (ServletException ex) {
			if (!(ex.getCause() instanceof CpuBudget.Exceeded exceeded)) {
				throw ex;
			}
			refuse(request, response, exceeded);
		}
	}

	private static boolean isOperator() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getAuthorities()
			.stream()
			.anyMatch(authority -> authority.getAuthority().equals("ROLE_" + SecurityConfiguration.OPERATOR));
	}

	/** A controller no problem handler covers let the budget's end through. */
	private static void refuse(HttpServletRequest request, HttpServletResponse response, CpuBudget.Exceeded ex)
			throws IOException {
		if (response.isCommitted()) {
			throw ex; // part of the answer is out: all that is left is to cut it short
		}
		response.resetBuffer();
		if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			response.sendError(422, detail(ex));
			return;
		}
		response.setStatus(422);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getWriter()
			.write("{\"type\":\"urn:rebaser:problem:" + TYPE + "\",\"title\":\"" + TITLE + "\",\"status\":422,"
					+ "\"detail\":\"" + detail(ex).replace("\\", "\\\\").replace("\"", "\\\"") + "\",\"limit\":\""
					+ PROPERTY + "\"}");
	}

}
