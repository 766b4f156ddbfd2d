package dev.rebaser.web.page;

import dev.rebaser.web.SecurityConfiguration;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the layout needs on every page. The Thymeleaf security dialect is not on the
 * classpath, so the nav learns from this attribute whether to offer "Log in" or "Log
 * out".
 */
@ControllerAdvice
public class LayoutModel {

	/**
	 * True when the operator is logged in (form login or, for completeness, any OPERATOR
	 * role).
	 */
	@ModelAttribute("operator")
	public boolean operator() {
		return loggedIn();
	}

	/**
	 * For pages rendered by an exception handler, which model attribute methods do not
	 * reach.
	 */
	public static boolean loggedIn() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken)
				&& authentication.getAuthorities()
					.stream()
					.anyMatch(authority -> ("ROLE_" + SecurityConfiguration.OPERATOR).equals(authority.getAuthority()));
	}

}
