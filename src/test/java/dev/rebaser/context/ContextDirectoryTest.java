package dev.rebaser.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A folder on disk is read as strictly as an uploaded archive: no link leads out of it,
 * nothing is read through a link, and the limits hold before anything large is read.
 */
class ContextDirectoryTest {

	@TempDir
	Path root;

	@Test
	void filesFoldersAndLinksInsideComeInAsTheyAre() throws IOException {
		Path image = Files.createDirectories(root.resolve("image/conf"));
		Files.writeString(image.getParent().resolve("Dockerfile"), "FROM alpine\n");
		Files.writeString(image.resolve("a.conf"), "a\n");
		Files.createSymbolicLink(image.resolve("b.conf"), Path.of("a.conf"));

		BuildContext context = ContextDirectory.read(root.resolve("image"), ArchiveLimits.defaults());

		assertThat(context.files()).extracting(ContextFile::path)
			.containsExactly("Dockerfile", "conf", "conf/a.conf", "conf/b.conf");
		assertThat(context.get("conf/b.conf").orElseThrow().linkTarget()).isEqualTo("a.conf");
		assertThat(context.text("conf/a.conf")).contains("a\n");
	}

	@Test
	void aLinkToTheServersRootIsRefusedNotFollowed() throws IOException {
		Path image = Files.createDirectories(root.resolve("image"));
		Files.createSymbolicLink(image.resolve("root"), Path.of("/"));

		assertThatThrownBy(() -> ContextDirectory.read(image, ArchiveLimits.defaults()))
			.isInstanceOfSatisfying(UnsafeArchiveException.class, e -> assertThat(e.entry()).isEqualTo("root"))
			.hasMessageContaining("outside the folder");
	}

	/** Each link looks harmless as written; together they lead to the folder's parent. */
	@Test
	void aChainOfLinksLeadingOutIsRefused() throws IOException {
		Path image = Files.createDirectories(root.resolve("image"));
		Files.createDirectories(image.resolve("a"));
		Files.writeString(root.resolve("secret"), "key\n");
		Files.createSymbolicLink(image.resolve("a/up"), Path.of(".."));
		Files.createSymbolicLink(image.resolve("b"), Path.of("a/up/../secret"));

		assertThatThrownBy(() -> ContextDirectory.read(image, ArchiveLimits.defaults()))
			.isInstanceOfSatisfying(UnsafeArchiveException.class, e -> assertThat(e.entry()).isEqualTo("b"))
			.hasMessageContaining("through other links");
	}

	@Test
	void aFolderReachedThroughALinkOutOfTheRootIsRefused(@TempDir Path elsewhere) throws IOException {
		Files.createDirectories(elsewhere.resolve("images/x"));
		Files.writeString(elsewhere.resolve("images/x/Dockerfile"), "FROM alpine\n");
		Files.createSymbolicLink(root.resolve("test"), elsewhere);

		assertThatThrownBy(() -> ContextDirectory.readInside(root, "test/images", ArchiveLimits.defaults()))
			.isInstanceOf(UnsafeArchiveException.class)
			.hasMessageContaining("outside " + root);
		assertThatThrownBy(() -> ContextDirectory.fileInside(root, "test/images/x/Dockerfile", 1000))
			.isInstanceOf(UnsafeArchiveException.class);
	}

	@Test
	void aFileInsideIsReadUpToItsLimit() throws IOException {
		Files.writeString(root.resolve("manifest.go"), "package image\n");

		assertThat(ContextDirectory.fileInside(root, "manifest.go", 100))
			.hasValueSatisfying(content -> assertThat(new String(content, java.nio.charset.StandardCharsets.UTF_8))
				.isEqualTo("package image\n"));
		assertThat(ContextDirectory.fileInside(root, "missing.go", 100)).isEmpty();
		assertThatThrownBy(() -> ContextDirectory.fileInside(root, "manifest.go", 5))
			.isInstanceOf(ArchiveTooLargeException.class)
			.hasMessageContaining("manifest.go is larger than the allowed 5 bytes");
	}

	@Test
	void theEntryLimitStopsTheWalk() throws IOException {
		for (int i = 0; i < 30; i++) {
			Files.writeString(root.resolve("f" + i), "");
		}

		assertThatThrownBy(() -> ContextDirectory.read(root, new ArchiveLimits(20, 1000)))
			.isInstanceOf(ArchiveTooLargeException.class)
			.hasMessageContaining("more than 20 entries");
	}

	@Test
	void theByteLimitCountsEveryFileTogether() throws IOException {
		Files.write(root.resolve("a"), new byte[600]);
		Files.write(root.resolve("b"), new byte[600]);

		assertThat(ContextDirectory.read(root, new ArchiveLimits(10, 1200)).size()).isEqualTo(2);
		assertThatThrownBy(() -> ContextDirectory.read(root, new ArchiveLimits(10, 1199)))
			.isInstanceOf(ArchiveTooLargeException.class)
			.hasMessageContaining("allowed total of 1199 bytes");
	}

	@Test
	void aFifoIsRefused() throws Exception {
		Path fifo = root.resolve("pipe");
		assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();

		assertThatThrownBy(() -> ContextDirectory.read(root, ArchiveLimits.defaults()))
			.isInstanceOf(UnsafeArchiveException.class)
			.hasMessageContaining("special files");
	}

	@Test
	void skippedFoldersAreNeitherReadNorCounted() throws IOException {
		Path git = Files.createDirectories(root.resolve(".git/objects"));
		for (int i = 0; i < 50; i++) {
			Files.write(git.resolve("o" + i), new byte[100]);
		}
		Files.writeString(root.resolve("Dockerfile"), "FROM alpine\n");

		BuildContext context = ContextDirectory.read(root, new ArchiveLimits(5, 1000), path -> path.equals(".git"));

		assertThat(context.files()).extracting(ContextFile::path).containsExactly("Dockerfile");
	}

	@Test
	void whatIsLeftOfTheLimitsAfterAReadCarriesOver() throws IOException {
		Files.write(root.resolve("a"), new byte[600]);

		ArchiveLimits left = new ArchiveLimits(10, 1000)
			.after(ContextDirectory.read(root, new ArchiveLimits(10, 1000)));

		assertThat(left.maxEntries()).isEqualTo(9);
		assertThat(left.maxTotalBytes()).isEqualTo(400);
	}

}
