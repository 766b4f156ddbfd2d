package dev.rebaser.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.MultiValueMap;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The REST endpoints take a Dockerfile, a manifest.go or an archive as the raw body.
 * Clients such as {@code curl --data-binary} label that body as a form, and the servlet
 * container would then consume it as form fields as soon as a query parameter is asked
 * for. Under /api/ parameters therefore come from the query string alone, and the body
 * stays the body. A query that does not decode (a bad percent-escape) is a 400.
 */
@Configuration(proxyBeanMethods = false)
class QueryOnlyParameters {

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> queryOnlyParametersFilter() {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
				new OncePerRequestFilter() {
					@Override
					protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
							FilterChain chain) throws ServletException, IOException {
						QueryParameterRequest withQueryParameters;
						try {
							withQueryParameters = new QueryParameterRequest(request);
						}
						catch (IllegalArgumentException ex) {
							response.sendError(HttpServletResponse.SC_BAD_REQUEST,
									"The query string is not valid: " + ex.getMessage());
							return;
						}
						chain.doFilter(withQueryParameters, response);
					}
				});
		registration.addUrlPatterns("/api/*");
		return registration;
	}

	static final class QueryParameterRequest extends HttpServletRequestWrapper {

		private final Map<String, String[]> parameters;

		QueryParameterRequest(HttpServletRequest request) {
			super(request);
			MultiValueMap<String, String> query = UriComponentsBuilder
				.fromUriString("?" + (request.getQueryString() == null ? "" : request.getQueryString()))
				.build()
				.getQueryParams();
			Map<String, String[]> decoded = new LinkedHashMap<>();
			query.forEach((name, values) -> decoded.put(decode(name),
					values.stream().map(v -> v == null ? "" : decode(v)).toArray(String[]::new)));
			this.parameters = Collections.unmodifiableMap(decoded);
		}

		private static String decode(String text) {
			return URLDecoder.decode(text, StandardCharsets.UTF_8);
		}

		@Override
		public String getParameter(String name) {
			String[] values = parameters.get(name);
			return values == null || values.length == 0 ? null : values[0];
		}

		@Override
		public Map<String, String[]> getParameterMap() {
			return parameters;
		}

		@Override
		public Enumeration<String> getParameterNames() {
			return Collections.enumeration(parameters.keySet());
		}

		@Override
		public String[] getParameterValues(String name) {
			return parameters.get(name);
		}

	}

}
