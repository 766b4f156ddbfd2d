package dev.rebaser.gobuild;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one built program depends on, as a SHA-256: the digests of the Go source files it
 * is built from, its SRC, the environment of the build (platform and GOFLAGS among it),
 * its LD_FLAGS and the toolchain image. Two builds with the same key give the same
 * binary, so the second is not run. Every field is length-prefixed and the files are in
 * path order, so no two different inputs share an encoding and the order of a map does
 * not matter.
 */
public record BinaryCacheKey(String sha256) {

	static final String VERSION = "rebaser-gobuild-binary/1";

	/**
	 * @param sourceDigests the SHA-256 (hex) of each source file by its path in the tree
	 */
	public static BinaryCacheKey of(Map<String, String> sourceDigests, GoBinary binary, GoTarget target, String ldFlags,
			String toolchainImageId) {
		Fields fields = new Fields();
		fields.add(VERSION);
		Map<String, String> sources = new TreeMap<>(sourceDigests);
		fields.add(sources.size());
		sources.forEach((path, digest) -> {
			if (path.isEmpty() || digest.length() != 64 || !digest.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
				throw new IllegalArgumentException("not a path and its SHA-256: " + path + " " + digest);
			}
			fields.add(path);
			fields.add(digest.toLowerCase(Locale.ROOT));
		});
		fields.add(binary.src());
		Map<String, String> environment = new TreeMap<>(target.environment());
		fields.add(environment.size());
		environment.forEach((name, value) -> {
			fields.add(name);
			fields.add(value);
		});
		fields.add(ldFlags);
		fields.add(toolchainImageId);
		return new BinaryCacheKey(fields.sha256());
	}

	/** Big-endian 4-byte lengths and counts, then UTF-8. */
	private static final class Fields {

		private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

		void add(int number) {
			bytes.write(number >>> 24);
			bytes.write(number >>> 16);
			bytes.write(number >>> 8);
			bytes.write(number);
		}

		void add(String text) {
			byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
			add(utf8.length);
			bytes.writeBytes(utf8);
		}

		String sha256() {
			try {
				return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray()));
			}
			catch (NoSuchAlgorithmException e) {
				throw new IllegalStateException("every Java has SHA-256", e);
			}
		}

	}

}
