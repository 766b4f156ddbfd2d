package dev.rebaser.rewriting;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code rebaser.packages.*}: whether a rewrite checks that every package it installs
 * exists for the target suite and architecture, where the package indexes are kept, and
 * the Debian mirror to fetch them from (empty: the mirror of the machine's apt sources).
 */
@ConfigurationProperties("rebaser.packages")
public record PackagesProperties(@DefaultValue("true") boolean check, Path cacheFolder, String mirror) {

	public PackagesProperties {
		if (cacheFolder == null) {
			cacheFolder = Path.of(System.getProperty("user.home"), ".cache", "rebaser", "packages");
		}
		mirror = mirror == null ? "" : mirror;
	}

}
