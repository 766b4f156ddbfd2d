package dev.rebaser.packages;

import java.util.regex.Pattern;

/**
 * A Debian suite (codename such as {@code bookworm}) and a Debian architecture name (such
 * as {@code mips64el}, not Docker's {@code mips64le}). Both end up in file names and
 * URLs, so only the characters Debian uses for them are accepted.
 */
public record SuiteArch(String suite, String debianArch) {

	private static final Pattern SUITE = Pattern.compile("[a-z0-9][a-z0-9.+_-]*");

	private static final Pattern ARCH = Pattern.compile("[a-z0-9][a-z0-9-]*");

	public SuiteArch {
		if (suite == null || !SUITE.matcher(suite).matches()) {
			throw new IllegalArgumentException("not a Debian suite name: " + suite);
		}
		if (debianArch == null || !ARCH.matcher(debianArch).matches()) {
			throw new IllegalArgumentException("not a Debian architecture name: " + debianArch);
		}
	}

	@Override
	public String toString() {
		return suite + "/" + debianArch;
	}
}
