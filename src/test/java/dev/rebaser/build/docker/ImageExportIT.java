package dev.rebaser.build.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.rebaser.build.base.BaseImageBootstrap;
import dev.rebaser.build.base.BaseImageIT;
import dev.rebaser.build.base.ImageArchive;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Saves tiny images built on the mips64le base, removes them from the daemon and loads
 * the archives back: the references must return with the same ids.
 */
class ImageExportIT {

	static final ObjectMapper JSON = new ObjectMapper();

	static DockerClient docker;
	static final List<String> imagesToRemove = new ArrayList<>();

	@TempDir
	Path temp;

	@BeforeAll
	static void ensureBase() {
		docker = DockerClients.connect(DockerHost.local());
		new BaseImageBootstrap(docker, BaseImageIT.cacheDir(), BaseImageIT.mirror()).ensure(BaseImageIT.SUITE,
				BaseImageIT.ARCH, BaseImageIT.BASE);
	}

	@AfterAll
	static void removeTestImages() {
		for (String image : imagesToRemove) {
			try {
				docker.removeImageCmd(image).withForce(true).exec();
			}
			catch (NotFoundException e) {
				// removed by the test
			}
		}
	}

	@Test
	void savedImageLoadsBackUnderItsReferenceWithTheSameId() throws IOException {
		String reference = "rebaser-it/export:one";
		String id = buildTiny(reference);
		Path archive = temp.resolve("one.tar");

		try (OutputStream out = Files.newOutputStream(archive)) {
			new ImageExport(docker).save(reference, out);
		}

		Map<String, byte[]> members = members(archive);
		JsonNode manifest = JSON.readTree(members.get("manifest.json"));
		assertThat(manifest).hasSize(1);
		assertThat(manifest.get(0).get("RepoTags").toString()).contains(reference);
		JsonNode config = JSON.readTree(members.get(manifest.get(0).get("Config").asText()));
		assertThat(config.get("architecture").asText()).isEqualTo("mips64le");
		assertThat(config.at("/config/Labels/rebaser.it.mark").isTextual()).isTrue();

		removeFromDaemon(id);
		load(archive);

		assertThat(docker.inspectImageCmd(reference).exec().getId()).isEqualTo(id);
	}

	@Test
	void oneArchiveOfTwoImagesRestoresBothReferences() throws IOException {
		String first = "rebaser-it/export:first";
		String second = "rebaser-it/export-two:second";
		String firstId = buildTiny(first);
		String secondId = buildTiny(second);
		Path archive = temp.resolve("two.tar");

		try (OutputStream out = Files.newOutputStream(archive)) {
			new ImageExport(docker).saveAll(List.of(first, second), out);
		}

		JsonNode manifest = JSON.readTree(members(archive).get("manifest.json"));
		assertThat(manifest).hasSize(2);
		assertThat(manifest.toString()).contains(first).contains(second);

		removeFromDaemon(firstId);
		removeFromDaemon(secondId);
		assertThat(load(archive)).containsExactlyInAnyOrder(first, second);

		assertThat(docker.inspectImageCmd(first).exec().getId()).isEqualTo(firstId);
		assertThat(docker.inspectImageCmd(second).exec().getId()).isEqualTo(secondId);
	}

	@Test
	void anImageSavedByIdCarriesItsConfigButNoTags() throws IOException {
		String id = buildTiny("rebaser-it/export:by-id");
		Path archive = temp.resolve("by-id.tar");

		try (OutputStream out = Files.newOutputStream(archive)) {
			new ImageExport(docker).save(id, out);
		}

		Map<String, byte[]> members = members(archive);
		JsonNode manifest = JSON.readTree(members.get("manifest.json"));
		assertThat(manifest).hasSize(1);
		assertThat(manifest.get(0).path("RepoTags").isEmpty()).isTrue();
		String config = manifest.get(0).get("Config").asText();
		assertThat(ImageArchive.sha256(members.get(config))).isEqualTo(id.substring("sha256:".length()));
	}

	@Test
	void aReferenceTheDaemonLacksFailsByName() {
		assertThatThrownBy(
				() -> new ImageExport(docker).save("rebaser-it/export:never-built", OutputStream.nullOutputStream()))
			.isInstanceOf(ImageNotFoundException.class)
			.hasMessageContaining("rebaser-it/export:never-built");
		assertThatThrownBy(() -> new ImageExport(docker)
			.saveAll(List.of(BaseImageIT.BASE, "rebaser-it/export:never-built"), OutputStream.nullOutputStream()))
			.isInstanceOf(ImageNotFoundException.class)
			.hasMessageContaining("rebaser-it/export:never-built");
	}

	private static String buildTiny(String reference) {
		imagesToRemove.add(reference);
		return new ImageBuild(docker)
			.build(BuildRequest.ofDirectory(Path.of("src/test/resources/images/tiny"), BaseImageIT.ARCH)
				.withBuildArg("MARK", UUID.randomUUID().toString())
				.withTag(reference))
			.imageId();
	}

	private static void removeFromDaemon(String id) {
		docker.removeImageCmd(id).withForce(true).exec();
		assertThatThrownBy(() -> docker.inspectImageCmd(id).exec()).isInstanceOf(NotFoundException.class);
	}

	private static List<String> load(Path archive) throws IOException {
		try (InputStream in = Files.newInputStream(archive)) {
			return new ImageLoad(docker).load(in);
		}
	}

	private static Map<String, byte[]> members(Path archive) throws IOException {
		Map<String, byte[]> members = new HashMap<>();
		try (TarArchiveInputStream tar = new TarArchiveInputStream(Files.newInputStream(archive))) {
			for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
				if (entry.isFile() && entry.getName().endsWith(".json")) {
					members.put(entry.getName(), tar.readAllBytes());
				}
			}
		}
		return members;
	}

}
