package dev.rebaser.web;

import dev.rebaser.catalog.Catalog;
import dev.rebaser.catalog.CatalogImporter;
import dev.rebaser.catalog.ExampleTree;
import dev.rebaser.rules.RuleSet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The catalog the service works on: a Kubernetes tree given by {@code rebaser.catalog.tree}, or the
 * bundled example tree, so that a new installation has images to show and build.
 */
@Component
class CurrentCatalog {

	private final Catalog catalog;

	CurrentCatalog(RuleSet rules, @Value("${rebaser.catalog.tree:}") String tree) {
		CatalogImporter importer = new CatalogImporter(rules, rules.defaultTarget());
		try {
			this.catalog = tree.isBlank() ? ExampleTree.load(importer) : importer.importDirectory(Path.of(tree));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot import the catalog tree " + tree, ex);
		}
	}

	Catalog get() {
		return catalog;
	}

}
