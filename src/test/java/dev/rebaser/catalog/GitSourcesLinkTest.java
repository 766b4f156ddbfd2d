package dev.rebaser.catalog;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rebaser.context.ArchiveLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitSourcesLinkTest {

	@TempDir
	Path repo;

	private void git(String... args) throws IOException, InterruptedException {
		String[] command = new String[args.length + 3];
		command[0] = "git";
		command[1] = "-C";
		command[2] = repo.toString();
		System.arraycopy(args, 0, command, 3, args.length);
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		process.getInputStream().readAllBytes();
		if (process.waitFor() != 0) {
			throw new IOException("git " + String.join(" ", args) + " failed");
		}
	}

	@Test
	void refusesAPathThroughALinkOutOfTheCheckout() throws Exception {
		git("init", "--quiet");
		Files.createSymbolicLink(repo.resolve("root"), Path.of("/"));
		git("add", "root");
		git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "--quiet", "-m", "link");
		// a file:// repository is a private fetch
		GitSources sources = new GitSources(Duration.ofSeconds(30), AddressPolicy.allowingPrivate(),
				ArchiveLimits.defaults());
		assertThatThrownBy(() -> sources.folder("file://" + repo, "HEAD", "root/etc")).isInstanceOf(IOException.class)
			.hasMessageContaining("root/etc")
			.hasMessageContaining("outside the checkout");
	}

}
