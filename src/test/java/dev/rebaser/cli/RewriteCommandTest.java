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

}
