package dev.rebaser.rewriting;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code rebaser.rules.*}: a folder of rule files that override the built-in ones key by
 * key; empty, the built-in rules alone.
 */
@ConfigurationProperties("rebaser.rules")
public record RulesProperties(String extraFolder) {

	public RulesProperties {
		extraFolder = extraFolder == null ? "" : extraFolder;
	}

}
