package dev.rebaser.imports;

import dev.rebaser.catalog.CatalogImporter;
import dev.rebaser.context.ArchiveTooLargeException;
import dev.rebaser.context.UnsafeArchiveException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.springframework.stereotype.Component;

/**
 * One catalog import from wherever it was asked for: a folder on the server, a release
 * tarball at an http(s) URL, or an uploaded .tar.gz. The REST endpoint and the dashboard
 * import the same way, so both refuse the same sources for the same reasons.
 */
@Component
public class CatalogImports {

	private final CurrentCatalog catalog;

	public CatalogImports(CurrentCatalog catalog) {
		this.catalog = catalog;
	}

	/** An uploaded archive, opened only when neither a folder nor a URL was given. */
	@FunctionalInterface
	public interface Upload {

		InputStream open() throws IOException;

	}

	/**
	 * Where a tree is imported from: the first of a folder, a URL or an upload that was
	 * given.
	 *
	 * @param upload null when nothing was uploaded
	 * @param uploadName how the import names an upload
	 */
	public record Source(String path, String url, Upload upload, String uploadName) {
	}

	/**
	 * Reads the tree and makes it the current catalog.
	 * @throws ImportException when the source cannot be read or none was given
	 * @throws CurrentCatalog.EmptyCatalogException when the tree holds no image
	 * @throws UnsafeArchiveException an archive entry outside the tree or of a refused
	 * kind
	 * @throws ArchiveTooLargeException an archive over the limits
	 * @throws IOException the kept snapshot could not be imported again
	 */
	public CatalogStore.CatalogImport run(Source source, String actor) throws IOException {
		return catalog.replace(snapshot(catalog.importer(), source), actor);
	}

	private static CatalogImporter.Snapshot snapshot(CatalogImporter importer, Source source) {
		String path = source.path();
		String url = source.url();
		try {
			if (path != null && !path.isBlank()) {
				return importer.snapshotDirectory(Path.of(path.trim()));
			}
			if (url != null && !url.isBlank()) {
				return importer.snapshotUrl(ImportUrls.check(url));
			}
			if (source.upload() != null) {
				try (InputStream in = source.upload().open()) {
					return importer.snapshotArchive(in, source.uploadName());
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
		if (ex instanceof java.io.EOFException) {
			return "the upload is empty or ends early: send a Kubernetes tree or release as .tar.gz, or give path= "
					+ "or url=";
		}
		return ex.getMessage() == null ? ex.toString() : ex.getMessage();
	}

}
