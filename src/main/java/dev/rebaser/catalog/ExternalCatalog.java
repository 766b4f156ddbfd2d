package dev.rebaser.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The catalog YAML: images that do not live in Kubernetes' tree (official images, sample
 * apps), each with where its build context comes from.
 *
 * <pre>
 * images:
 *   - name: httpd
 *     version: 2.4.38-alpine
 *     reference: docker.io/library/httpd:2.4.38-alpine
 *     source:
 *       directory: external/httpd          # relative to this file
 *   - name: gb-frontend
 *     version: v6
 *     reference: gcr.io/google-samples/gb-frontend:v6
 *     source: { git: https://github.com/…, ref: main, path: guestbook/php-redis }
 *   - …  source: { tarball: https://…/x.tar.gz, path: folder/in/tarball }
 * </pre>
 *
 * An entry that cannot be used is reported and left out; the others still come in.
 */
final class ExternalCatalog {

	private ExternalCatalog() {
	}

	static List<ExternalImage> parse(String yaml, String origin, Consumer<String> problems) {
		Object root;
		try {
			root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
		}
		catch (YAMLException ex) {
			problems.accept(origin + " is not valid YAML: " + ex.getMessage());
			return List.of();
		}
		if (root == null) {
			return List.of();
		}
		if (!(root instanceof Map<?, ?> top) || !(top.get("images") instanceof List<?> entries)) {
			problems.accept(origin + " must be a mapping with a list under 'images'");
			return List.of();
		}
		List<ExternalImage> images = new ArrayList<>();
		for (int i = 0; i < entries.size(); i++) {
			String where = origin + " images[" + i + "]";
			if (!(entries.get(i) instanceof Map<?, ?> entry)) {
				problems.accept(where + " must be a mapping");
				continue;
			}
			String name = string(entry, "name");
			String version = string(entry, "version");
			String reference = string(entry, "reference");
			if (name == null || version == null) {
				problems.accept(where + " needs a name and a version");
				continue;
			}
			if (reference == null) {
				reference = name + ":" + version;
			}
			else if (!reference.endsWith(":" + version)) {
				problems.accept(where + " (" + name + "): reference " + reference + " does not end with the version "
						+ version);
				continue;
			}
			ExternalSource source = source(entry.get("source"), where + " (" + name + ")", problems);
			if (source == null && entry.get("source") != null) {
				continue;
			}
			images.add(new ExternalImage(name, version, reference, source));
		}
		return images;
	}

	private static ExternalSource source(Object value, String where, Consumer<String> problems) {
		if (value == null) {
			return null;
		}
		if (!(value instanceof Map<?, ?> source)) {
			problems.accept(where + ": source must be a mapping");
			return null;
		}
		String directory = string(source, "directory");
		String tarball = string(source, "tarball");
		String git = string(source, "git");
		String path = string(source, "path");
		int kinds = (directory == null ? 0 : 1) + (tarball == null ? 0 : 1) + (git == null ? 0 : 1);
		if (kinds != 1) {
			problems.accept(where + ": source needs exactly one of directory, tarball, git");
			return null;
		}
		if (directory != null) {
			return new ExternalSource.Directory(directory);
		}
		if (tarball != null) {
			return new ExternalSource.Tarball(tarball, path == null ? "" : path);
		}
		String ref = string(source, "ref");
		return new ExternalSource.Git(git, ref == null ? "HEAD" : ref, path == null ? "" : path);
	}

	private static String string(Map<?, ?> map, String key) {
		Object value = map.get(key);
		return value == null ? null : String.valueOf(value).strip();
	}

}
