package dev.rebaser.catalog;

import dev.rebaser.context.BuildContext;
import dev.rebaser.context.ContextFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Rebaser's own example tree, shipped in the jar: laid out like Kubernetes (manifest.go
 * and test/images) with a catalog.yaml of external images, so a new installation has a
 * catalog to show and to build before anyone imports a real release.
 */
public final class ExampleTree {

	static final String FOLDER = "example-tree";

	private ExampleTree() {
	}

	/** The example catalog for the built-in rules' default target. */
	public static Catalog load() {
		return load(CatalogImporter.withBuiltinRules());
	}

	/** The example catalog, imported by the given importer (its rules and target). */
	public static Catalog load(CatalogImporter importer) {
		try {
			return importer.importTree(tree());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The files of the example tree, read through the index that lists them. */
	static SourceTree tree() {
		ClassLoader loader = ExampleTree.class.getClassLoader();
		BuildContext files = new BuildContext();
		for (String line : new String(read(loader, "index.txt"), StandardCharsets.UTF_8).split("\n")) {
			String entry = line.strip();
			if (entry.isEmpty() || entry.startsWith("#")) {
				continue;
			}
			String[] parts = entry.split("\\s+");
			int mode = parts.length > 1 ? Integer.parseInt(parts[1], 8) : 0644;
			files.put(ContextFile.file(parts[0], mode, read(loader, parts[0])));
		}
		return new SourceTree(files, "classpath:" + FOLDER);
	}

	private static byte[] read(ClassLoader loader, String path) {
		try (InputStream in = loader.getResourceAsStream(FOLDER + "/" + path)) {
			if (in == null) {
				throw new IllegalStateException(
						"the example tree lists " + path + " but the jar has no " + FOLDER + "/" + path);
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
