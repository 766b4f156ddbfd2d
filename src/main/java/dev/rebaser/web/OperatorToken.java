package dev.rebaser.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one credential that lets a caller start work on a build host: builds, imports, base
 * image bootstraps. The operator sets {@code rebaser.operator.token}; without it, a fresh
 * token is made at start-up and printed once, so a first run is usable and never open.
 */
public class OperatorToken {

	private static final Logger LOG = LoggerFactory.getLogger(OperatorToken.class);

	/** The user name the dashboard's login form takes, with the token as password. */
	public static final String USER = "operator";

	private final byte[] token;

	OperatorToken(String configured) {
		String value = configured;
		if (value == null || value.isBlank()) {
			byte[] random = new byte[24];
			new SecureRandom().nextBytes(random);
			value = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
			LOG.warn("No rebaser.operator.token is set; this run's operator token is {}", value);
		}
		this.token = value.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Compares in constant time, so the answer's timing tells nothing about the token.
	 */
	public boolean matches(String candidate) {
		return candidate != null && MessageDigest.isEqual(token, candidate.getBytes(StandardCharsets.UTF_8));
	}

}
