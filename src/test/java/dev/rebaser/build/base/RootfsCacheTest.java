package dev.rebaser.build.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RootfsCacheTest {

	static final Architecture MIPS = Architecture.ofDocker("mips64le");

	@TempDir
	Path cacheDir;

	@Test
	void foldersAreNamedBySuiteAndDebianArchitecture() {
		RootfsCache cache = new RootfsCache(cacheDir);

		assertThat(cache.rootfs("bookworm", MIPS)).isEqualTo(cacheDir.resolve("bookworm-mips64el"));
		assertThat(cache.stamp("bookworm", MIPS)).isEqualTo(cacheDir.resolve("bookworm-mips64el.complete"));
	}

	@Test
	void anEmptyCacheHasNoCompleteRootfs() {
		assertThat(new RootfsCache(cacheDir).isComplete("bookworm", MIPS)).isFalse();
	}

	@Test
	void aRootfsDebootstrapIsStillWorkingOnIsNotComplete() throws IOException {
		Path rootfs = finishedRootfs();
		Files.createDirectories(rootfs.resolve("debootstrap"));

		RootfsCache cache = new RootfsCache(cacheDir);
		assertThat(cache.isComplete("bookworm", MIPS)).isFalse();
		assertThat(cache.stamp("bookworm", MIPS)).doesNotExist();
	}

	@Test
	void aFinishedRootfsWithoutStampIsAdoptedAndStamped() throws IOException {
		finishedRootfs();

		RootfsCache cache = new RootfsCache(cacheDir);
		assertThat(cache.isComplete("bookworm", MIPS)).isTrue();
		assertThat(cache.stamp("bookworm", MIPS)).isRegularFile();
	}

	@Test
	void theStampAloneDecides() throws IOException {
		RootfsCache cache = new RootfsCache(cacheDir);
		Files.createDirectories(cache.rootfs("bookworm", MIPS).resolve("debootstrap"));
		cache.markComplete("bookworm", MIPS);

		assertThat(cache.isComplete("bookworm", MIPS)).isTrue();
	}

	@Test
	void discardRemovesALeftOverRootfsWithReadOnlyFolders() throws IOException {
		Path rootfs = finishedRootfs();
		Path locked = Files.createDirectories(rootfs.resolve("usr/locked"));
		Files.writeString(locked.resolve("file"), "x");
		locked.toFile().setWritable(false);

		new RootfsCache(cacheDir).discard("bookworm", MIPS);

		assertThat(rootfs).doesNotExist();
	}

	private Path finishedRootfs() throws IOException {
		Path rootfs = cacheDir.resolve("bookworm-mips64el");
		Files.createDirectories(rootfs.resolve("var/lib/dpkg"));
		Files.writeString(rootfs.resolve("var/lib/dpkg/status"), "Package: dpkg\nStatus: install ok installed\n");
		Files.createDirectories(rootfs.resolve("bin"));
		Files.createSymbolicLink(rootfs.resolve("bin/sh"), Path.of("dash"));
		return rootfs;
	}

}
