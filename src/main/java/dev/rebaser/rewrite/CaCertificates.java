package dev.rebaser.rewrite;

import dev.rebaser.rules.Distro;
import dev.rebaser.rules.Target;
import java.util.Set;

/**
 * Every Alpine image has the CA bundle (ca-certificates-bundle is in the base). On Debian
 * the TLS clients only recommend ca-certificates, and the rewrite installs without
 * recommends, so a stage that installs one of them gets ca-certificates too, or https
 * would stop working.
 */
final class CaCertificates {

	static final String PACKAGE = "ca-certificates";
	static final String RULE_ID = "implied:ca-certificates";

	private static final Set<String> TLS_CLIENTS = Set.of("curl", "wget", "git", "python3-pip", "openssl", "wget2");

	private CaCertificates() {
	}

	/**
	 * @param adding the packages about to be installed
	 */
	static boolean needed(Target target, StageState stage, Set<String> adding) {
		if (target.distro() != Distro.DEBIAN || stage.everInstalled.contains(PACKAGE) || adding.contains(PACKAGE)) {
			return false;
		}
		for (String client : TLS_CLIENTS) {
			if (adding.contains(client)) {
				return true;
			}
		}
		return false;
	}

}
