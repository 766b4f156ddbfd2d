package dev.rebaser.imports;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code rebaser.catalog.*}: a Kubernetes checkout to import at every start; empty, the
 * newest import, or the bundled example tree.
 */
@ConfigurationProperties("rebaser.catalog")
public record CatalogProperties(String tree) {

	public CatalogProperties {
		tree = tree == null ? "" : tree;
	}

}
