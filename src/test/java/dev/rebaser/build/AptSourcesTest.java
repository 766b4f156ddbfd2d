package dev.rebaser.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class AptSourcesTest {

	private static AptSources read(String name) {
		return AptSources.read(Path.of("src/test/resources/build/apt", name));
	}

	@Test
	void deb822StanzasGiveTheMirrorOfTheSuiteAndSkipDisabledAndSourceOnlyOnes() {
		AptSources sources = read("deb822");

		assertThat(sources.sources()).hasSize(3);
		assertThat(sources.mirrorFor("bookworm")).contains(URI.create("http://mirror.example/debian"));
		assertThat(sources.mirrorFor("bookworm-security")).contains(URI.create("http://mirror.example/debian-security"));
	}

	@Test
	void oneLineEntriesWithOptionsAndCommentsAreRead() {
		AptSources sources = read("oneline");

		AptSource first = sources.sources().get(0);
		assertThat(first.types()).containsExactly("deb");
		assertThat(first.uris()).containsExactly(URI.create("http://one.example/debian"));
		assertThat(first.suites()).containsExactly("bookworm");
		assertThat(first.components()).containsExactly("main", "contrib");
		assertThat(sources.sources().get(2).components()).containsExactly("main");
		assertThat(sources.mirrorFor("bookworm")).contains(URI.create("http://one.example/debian"));
	}

	@Test
	void aSuiteTheMachineDoesNotUseComesFromItsReleaseMirrorNotFromSecurityOrLocalFiles() {
		assertThat(read("trixie-host").mirrorFor("bookworm")).contains(URI.create("http://trixie.example/debian"));
		assertThat(read("oneline").mirrorFor("trixie")).contains(URI.create("http://one.example/debian"));
	}

	@Test
	void continuationLinesAddValuesToAField() {
		AptSource release = read("trixie-host").sources().get(1);

		assertThat(release.types()).containsExactly("deb", "deb-src");
		assertThat(release.uris()).containsExactly(URI.create("http://trixie.example/debian"),
			URI.create("http://second.example/debian"));
	}

	@Test
	void noSourcesMeansNoMirror() {
		assertThat(read("missing").mirrorFor("bookworm")).isEmpty();
	}
}
