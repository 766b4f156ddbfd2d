package dev.rebaser.build.base;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A one-layer image laid out as {@code docker save} writes it: {@code manifest.json}, the
 * image config named by its digest, and the layer tar. Writing the config ourselves is
 * the point: {@code docker import} on dockerd 20.10 labels every image amd64, and images
 * built on a mislabelled base inherit the wrong label, while here the architecture is
 * stated.
 */
public record ImageArchive(Path dir, String configName, String layerPath, String diffId) {

	static final String PATH = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

	private static final ObjectMapper JSON = new ObjectMapper();

	/** The members in the order {@code docker save} writes them. */
	public List<String> members() {
		return List.of(layerPath, configName, "manifest.json");
	}

	/**
	 * Lays out an archive in {@code dir}, moving {@code layerTar} into it.
	 * {@code createdBy} is the history line {@code docker history} shows for the layer.
	 */
	public static ImageArchive write(Path dir, Path layerTar, Architecture arch, String reference, String createdBy,
			Instant created) {
		try {
			Files.createDirectories(dir);
			String layerDigest = sha256(layerTar);
			String layerPath = layerDigest + "/layer.tar";
			Files.createDirectories(dir.resolve(layerDigest));
			Files.move(layerTar, dir.resolve(layerPath), StandardCopyOption.REPLACE_EXISTING);

			String diffId = "sha256:" + layerDigest;
			byte[] config = JSON.writeValueAsBytes(config(arch, diffId, createdBy, created));
			String configName = sha256(config) + ".json";
			Files.write(dir.resolve(configName), config);

			Map<String, Object> manifest = new LinkedHashMap<>();
			manifest.put("Config", configName);
			manifest.put("RepoTags", reference == null ? List.of() : List.of(reference));
			manifest.put("Layers", List.of(layerPath));
			Files.write(dir.resolve("manifest.json"), JSON.writeValueAsBytes(List.of(manifest)));
			return new ImageArchive(dir, configName, layerPath, diffId);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static Map<String, Object> config(Architecture arch, String diffId, String createdBy, Instant created) {
		String time = created.truncatedTo(ChronoUnit.SECONDS).toString();
		Map<String, Object> config = new LinkedHashMap<>();
		config.put("architecture", arch.docker());
		if (arch.variant() != null) {
			config.put("variant", arch.variant());
		}
		config.put("os", "linux");
		config.put("created", time);
		config.put("config", Map.of("Env", List.of(PATH), "Cmd", List.of("bash")));
		config.put("rootfs", Map.of("type", "layers", "diff_ids", List.of(diffId)));
		config.put("history", List.of(Map.of("created", time, "created_by", createdBy)));
		return config;
	}

	public static String sha256(Path file) throws IOException {
		MessageDigest digest = sha256();
		try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
			in.transferTo(java.io.OutputStream.nullOutputStream());
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	public static String sha256(byte[] bytes) {
		return HexFormat.of().formatHex(sha256().digest(bytes));
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every JVM has SHA-256", e);
		}
	}
}
