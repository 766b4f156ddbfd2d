package dev.rebaser.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reading is open; starting work on a build host is not. The REST API takes the operator
 * token as {@code Authorization: Bearer} and keeps no session, so a browser's login
 * cookie can never start a build through it (and CSRF tokens are not needed there). The
 * dashboard logs the operator in with a form (user {@value OperatorToken#USER}, the token
 * as password) and protects its forms against CSRF.
 */
@EnableConfigurationProperties({ OperatorProperties.class, RequestLimits.class })
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class SecurityConfiguration {

	public static final String OPERATOR = "OPERATOR";

	/** The API calls that start work on a build host. */
	static final String[] WORK = { "/api/builds", "/api/builds/**", "/api/catalog/import", "/api/base-images/**",
			"/api/packages/**" };

	@Bean
	OperatorToken operatorToken(OperatorProperties operator) {
		return new OperatorToken(operator.token());
	}

	@Bean
	LoginThrottle loginThrottle() {
		return new LoginThrottle(Clock.systemUTC());
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, OperatorToken token, LoginThrottle throttle, RequestLimits limits)
			throws Exception {
		http.securityMatcher("/api/**", "/v3/api-docs/**")
			.authorizeHttpRequests(requests -> requests.requestMatchers(HttpMethod.POST, WORK)
				.hasRole(OPERATOR)
				.anyRequest()
				.permitAll())
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.securityContext(context -> context.requireExplicitSave(true))
			.requestCache(cache -> cache.disable())
			.addFilterBefore(new BearerTokenFilter(token, throttle), BasicAuthenticationFilter.class)
			.addFilterAfter(new RequestBudgetFilter(limits.request().cpuBudget(), limits.request().timeout()),
					AuthorizationFilter.class)
			.exceptionHandling(errors -> errors
				.authenticationEntryPoint((request, response, ex) -> problem(response, 401, "Unauthorized",
						"This call starts work on a build host and needs the operator token as "
								+ "'Authorization: Bearer <token>'."))
				.accessDeniedHandler((request, response, ex) -> problem(response, 403, "Forbidden",
						"The operator token is required.")));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain dashboard(HttpSecurity http, LoginThrottle throttle, RequestLimits limits) throws Exception {
		SimpleUrlAuthenticationFailureHandler failed = new SimpleUrlAuthenticationFailureHandler("/login?error");
		SavedRequestAwareAuthenticationSuccessHandler succeeded = new SavedRequestAwareAuthenticationSuccessHandler();
		http.authorizeHttpRequests(
				requests -> requests.requestMatchers(HttpMethod.POST, "/login", "/rewrite", "/rewrite/**")
					.permitAll()
					.requestMatchers(HttpMethod.POST, "/**")
					.hasRole(OPERATOR)
					.anyRequest()
					.permitAll())
			.addFilterBefore(new ThrottledLogins(throttle), UsernamePasswordAuthenticationFilter.class)
			.addFilterAfter(new RequestBudgetFilter(limits.request().cpuBudget(), limits.request().timeout()),
					AuthorizationFilter.class)
			.formLogin(form -> form.loginPage("/login").permitAll().failureHandler((request, response, ex) -> {
				throttle.failed(request.getRemoteAddr());
				failed.onAuthenticationFailure(request, response, ex);
			}).successHandler((request, response, authentication) -> {
				throttle.succeeded(request.getRemoteAddr());
				succeeded.onAuthenticationSuccess(request, response, authentication);
			}))
			.logout(logout -> logout.logoutSuccessUrl("/"));
		return http.build();
	}

	/**
	 * The login form's check: user {@value OperatorToken#USER} and the operator token.
	 */
	@Bean
	AuthenticationProvider operatorLogin(OperatorToken token) {
		return new AuthenticationProvider() {
			@Override
			public Authentication authenticate(Authentication authentication) {
				Object password = authentication.getCredentials();
				if (!OperatorToken.USER.equals(authentication.getName()) || password == null
						|| !token.matches(password.toString())) {
					throw new BadCredentialsException("wrong user or token");
				}
				return operator();
			}

			@Override
			public boolean supports(Class<?> type) {
				return UsernamePasswordAuthenticationToken.class.isAssignableFrom(type);
			}
		};
	}

	static UsernamePasswordAuthenticationToken operator() {
		return UsernamePasswordAuthenticationToken.authenticated(OperatorToken.USER, null,
				List.of(new SimpleGrantedAuthority("ROLE_" + OPERATOR)));
	}

	private static void problem(HttpServletResponse response, int status, String title, String detail)
			throws IOException {
		response.setStatus(status);
		if (status == 401) {
			response.setHeader("WWW-Authenticate", "Bearer");
		}
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getWriter()
			.write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
					+ detail.replace("\"", "\\\"") + "\"}");
	}

	/**
	 * Authenticates an API call that carries the operator token; a wrong token is refused
	 * outright.
	 */
	static final class BearerTokenFilter extends OncePerRequestFilter {

		private final OperatorToken token;

		private final LoginThrottle throttle;

		BearerTokenFilter(OperatorToken token, LoginThrottle throttle) {
			this.token = token;
			this.throttle = throttle;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String header = request.getHeader("Authorization");
			if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
				String client = request.getRemoteAddr();
				Optional<Duration> wait = throttle.blocked(client);
				if (wait.isPresent()) {
					response.setHeader("Retry-After", Long.toString(seconds(wait.get())));
					problem(response, 429, "Too Many Requests", tooMany(wait.get()));
					return;
				}
				if (!token.matches(header.substring(7).trim())) {
					throttle.failed(client);
					problem(response, 401, "Unauthorized", "The operator token is wrong.");
					return;
				}
				throttle.succeeded(client);
				var context = SecurityContextHolder.createEmptyContext();
				context.setAuthentication(operator());
				SecurityContextHolder.setContext(context);
			}
			chain.doFilter(request, response);
		}

	}

	/**
	 * The login form of an address that failed too often is not checked at all until its
	 * wait is over.
	 */
	static final class ThrottledLogins extends OncePerRequestFilter {

		private final LoginThrottle throttle;

		ThrottledLogins(LoginThrottle throttle) {
			this.throttle = throttle;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if ("POST".equals(request.getMethod())
					&& request.getRequestURI().equals(request.getContextPath() + "/login")) {
				Optional<Duration> wait = throttle.blocked(request.getRemoteAddr());
				if (wait.isPresent()) {
					response.setHeader("Retry-After", Long.toString(seconds(wait.get())));
					response.sendError(429, tooMany(wait.get()));
					return;
				}
			}
			chain.doFilter(request, response);
		}

	}

	private static long seconds(Duration wait) {
		return Math.max(1, (wait.toMillis() + 999) / 1000);
	}

	private static String tooMany(Duration wait) {
		return "Too many failed logins from this address: try again in " + seconds(wait) + " seconds.";
	}

}
