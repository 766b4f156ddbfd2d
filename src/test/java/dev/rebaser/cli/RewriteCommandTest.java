package dev.rebaser.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RewriteCommandTest extends CliRunning {

	@TempDir
	Path dir;

	@Test
	void fileGoesToStdoutAndTheReportToStderr() throws IOException {
		Path dockerfile = Files.writeString(dir.resolve("Dockerfile"),
				"FROM alpine:3.20\nRUN apk add --no-cache curl\n");
		assertThat(run("rewrite", dockerfile.toString())).isEqualTo(0);
		assertThat(stdout()).contains("apt-get install").contains("curl").doesNotContain("apk add");
		assertThat(stderr()).contains(dockerfile + ":1: ").contains(dockerfile + ":2: ");
	}

	@Test
	void jsonPrintsTheWholeResult() throws IOException {
		Path dockerfile = Files.writeString(dir.resolve("Dockerfile"), "FROM alpine:3.20\nRUN apk add curl\n");
		assertThat(run("rewrite", "--json", "--target", "fedora-40", "--arch", "amd64", dockerfile.toString()))
			.isEqualTo(0);
		assertThat(stdout()).contains("\"dockerfile\"").contains("\"changes\"").contains("dnf install -y");
	}

	@Test
	void strictModeExitsWithOneAndListsTheWarnings() throws IOException {
		Path dockerfile = Files.writeString(dir.resolve("Dockerfile"),
				"FROM alpine:3.20\nRUN apk add no-such-package-anywhere\n");
		assertThat(run("rewrite", "--strict", dockerfile.toString())).isEqualTo(1);
		assertThat(stdout()).isEmpty();
		assertThat(stderr()).contains("strict mode").contains("line 2");
	}

	/** Before, the command replaced what was not UTF-8 and rewrote the rest. */
	@Test
	void aFileThatIsNotUtf8IsRefusedWhereItStops() throws IOException {
		Path dockerfile = Files.write(dir.resolve("Dockerfile"),
				new byte[] { 'F', 'R', 'O', 'M', ' ', 'a', '\n', 'R', 'U', 'N', ' ', (byte) 0xFF, '\n' });
		assertThat(run("rewrite", dockerfile.toString())).isNotZero();
		assertThat(stdout()).isEmpty();
		assertThat(stderr()).contains(dockerfile + " is not UTF-8 text: byte 11 (0xff) on line 2");
	}

	@Test
	void unknownTargetIsBadInput() throws IOException {
		Path dockerfile = Files.writeString(dir.resolve("Dockerfile"), "FROM alpine\n");
		assertThat(run("rewrite", "--arch", "vax", dockerfile.toString())).isEqualTo(2);
		assertThat(stderr()).contains("debian-bookworm/mips64le");
	}

	@Test
	void folderRewritesEveryContextIntoOut() throws IOException {
		Path tree = dir.resolve("images");
		Files.createDirectories(tree.resolve("agnhost"));
		Files.createDirectories(tree.resolve("volume/nfs"));
		Files.writeString(tree.resolve("agnhost/Dockerfile"),
				"ARG BASEIMAGE\nFROM $BASEIMAGE\nRUN apk add --no-cache bind-tools\n");
		Files.writeString(tree.resolve("agnhost/BASEIMAGE"), "linux/amd64=alpine:3.20\n");
		Files.writeString(tree.resolve("volume/nfs/Dockerfile"),
				"FROM alpine:3.20\nRUN apk add --no-cache nfs-utils\n");
		Files.writeString(tree.resolve("volume/nfs/run_nfs.sh"), "#!/bin/sh\n");
		Path out = dir.resolve("out");

		assertThat(run("rewrite", tree.toString(), "--out", out.toString())).isEqualTo(0);
		assertThat(Files.readString(out.resolve("agnhost/Dockerfile"))).contains("apt-get install");
		assertThat(Files.readString(out.resolve("agnhost/BASEIMAGE"))).contains("linux/mips64le=");
		assertThat(out.resolve("agnhost/REWRITE-REPORT.md")).exists();
		assertThat(Files.readString(out.resolve("volume/nfs/Dockerfile"))).contains("nfs-common");
		assertThat(out.resolve("volume/nfs/run_nfs.sh")).hasContent("#!/bin/sh");
		assertThat(stderr()).contains("2 build contexts rewritten");
	}

	@Test
	void folderWithoutOutIsAUsageError() {
		assertThat(run("rewrite", dir.toString())).isEqualTo(2);
		assertThat(stderr()).contains("--out");
	}

	/**
	 * Before, folder mode stopped at the first context with warnings without naming it,
	 * and printed each warning twice.
	 */
	@Test
	void strictFolderModeNamesEachRefusedContextWithEachWarningOnceAndWritesTheOthers() throws IOException {
		Path tree = Files.createDirectories(dir.resolve("images"));
		Files.createDirectories(tree.resolve("clean"));
		Files.writeString(tree.resolve("clean/Dockerfile"), "FROM alpine:3.20\nRUN apk add --no-cache curl\n");
		Files.createDirectories(tree.resolve("pinned"));
		Files.writeString(tree.resolve("pinned/Dockerfile"), "FROM alpine:3.20\nRUN apk add curl=8.0-r0\n");
		Files.createDirectories(tree.resolve("unmapped"));
		Files.writeString(tree.resolve("unmapped/Dockerfile"), "ARG BASEIMAGE\nFROM $BASEIMAGE\n");
		Files.writeString(tree.resolve("unmapped/BASEIMAGE"), "linux/amd64=REGISTRY/no-arch-here:1.0\n");
		Path out = dir.resolve("out");

		assertThat(run("rewrite", "--strict", tree.toString(), "--out", out.toString())).isEqualTo(1);

		assertThat(stderr()).contains("clean: ")
			.contains("pinned: 1 warnings; strict mode refuses it, so it is not written")
			.contains("unmapped: 1 warnings; strict mode refuses it, so it is not written")
			.contains(tree.resolve("unmapped/BASEIMAGE") + ":1: warning: base-image-unmapped")
			.contains("1 build contexts rewritten into " + out)
			.contains("strict mode refused 2: pinned, unmapped");
		assertThat(stderr().split("curl=8.0-r0 is an Alpine version", -1)).hasSize(2);
		assertThat(out.resolve("clean/Dockerfile")).exists();
		assertThat(out.resolve("pinned")).doesNotExist();
		assertThat(out.resolve("unmapped")).doesNotExist();
	}

	@Test
	void theFolderSummaryCountsTheBaseImageFilesChangesAndWarningsToo() throws IOException {
		Path tree = Files.createDirectories(dir.resolve("images/unmapped"));
		Files.writeString(tree.resolve("Dockerfile"), "ARG BASEIMAGE\nFROM $BASEIMAGE\n");
		Files.writeString(tree.resolve("BASEIMAGE"), "linux/amd64=REGISTRY/no-arch-here:1.0\n");

		assertThat(run("rewrite", dir.resolve("images").toString(), "--out", dir.resolve("out").toString()))
			.isEqualTo(0);

		assertThat(stderr()).contains("unmapped: 1 changes, 1 warnings");
	}

	@Test
	void strictModeOnOneFileNamesItAndListsEachWarningOnce() throws IOException {
		Path dockerfile = Files.writeString(dir.resolve("Dockerfile"), "FROM alpine:3.20\nRUN apk add curl=8.0-r0\n");
		assertThat(run("rewrite", "--strict", dockerfile.toString())).isEqualTo(1);
		assertThat(stderr()).contains(dockerfile + ": 1 warnings; strict mode refuses the rewrite")
			.contains("  line 2: version-pin-dropped: ");
		assertThat(stderr().split("is an Alpine version", -1)).hasSize(2);
	}

}
