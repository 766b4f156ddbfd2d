package dev.rebaser.build.base;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageArchiveTest {

	static final ObjectMapper JSON = new ObjectMapper();
	static final Instant CREATED = Instant.parse("2026-11-26T23:49:00.123Z");

	@TempDir
	Path work;

	Path rootfs;

	@BeforeEach
	void smallRootfs() throws IOException {
		rootfs = work.resolve("rootfs");
		write("etc/hostname", "rebaser\n");
		write("dev/console-stand-in", "");
		write("proc/1/status", "");
		write("sys/kernel/stand-in", "");
		write("var/cache/apt/archives/bash_5.2_mips64el.deb", "not really a package");
		write("var/cache/apt/archives/partial/.keep", "");
		write("usr/share/doc/dev/kept-because-not-top-level", "");
	}

	@Test
	void manifestNamesTheConfigByItsDigestAndTheLayerByItsDiffId() throws IOException {
		ImageArchive archive = archive("mips64le", "debian:bookworm-slim");

		JsonNode manifest = JSON.readTree(archive.dir().resolve("manifest.json").toFile());
		assertThat(manifest).hasSize(1);
		assertThat(manifest.get(0).get("Config").asText()).isEqualTo(archive.configName());
		assertThat(manifest.get(0).get("RepoTags").get(0).asText()).isEqualTo("debian:bookworm-slim");
		assertThat(manifest.get(0).get("Layers").get(0).asText()).isEqualTo(archive.layerPath());

		byte[] config = Files.readAllBytes(archive.dir().resolve(archive.configName()));
		assertThat(archive.configName()).isEqualTo(ImageArchive.sha256(config) + ".json");
		String layerDigest = ImageArchive.sha256(archive.dir().resolve(archive.layerPath()));
		assertThat(archive.layerPath()).isEqualTo(layerDigest + "/layer.tar");
		assertThat(archive.diffId()).isEqualTo("sha256:" + layerDigest);
		assertThat(archive.members()).containsExactly(archive.layerPath(), archive.configName(), "manifest.json");
	}

	@Test
	void configStatesDockersArchitectureNameAndTheLayer() throws IOException {
		ImageArchive archive = archive("mips64le", "debian:bookworm-slim");

		JsonNode config = JSON.readTree(archive.dir().resolve(archive.configName()).toFile());
		assertThat(config.get("architecture").asText()).isEqualTo("mips64le");
		assertThat(config.get("os").asText()).isEqualTo("linux");
		assertThat(config.has("variant")).isFalse();
		assertThat(config.get("created").asText()).isEqualTo("2026-11-26T23:49:00Z");
		assertThat(config.at("/rootfs/type").asText()).isEqualTo("layers");
		assertThat(config.at("/rootfs/diff_ids/0").asText()).isEqualTo(archive.diffId());
		assertThat(config.at("/rootfs/diff_ids").size()).isEqualTo(1);
		assertThat(config.at("/config/Env/0").asText()).startsWith("PATH=");
		assertThat(config.at("/history/0/created_by").asText()).isEqualTo("debootstrap test");
	}

	@Test
	void armCarriesItsVariant() throws IOException {
		ImageArchive archive = archive("arm", "debian:bookworm-slim");

		JsonNode config = JSON.readTree(archive.dir().resolve(archive.configName()).toFile());
		assertThat(config.get("architecture").asText()).isEqualTo("arm");
		assertThat(config.get("variant").asText()).isEqualTo("v7");
	}

	@Test
	void layerKeepsTheMountPointsButNotTheirContentsNorDownloadedPackages() throws IOException {
		ImageArchive archive = archive("mips64le", "debian:bookworm-slim");

		List<String> names = new ArrayList<>();
		List<String> owners = new ArrayList<>();
		try (InputStream in = Files.newInputStream(archive.dir().resolve(archive.layerPath()));
				TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
			for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
				names.add(entry.getName());
				owners.add(entry.getUserName());
			}
		}
		assertThat(names).contains("./dev/", "./proc/", "./sys/", "./etc/hostname", "./var/cache/apt/archives/partial/",
				"./usr/share/doc/dev/kept-because-not-top-level");
		assertThat(names).noneMatch(n -> n.startsWith("./dev/") && !n.equals("./dev/"))
			.noneMatch(n -> n.startsWith("./proc/") && !n.equals("./proc/"))
			.noneMatch(n -> n.startsWith("./sys/") && !n.equals("./sys/"))
			.noneMatch(n -> n.endsWith(".deb"));
		assertThat(owners).allMatch(String::isEmpty);
		assertThat(names).isSorted();
	}

	@Test
	void theSameRootfsGivesTheSameImage() throws IOException {
		ImageArchive first = archive("mips64le", "debian:bookworm-slim");
		ImageArchive second = archive("mips64le", "debian:bookworm-slim");

		assertThat(second.configName()).isEqualTo(first.configName());
		assertThat(second.dir()).isNotEqualTo(first.dir());
	}

	private int archives;

	private ImageArchive archive(String dockerArch, String reference) {
		Path layer = work.resolve("layer.tar");
		LayerTar.create(rootfs, layer, work.resolve("tar.log"));
		return ImageArchive.write(work.resolve("image" + archives++), layer, Architecture.ofDocker(dockerArch),
				reference, "debootstrap test", CREATED);
	}

	private void write(String path, String content) throws IOException {
		Path file = rootfs.resolve(path);
		Files.createDirectories(file.getParent());
		Files.writeString(file, content);
	}

}
