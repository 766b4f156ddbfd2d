package dev.rebaser.golden;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Expected files of the golden cases. Normally a test compares against them; run with
 * {@code -Dgolden.update=true} ({@code mvn test -Dgolden.update=true}) and it writes what
 * the code produces now into them instead, in {@code src/test/resources} (and the copy on
 * the test class path), so {@code git diff} shows what changed.
 */
public final class GoldenFiles {

	/** The system property that turns comparing into rewriting. */
	public static final String UPDATE = "golden.update";

	private GoldenFiles() {
	}

	/** Whether this run rewrites expected files rather than comparing against them. */
	public static boolean updating() {
		return Boolean.parseBoolean(System.getProperty(UPDATE, "false"));
	}

	/**
	 * Writes an expected file that the test read from the class path, both in the source
	 * tree and on the class path; a file whose content is already right is not touched.
	 */
	public static void update(Path expectedOnClassPath, String content) {
		Path source = sourceOf(expectedOnClassPath);
		try {
			if (Files.exists(source) && Files.readString(source, StandardCharsets.UTF_8).equals(content)) {
				return;
			}
			Files.writeString(source, content, StandardCharsets.UTF_8);
			Files.writeString(expectedOnClassPath, content, StandardCharsets.UTF_8);
			System.out.println("golden.update: rewrote " + source);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The lines at the top of an expected file that are not output (comments, blank
	 * lines, inputs), to be kept when the file is rewritten; none when there is no such
	 * file.
	 */
	public static List<String> header(Path expected, Predicate<String> isHeaderLine) {
		List<String> header = new ArrayList<>();
		if (!Files.exists(expected)) {
			return header;
		}
		try {
			for (String line : Files.readAllLines(expected, StandardCharsets.UTF_8)) {
				if (!isHeaderLine.test(line)) {
					break;
				}
				header.add(line);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return header;
	}

	/** Lines, each ended by a line feed. */
	public static String lines(List<String> lines) {
		StringBuilder text = new StringBuilder();
		lines.forEach(line -> text.append(line).append('\n'));
		return text.toString();
	}

	/**
	 * {@code target/test-classes/X} → {@code src/test/resources/X}, relative to the
	 * project folder surefire runs in.
	 */
	static Path sourceOf(Path onClassPath) {
		URL root = GoldenFiles.class.getResource("/");
		if (root == null) {
			throw new IllegalStateException("no test class path root");
		}
		try {
			Path classPathRoot = Path.of(root.toURI());
			Path relative = classPathRoot.relativize(onClassPath.toAbsolutePath());
			if (relative.startsWith("..")) {
				throw new IllegalArgumentException(onClassPath + " is not on the test class path");
			}
			Path project = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
			Path resources = project.resolve("src/test/resources");
			if (!Files.isDirectory(resources)) {
				throw new IllegalStateException(resources + " is not a folder; run from the project folder");
			}
			return resources.resolve(relative.toString());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
