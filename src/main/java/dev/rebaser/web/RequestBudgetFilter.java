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
 * {@value #PROPERTY}, and a timeout in wall time, {@value #TIMEOUT_PROPERTY}: the last
 * lines behind the limits each parser, expander, diff and archive reader keeps in the
 * size of its input. Past the budget the work stops and the answer is a 422 that names
 * it; past the timeout, a 503 that names that. Under {@code /api/} the answer is a
 * problem report, elsewhere the error page. The operator's requests (an import of a whole
 * release) have neither limit. A request stalled reading its body or writing its answer
 * is the connection timeout's to end.
 */
public final class RequestBudgetFilter extends OncePerRequestFilter {

	public static final String PROPERTY = "rebaser.request.cpu-budget";

	private static final String TITLE = "Too much work";

	private static final String TYPE = "cpu-budget";

	public static final String TIMEOUT_PROPERTY = "rebaser.request.timeout";

	private final Duration budget;

	private final Duration timeout;

	RequestBudgetFilter(Duration budget, Duration timeout) {
		this.budget = budget;
		this.timeout = timeout;
	}

	/** How a request that passed a limit is answered: status, title, type and setting. */
	public record Refusal(int status, String title, String type, String property, String detail) {

		public static Refusal of(CpuBudget.Exceeded ex) {
			return ex.limit() == CpuBudget.Limit.PROCESSOR_TIME
					? new Refusal(422, TITLE, TYPE, PROPERTY, ex.getMessage() + " (" + PROPERTY + ")")
					: new Refusal(503, "Took too long", "timeout", TIMEOUT_PROPERTY,
							ex.getMessage() + " (" + TIMEOUT_PROPERTY + ")");
		}

	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (isOperator()) {
			chain.doFilter(request, response);
			return;
		}
		try (CpuBudget.Scope scope = CpuBudget.start(budget, timeout)) {
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
		Refusal refusal = Refusal.of(ex);
		if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			response.sendError(refusal.status(), refusal.detail());
			return;
		}
		response.setStatus(refusal.status());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getWriter()
			.write("{\"type\":\"urn:rebaser:problem:" + refusal.type() + "\",\"title\":\"" + refusal.title()
					+ "\",\"status\":" + refusal.status() + ",\"detail\":\""
					+ refusal.detail().replace("\\", "\\\\").replace("\"", "\\\"") + "\",\"limit\":\""
					+ refusal.property() + "\"}");
	}

}
