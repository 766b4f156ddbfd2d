package dev.rebaser.context;

import static dev.rebaser.context.TarFixtures.file;
import static dev.rebaser.context.TarFixtures.link;
import static dev.rebaser.context.TarFixtures.tarGz;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.junit.jupiter.api.Test;

class ContextArchiveTest {

	private static BuildContext read(byte[] archive) throws IOException {
		return ContextArchive.read(new ByteArrayInputStream(archive), ArchiveLimits.defaults());
	}

	@Test
	void readsFilesDirectoriesLinksAndModes() throws IOException {
		BuildContext context = read(tarGz(tar -> {
			file(tar, "./Dockerfile", "FROM alpine\n");
			file(tar, "./scripts/entrypoint.sh", "#!/bin/sh\n");
			link(tar, "./scripts/start", TarArchiveEntry.LF_SYMLINK, "entrypoint.sh");
			link(tar, "./copy.sh", TarArchiveEntry.LF_LINK, "./scripts/entrypoint.sh");
		}));
		assertThat(context.text("Dockerfile")).hasValue("FROM alpine\n");
		assertThat(context.get("scripts/entrypoint.sh")).hasValueSatisfying(f -> assertThat(f.mode()).isEqualTo(0755));
		assertThat(context.get("scripts/start")).hasValueSatisfying(f -> {
			assertThat(f.kind()).isEqualTo(ContextFile.Kind.SYMLINK);
			assertThat(f.linkTarget()).isEqualTo("entrypoint.sh");
		});
		assertThat(context.text("copy.sh")).hasValue("#!/bin/sh\n");
	}

	@Test
	void writingAndReadingBackKeepsEverythingAndIsDeterministic() throws IOException {
		BuildContext context = new BuildContext().putText("Dockerfile", "FROM debian:bookworm-slim\n")
			.put(ContextFile.directory("etc", 0755))
			.put(ContextFile.file("etc/run.sh", 0750, "echo hi\n".getBytes(StandardCharsets.UTF_8)))
			.put(ContextFile.symlink("run", "etc/run.sh"));
		ByteArrayOutputStream first = new ByteArrayOutputStream();
		ByteArrayOutputStream second = new ByteArrayOutputStream();
		ContextArchive.write(context, first);
		ContextArchive.write(read(first.toByteArray()), second);
		assertThat(second.toByteArray()).isEqualTo(first.toByteArray());
		BuildContext back = read(first.toByteArray());
		assertThat(back.files()).extracting(ContextFile::path)
			.containsExactly("Dockerfile", "etc", "etc/run.sh", "run");
		assertThat(back.get("etc/run.sh").orElseThrow().mode()).isEqualTo(0750);
		assertThat(back.get("run").orElseThrow().linkTarget()).isEqualTo("etc/run.sh");
	}

	@Test
	void refusesParentDirectoryEscapes() {
		assertThatThrownBy(() -> read(tarGz(tar -> file(tar, "../evil", "x"))))
			.isInstanceOf(UnsafeArchiveException.class)
			.hasMessageContaining("../evil")
			.hasMessageContaining("climbs out");
		assertThatThrownBy(() -> read(tarGz(tar -> file(tar, "a/../../evil", "x"))))
			.isInstanceOf(UnsafeArchiveException.class);
	}

	@Test
	void allowsDotDotThatStaysInside() throws IOException {
		assertThat(read(tarGz(tar -> file(tar, "a/../Dockerfile", "FROM x\n"))).text("Dockerfile")).isPresent();
	}

	@Test
	void refusesAbsolutePaths() {
		assertThatThrownBy(() -> read(tarGz(tar -> file(tar, "/etc/passwd", "x"))))
			.isInstanceOf(UnsafeArchiveException.class)
			.hasMessageContaining("absolute path");
	}

	@Test
	void refusesLinksPointingOutside() {
		assertThatThrownBy(() -> read(tarGz(tar -> link(tar, "etc", TarArchiveEntry.LF_SYMLINK, "/etc"))))
			.isInstanceOf(UnsafeArchiveException.class)
			.hasMessageContaining("absolute path");
		assertThatThrownBy(() -> read(tarGz(tar -> link(tar, "sub/up", TarArchiveEntry.LF_SYMLINK, "../../.."))))
			.isInstanceOf(UnsafeArchiveException.class)
			.hasMessageContaining("points outside");
		assertThatThrownBy(() -> read(tarGz(tar -> link(tar, "h", TarArchiveEntry.LF_LINK, "../outside"))))
			.isInstanceOf(UnsafeArchiveException.class);
		assertThatThrownBy(() -> read(tarGz(tar -> link(tar, "h", TarArchiveEntry.LF_LINK, "missing"))))
			.isInstanceOf(UnsafeArchiveException.class)
			.hasMessageContaining("not an earlier file");
	}

	@Test
	void refusesDevices() {
		assertThatThrownBy(() -> read(tarGz(tar -> link(tar, "null", TarArchiveEntry.LF_CHR, ""))))
			.isInstanceOf(UnsafeArchiveException.class)
			.hasMessageContaining("special files");
	}

	@Test
	void stopsAtTheEntryLimit() {
		assertThatThrownBy(() -> ContextArchive.read(new ByteArrayInputStream(tarGz(tar -> {
			for (int i = 0; i < 11; i++) {
				file(tar, "f" + i, "x");
			}
		})), new ArchiveLimits(10, 1024))).isInstanceOf(ArchiveTooLargeException.class)
			.hasMessageContaining("10 entries");
	}

