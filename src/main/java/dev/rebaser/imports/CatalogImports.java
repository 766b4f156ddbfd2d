package dev.rebaser.imports;

import dev.rebaser.catalog.CatalogImporter;
import dev.rebaser.context.ArchiveTooLargeException;
import dev.rebaser.context.UnsafeArchiveException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * One catalog import from wherever it was asked for: a folder on the server, a release
 * tarball at an http(s) URL, or an uploaded .tar.gz. The REST endpoint and the dashboard
 * import the same way, so both refuse the same sources for the same reasons.
 */
public final class CatalogImports {

	private CatalogImports() {
	}

	/** An uploaded archive, opened only when neither a folder nor a URL was given. */
	@FunctionalInterface
	public interface Upload {

		InputStream open() throws IOException;

	}

	/**
	 * Reads the tree and makes it the current catalog.
	 * @param upload null when nothing was uploaded
	 * @throws ImportException when the source cannot be read or none was given
	 * @throws CurrentCatalog.EmptyCatalogException when the tree holds no image
	 * @throws UnsafeArchiveException an archive entry outside the tree or of a refused
	 * kind
	 * @throws ArchiveTooLargeException an archive over the limits
	 * @throws IOException the kept snapshot could not be imported again
	 */
	public static CatalogStore.CatalogImport run(CurrentCatalog catalog, String path, String url, Upload upload,
			String uploadName, String actor) throws IOException {
		return catalog.replace(snapshot(catalog.importer(), path, url, upload, uploadName), actor);
	}

	private static CatalogImporter.Snapshot snapshot(CatalogImporter importer, String path, String url, Upload upload,
			String uploadName) {
		try {
			if (path != null && !path.isBlank()) {
				return importer.snapshotDirectory(Path.of(path.trim()));
			}
			if (url != null && !url.isBlank()) {
				return importer.snapshotUrl(ImportUrls.check(url));
			}
			if (upload != null) {
				try (InputStream in = upload.open()) {
					return importer.snapshotArchive(in, uploadName);
				}
			}
			throw new ImportException("give path=, url= or a .tar.gz body");
		}
		catch (IOException ex) {
			throw new ImportException(describe(ex));
		}
		catch (InvalidPathException ex) {
			throw new ImportException("not a folder path: " + path);
		}
	}

	/**
	 * A missing folder's exception message is only its path; say what is wrong with it.
	 */
	private static String describe(IOException ex) {
		if (ex instanceof java.nio.file.NoSuchFileException) {
			return "no such file or folder: " + ex.getMessage();
		}
		return ex.getMessage() == null ? ex.toString() : ex.getMessage();
	}

}
