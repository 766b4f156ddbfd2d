package dev.rebaser.web.page;

import org.springframework.security.web.csrf.CsrfToken;

/**
 * The CSRF token of a page's forms is made lazily and kept in the session. A long page (a
 * big grid, a long log) is flushed to the client while it renders, after which no session
 * can be created, so pages with forms settle the token before they render.
 */
public final class FormTokens {

	private FormTokens() {
	}

	public static void settle(CsrfToken token) {
		if (token != null) {
			token.getToken();
		}
	}

}
