package dev.rebaser.imports;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code rebaser.catalog.*}: a Kubernetes checkout to import at every start (empty, the
 * newest import, or the bundled example tree), and whether URLs of imports and of
 * {@code catalog.yaml} sources may point at loopback and private addresses.
 */
@ConfigurationProperties("rebaser.catalog")
public record CatalogProperties(String tree, boolean allowPrivateFetches) {

	public CatalogProperties {
		tree = tree == null ? "" : tree;
	}

}
