package dev.rebaser.catalog;

/**
 * Something the import or the graph could not do or found doubtful.
 *
 * @param image the catalog id it concerns; null when it concerns the whole import
 * (manifest.go, the YAML)
 */
public record CatalogProblem(String image, Severity severity, String message) {

	public enum Severity {

		/**
		 * The image cannot be built as it stands (a cycle, no base, a broken Dockerfile).
		 */
		ERROR,
		/**
		 * The import guessed or left something out; the result may not be what the user
		 * meant.
		 */
		WARNING,
		/** Worth knowing, nothing wrong. */
		INFO

	}

	static CatalogProblem error(String image, String message) {
		return new CatalogProblem(image, Severity.ERROR, message);
	}

	static CatalogProblem warning(String image, String message) {
		return new CatalogProblem(image, Severity.WARNING, message);
	}

	static CatalogProblem info(String image, String message) {
		return new CatalogProblem(image, Severity.INFO, message);
	}

	@Override
	public String toString() {
		return severity + (image == null ? "" : " [" + image + "]") + ": " + message;
	}

}
