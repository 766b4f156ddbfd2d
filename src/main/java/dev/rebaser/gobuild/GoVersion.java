package dev.rebaser.gobuild;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Finds the Go release a Kubernetes tree builds with: its {@code .go-version} (since
 * 1.28, such as {@code 1.22.3}), else the version of its cross-build image in
 * {@code build/build-image/cross/VERSION} (such as {@code v1.29.0-go1.21.5-bullseye.0}).
 * An image Makefile may pin a release of its own in {@code GOLANG_VERSION}. What cannot
 * be read is a warning, never an exception.
 */
public final class GoVersion {

	public static final String GO_VERSION_FILE = ".go-version";

	public static final String CROSS_VERSION_FILE = "build/build-image/cross/VERSION";

	static final int MAX_CHARS = 200;

	/** The release found, if any, and why a file that is there was not used. */
	public record Discovery(Optional<GoRelease> release, List<String> warnings) {

		public Discovery {
			warnings = List.copyOf(warnings);
		}

	}

	private GoVersion() {
	}

	/**
	 * @param readFile the text of a file of the tree by its path, empty when there is no
	 * such file
	 */
	public static Discovery fromTree(Function<String, Optional<String>> readFile) {
		List<String> warnings = new ArrayList<>();
		Optional<String> goVersion = read(readFile, GO_VERSION_FILE);
		if (goVersion.isPresent()) {
			Discovery found = release(goVersion.get(), GO_VERSION_FILE);
			if (found.release().isPresent()) {
				return found;
			}
			warnings.addAll(found.warnings());
		}
		Optional<String> cross = read(readFile, CROSS_VERSION_FILE);
		if (cross.isPresent()) {
			Discovery found = fromCrossVersion(cross.get());
			if (found.release().isPresent()) {
				return new Discovery(found.release(), warnings);
			}
			warnings.addAll(found.warnings());
		}
		if (goVersion.isEmpty() && cross.isEmpty()) {
			warnings.add("the tree has neither " + GO_VERSION_FILE + " nor " + CROSS_VERSION_FILE);
		}
		return new Discovery(Optional.empty(), warnings);
	}

	/** An image Makefile's {@code GOLANG_VERSION}, such as {@code 1.20.4}. */
	public static Discovery fromMakefilePin(String pin) {
		return release(pin, "GOLANG_VERSION of the image Makefile");
	}

	/** The Go release in the text of a cross-build image VERSION file. */
	public static Discovery fromCrossVersion(String text) {
		String value = text.strip();
		int go = value.indexOf("-go");
		if (value.length() > MAX_CHARS || !value.startsWith("v") || go < 0) {
			return new Discovery(Optional.empty(), List.of(CROSS_VERSION_FILE + " '" + ImageMakefile.shorten(value)
					+ "' does not name a Go release the way v1.29.0-go1.21.5-bullseye.0 does"));
		}
		int end = value.indexOf('-', go + 3);
		return release(value.substring(go + 3, end < 0 ? value.length() : end), CROSS_VERSION_FILE);
	}

	private static Discovery release(String text, String source) {
		String value = text == null ? "" : text.strip();
		if (parts(value) == null) {
			return new Discovery(Optional.empty(), List.of(source + " holds '" + ImageMakefile.shorten(value)
					+ "', which is not a Go release such as 1.22.3"));
		}
		return new Discovery(Optional.of(new GoRelease(value, source)), List.of());
	}

	private static Optional<String> read(Function<String, Optional<String>> readFile, String path) {
		Optional<String> text = readFile.apply(path);
		return text == null ? Optional.empty() : text;
	}

	/**
	 * Major, minor and patch of {@code 1.22} or {@code 1.22.3} (patch 0 when missing), or
	 * null for anything else, such as a release candidate.
	 */
	static int[] parts(String version) {
		if (version == null || version.length() > MAX_CHARS) {
			return null;
		}
		String[] numbers = version.split("\\.", -1);
		if (numbers.length < 2 || numbers.length > 3) {
			return null;
		}
		int[] parts = new int[3];
		for (int i = 0; i < numbers.length; i++) {
			String number = numbers[i];
			if (number.isEmpty() || number.length() > 9 || (number.length() > 1 && number.startsWith("0"))) {
				return null;
			}
			for (int j = 0; j < number.length(); j++) {
				if (number.charAt(j) < '0' || number.charAt(j) > '9') {
					return null;
				}
			}
			parts[i] = Integer.parseInt(number);
		}
		return parts[0] == 0 ? null : parts;
	}

}
