package dev.rebaser.catalog;

/** Where the build context of an image outside the Kubernetes tree comes from. */
sealed interface ExternalSource {

	/** A folder, relative to the catalog YAML. */
	record Directory(String path) implements ExternalSource {

		@Override
		public String describe() {
			return path;
		}

	}

	/** A folder inside a .tar.gz at a URL; described without the URL's credentials. */
	record Tarball(String url, String path) implements ExternalSource {

		@Override
		public String describe() {
			return ShownUrls.shown(url) + "#" + path;
		}

	}

	/** A folder of a git repository at a ref. */
	record Git(String url, String ref, String path) implements ExternalSource {

		@Override
		public String describe() {
			return ShownUrls.shown(url) + "@" + ref + ":" + path;
		}

	}

	String describe();

}
