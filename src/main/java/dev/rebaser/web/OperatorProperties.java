package dev.rebaser.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code rebaser.operator.*}: the token that lets API calls start work on the build
 * hosts; empty, one is made at start and written to the log.
 */
@ConfigurationProperties("rebaser.operator")
public record OperatorProperties(String token) {

	public OperatorProperties {
		token = token == null ? "" : token;
	}

}
