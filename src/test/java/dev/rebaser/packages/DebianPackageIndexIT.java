package dev.rebaser.packages;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads Debian's real bookworm mips64el index through the machine's apt lists, which
 * scripts/add-mips64el-apt-lists puts there (scripts/test runs it before
 * {@code mvn verify}).
 */
class DebianPackageIndexIT {

	private static final SuiteArch BOOKWORM_MIPS = new SuiteArch("bookworm", "mips64el");

	@TempDir
	Path cache;

	@Test
	void bookwormHasWhatTheRewrittenImagesInstallForMips64el() {
		Path lists = Path.of("/var/lib/apt/lists");
		var indexes = new PackageIndexes(cache, AptSources.read(Path.of("/etc/apt")), HttpClient.newHttpClient(),
				lists);

		PackageIndex index = indexes.get(BOOKWORM_MIPS);

		assertThat(indexes.origin(BOOKWORM_MIPS).orElseThrow().source()).as("read from apt's lists, not fetched")
			.startsWith(lists.toString())
			.contains("_dists_bookworm_main_binary-mips64el_Packages");
		assertThat(index.size()).isGreaterThan(30_000);
		assertThat(index.contains("dnsutils")).isTrue();
		assertThat(index.contains("iproute2")).isTrue();
		assertThat(index.contains("ca-certificates")).isTrue();
		assertThat(index.contains("tini")).isTrue();
		assertThat(index.contains("gosu")).isTrue();
		assertThat(index.contains("rebaser-no-such-package")).isFalse();
		assertThat(index.isProvided("awk")).as("virtual, provided by mawk").isTrue();
		assertThat(index.contains("awk")).isFalse();
		assertThat(index.contains("su-exec")).as("Alpine's, not Debian's").isFalse();

		PackageIndex cached = new PackageIndexes(cache, AptSources.ofMirror(java.net.URI.create("http://127.0.0.1:9/")),
				HttpClient.newHttpClient(), cache.resolve("no-lists"))
			.get(BOOKWORM_MIPS);
		assertThat(cached.realNames()).isEqualTo(index.realNames());
		assertThat(cached.virtualNames()).isEqualTo(index.virtualNames());
	}

}