	@Test
	void stopsAtTheTotalSizeEvenWhenItCompressesWell() {
		// 2 MiB of zeros compress to a few KiB: the limit is on what the archive unpacks
		// to
		assertThatThrownBy(() -> ContextArchive.read(new ByteArrayInputStream(tarGz(tar -> {
			file(tar, "a", "\0".repeat(1024 * 1024));
			file(tar, "b", "\0".repeat(1024 * 1024));
		})), new ArchiveLimits(10, 1536 * 1024))).isInstanceOf(ArchiveTooLargeException.class);
	}

	@Test
	void rejectsWhatIsNotGzip() {
		assertThatThrownBy(() -> read("FROM alpine\n".getBytes(StandardCharsets.UTF_8)))
			.isInstanceOf(BadContextException.class)
			.hasMessageContaining("gzip");
	}

	@Test
	void refusesATruncatedArchiveInsteadOfReadingItAsEmpty() throws IOException {
		byte[] whole = tarGz(tar -> file(tar, "Dockerfile", "FROM alpine:3.19\n"));
		for (int cut : new int[] { 0, 5, whole.length / 2, whole.length - 4 }) {
			assertThatThrownBy(() -> read(java.util.Arrays.copyOf(whole, cut))).as("cut at %d", cut)
				.isInstanceOf(BadContextException.class)
				.hasMessageContaining("truncated");
		}
	}

	@Test
	void refusesAGzipThatHoldsNoTar() throws IOException {
		ByteArrayOutputStream gzip = new ByteArrayOutputStream();
		try (GZIPOutputStream out = new GZIPOutputStream(gzip)) {
			out.write("plain text, where a tar header should be\n".repeat(20).getBytes(StandardCharsets.UTF_8));
		}
		assertThatThrownBy(() -> read(gzip.toByteArray())).isInstanceOf(BadContextException.class)
			.hasMessageContaining("not a tar archive");
	}

	@Test
	void hardLinksCountTheSizeOfWhatTheyLinkTo() {
		// one 1 MiB file and 4000 hard links to it: a few KiB compressed, but each link
		// would be written back out as a full copy
		assertThatThrownBy(() -> read(tarGz(tar -> {
			file(tar, "big", "\0".repeat(1024 * 1024));
			for (int i = 0; i < 4000; i++) {
				link(tar, "h" + i, TarArchiveEntry.LF_LINK, "big");
			}
		}))).isInstanceOf(ArchiveTooLargeException.class).hasMessageContaining("total size");
	}

	@Test
	void hardLinksAreWrittenBackAsLinksNotAsCopies() throws IOException {
		String big = "x".repeat(64 * 1024);
		BuildContext context = read(tarGz(tar -> {
			file(tar, "big", big);
			for (int i = 0; i < 100; i++) {
				link(tar, "h" + i, TarArchiveEntry.LF_LINK, "big");
			}
		}));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ContextArchive.write(context, out);

		int links = 0;
		long stored = 0;
		try (var tar = new org.apache.commons.compress.archivers.tar.TarArchiveInputStream(
				new java.util.zip.GZIPInputStream(new ByteArrayInputStream(out.toByteArray())))) {
			for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null;) {
				links += entry.isLink() ? 1 : 0;
				stored += entry.getSize();
			}
		}
		assertThat(links).isEqualTo(100);
		assertThat(stored).isEqualTo(big.length());
		BuildContext back = read(out.toByteArray());
		assertThat(back.text("h99")).contains(big);
		assertThat(back.text("big")).contains(big);
	}

	@Test
	void entriesItSkipsCountByTheirDeclaredSizeBeforeAnyIsInflated() throws IOException {
		// a header that promises 7 GiB, and nothing after it: reaching past it would
		// inflate all of it first
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		GZIPOutputStream gzip = new GZIPOutputStream(bytes);
		var tar = new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(gzip);
		TarArchiveEntry huge = new TarArchiveEntry("vendor/huge");
		huge.setSize(7L * 1024 * 1024 * 1024);
		tar.putArchiveEntry(huge);
		tar.flush();
		gzip.finish();

		ArchiveLimits limits = new ArchiveLimits(10, 1024 * 1024, 1024 * 1024 * 1024);
		assertThatThrownBy(
				() -> ContextArchive.read(new ByteArrayInputStream(bytes.toByteArray()), limits, path -> null))
			.isInstanceOf(ArchiveTooLargeException.class)
			.hasMessageContaining("skipped")
			.hasMessageContaining("vendor/huge");
	}

	@Test
	void refusesAChainOfLinksThatClimbsOutInEitherOrder() {
		// "a/l" points at the root; "a/l/l2 -> .." then sits in the root and points
		// above it
		assertThatThrownBy(() -> read(tarGz(tar -> {
			link(tar, "a/l", TarArchiveEntry.LF_SYMLINK, "..");
			link(tar, "a/l/l2", TarArchiveEntry.LF_SYMLINK, "..");
		}))).isInstanceOf(UnsafeArchiveException.class).hasMessageContaining("a/l/l2");
		assertThatThrownBy(() -> read(tarGz(tar -> {
			link(tar, "a/l/l2", TarArchiveEntry.LF_SYMLINK, "..");
			link(tar, "a/l", TarArchiveEntry.LF_SYMLINK, "..");
		}))).isInstanceOf(UnsafeArchiveException.class).hasMessageContaining("a/l");
	}

}
