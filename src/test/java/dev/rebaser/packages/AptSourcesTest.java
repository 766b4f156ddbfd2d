package dev.rebaser.packages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AptSourcesTest {

	private static AptSources read(String fixture) {
		return AptSources.read(Fixtures.path(fixture));
	}

	@Test
	void oneLineFormatPicksTheFirstDebEntryForExactlyThatSuiteWithMain() {
		AptSources sources = read("apt-oneline");

		// skipped before it: deb-src, -security, contrib-only, enabled=no, cdrom
		assertThat(sources.mirrorFor("bookworm")).contains(URI.create("http://127.0.0.1:9/debian/"));
		assertThat(sources.mirrorFor("bookworm-security")).contains(URI.create("http://127.0.0.1:9/security"));
		assertThat(sources.mirrorFor("bullseye")).contains(URI.create("http://127.0.0.1:9/debian"));
		assertThat(sources.mirrorFor("trixie")).isEmpty();
		assertThat(sources.problems()).isEmpty();
	}

	@Test
	void oneLineOptionsAndCommentsAreNotPartOfTheEntry() {
		AptSources sources = read("apt-oneline");

		assertThat(sources.entries()).filteredOn(e -> e.uri().toString().endsWith("/debian/"))
			.singleElement()
			.satisfies(e -> {
				assertThat(e.suite()).isEqualTo("bookworm");
				assertThat(e.components()).containsExactly("main", "contrib");
				assertThat(e.origin()).endsWith("sources.list:7");
			});
		assertThat(sources.entries()).filteredOn(e -> e.uri().toString().endsWith("/security"))
			.singleElement()
			.satisfies(e -> assertThat(e.components()).containsExactly("main"));
	}

	@Test
	void deb822StanzasWithContinuationsAndLowerCaseFields() {
		AptSources sources = read("apt-deb822");

		// skipped: bookworm-updates only, deb-src only, Enabled: no
		assertThat(sources.mirrorFor("bookworm")).contains(URI.create("http://127.0.0.2/debian"));
		assertThat(sources.mirrorFor("trixie")).contains(URI.create("http://127.0.0.2/debian"));
		assertThat(sources.mirrorFor("bookworm-updates")).contains(URI.create("http://127.0.0.2/debian"));
		assertThat(sources.mirrorFor("bookworm-security")).contains(URI.create("http://127.0.0.2/security"));
		assertThat(sources.mirrorFor("sid")).isEmpty();
	}

	@Test
	void deb822MultiValueFieldsGiveOneEntryPerUriAndSuite() {
		AptSources sources = read("apt-deb822");

		assertThat(sources.entries()).filteredOn(e -> e.components().contains("contrib"))
			.extracting(e -> e.uri() + " " + e.suite())
			.containsExactly("http://127.0.0.2/debian trixie", "http://127.0.0.2/debian bookworm",
					"http://127.0.0.3/debian trixie", "http://127.0.0.3/debian bookworm");
	}

	@Test
	void partsAreReadInNameOrderAndOnlyListAndSourcesFiles() {
		AptSources sources = read("apt-mixed");

		// 01-local.list is file:, which cannot be fetched over HTTP; .disabled is not
		// read at all
		assertThat(sources.mirrorFor("bookworm")).contains(URI.create("https://127.0.0.5/debian"));
		assertThat(sources.mirrorFor("noble")).contains(URI.create("http://127.0.0.4/other"));
		assertThat(sources.entries()).extracting(e -> e.uri().getHost()).doesNotContain("127.0.0.7");
	}

	@Test
	void brokenFilesAreSkippedAndReported() {
		AptSources sources = read("apt-broken");

		assertThat(sources.mirrorFor("bookworm")).contains(URI.create("http://127.0.0.9/debian"));
		assertThat(sources.problems()).hasSize(2);
		assertThat(sources.problems().get(0)).contains("10-broken.sources", "line 3", "file skipped");
		assertThat(sources.problems().get(1)).contains("20-broken.list", "line 1", "TYPE URI SUITE");
	}

	@Test
	void aMissingFolderHasNoSources(@TempDir Path empty) {
		AptSources sources = AptSources.read(empty.resolve("nothing-here"));

		assertThat(sources.mirrorFor("bookworm")).isEmpty();
		assertThat(sources.problems()).isEmpty();
	}

	@Test
	void aConfiguredMirrorServesEverySuite() {
		AptSources sources = AptSources.ofMirror(URI.create("http://127.0.0.1:8/debian"));

		assertThat(sources.mirrorFor("bookworm")).contains(URI.create("http://127.0.0.1:8/debian"));
		assertThat(sources.mirrorFor("trixie")).isEqualTo(Optional.of(URI.create("http://127.0.0.1:8/debian")));
		assertThatThrownBy(() -> AptSources.ofMirror(URI.create("file:/srv/debian")))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("http or https");
	}

}
