package dev.rebaser.build.queue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The digest of a build's inputs: the context archive as written (deterministic, see
 * {@code ContextArchive}), the Dockerfile path, the build arguments, the tag, the target
 * architecture and the ids of the base images. Two builds with the same digest give the
 * same image.
 */
public final class InputDigest {

	private InputDigest() {
	}

	public static String of(byte[] contextArchive, String dockerfile, Map<String, String> buildArgs, String tag,
			String arch, List<String> baseImageIds) {
		MessageDigest sha = sha256();
		field(sha, "context", HexFormat.of().formatHex(sha256().digest(contextArchive)));
		field(sha, "dockerfile", dockerfile);
		new TreeMap<>(buildArgs).forEach((name, value) -> field(sha, "arg", name + "=" + value));
		field(sha, "tag", tag);
		field(sha, "arch", arch);
		baseImageIds.forEach(id -> field(sha, "base", id));
		return "sha256:" + HexFormat.of().formatHex(sha.digest());
	}

	/**
	 * Length-prefixed, so that no two different inputs run together into the same bytes.
	 */
	private static void field(MessageDigest sha, String name, String value) {
		byte[] bytes = (name + ":" + (value == null ? "" : value)).getBytes(StandardCharsets.UTF_8);
		sha.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
		sha.update(bytes);
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every Java runtime has SHA-256", e);
		}
	}

}
