package dev.rebaser.packages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackageIndexesTest {

	private static final SuiteArch BOOKWORM_MIPS = new SuiteArch("bookworm", "mips64el");

	private static final Instant T0 = Instant.parse("2026-01-02T03:04:05Z");

	@TempDir
	Path tmp;

	Path cacheDir;

	Path listsDir;

	private HttpServer server;

	private final AtomicReference<byte[]> served = new AtomicReference<>();

	private final AtomicInteger status = new AtomicInteger(200);

	private final List<String> requested = new CopyOnWriteArrayList<>();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@BeforeEach
	void startMirror() throws IOException {
		cacheDir = tmp.resolve("cache");
		listsDir = Files.createDirectories(tmp.resolve("lists"));
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.createContext("/", exchange -> {
			requested.add(exchange.getRequestURI().getPath());
			byte[] body = served.get();
			boolean ok = status.get() == 200 && body != null
					&& exchange.getRequestURI()
						.getPath()
						.equals("/debian/dists/bookworm/main/binary-mips64el/Packages.xz");
			if (ok) {
				exchange.sendResponseHeaders(200, body.length);
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(body);
				}
			}
			else {
				exchange.sendResponseHeaders(status.get() == 200 ? 404 : status.get(), -1);
			}
			exchange.close();
		});
		server.start();
	}

	@AfterEach
	void stopMirror() {
		server.stop(0);
	}

	private URI mirror() {
		return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/debian");
	}

	private PackageIndexes indexes(AptSources sources, Instant now) {
		return new PackageIndexes(cacheDir, sources, http, listsDir, Clock.fixed(now, ZoneOffset.UTC));
	}

	private static AptSources noSources() {
		return AptSources.read(Path.of("/nonexistent-apt-folder"));
	}

	private static byte[] packages(String... names) {
		var text = new StringBuilder();
		for (String name : names) {
			text.append("Package: ").append(name).append("\nArchitecture: mips64el\nDescription: x\n\n");
		}
		return text.toString().getBytes(StandardCharsets.UTF_8);
	}

	private Path aptList(String prefix, String suffix, byte[] content) throws IOException {
		return Files.write(listsDir.resolve(prefix + "_dists_bookworm_main_binary-mips64el_Packages" + suffix),
				content);
	}

	@Test
	void fetchesPackagesXzFromTheMirrorAndCachesIt() {
		served.set(Fixtures.xz(Fixtures.bytes("small.Packages")));
		PackageIndexes indexes = indexes(AptSources.ofMirror(mirror()), T0);

		PackageIndex index = indexes.get(BOOKWORM_MIPS);

		assertThat(index.contains("gosu")).isTrue();
		assertThat(index.isProvided("awk")).isTrue();
		assertThat(requested).containsExactly("/debian/dists/bookworm/main/binary-mips64el/Packages.xz");
		assertThat(cacheDir.resolve("bookworm_mips64el.index.gz")).isRegularFile();
		assertThat(indexes.origin(BOOKWORM_MIPS)).hasValueSatisfying(origin -> {
			assertThat(origin.source()).isEqualTo(mirror() + "/dists/bookworm/main/binary-mips64el/Packages.xz");
			assertThat(origin.readAt()).isEqualTo(T0);
		});
	}

	@Test
	void aSecondGetAsksNobody() {
		served.set(Fixtures.xz(packages("a")));
		PackageIndexes indexes = indexes(AptSources.ofMirror(mirror()), T0);

		PackageIndex first = indexes.get(BOOKWORM_MIPS);
		PackageIndex second = indexes.get(BOOKWORM_MIPS);

		assertThat(second).isSameAs(first);
		assertThat(requested).hasSize(1);
	}

	@Test
	void theCacheFileIsReadBackByALaterInstanceWithoutAnySource() {
		served.set(Fixtures.xz(Fixtures.bytes("many.Packages")));
		PackageIndex original = indexes(AptSources.ofMirror(mirror()), T0).get(BOOKWORM_MIPS);
		server.stop(0);

		PackageIndexes later = indexes(noSources(), T0.plusSeconds(3600));
		PackageIndex cached = later.get(BOOKWORM_MIPS);

		assertThat(cached.size()).isEqualTo(500);
		assertThat(cached.realNames()).isEqualTo(original.realNames());
		assertThat(cached.virtualNames()).isEqualTo(original.virtualNames());
		assertThat(later.origin(BOOKWORM_MIPS)).hasValueSatisfying(origin -> {
			assertThat(origin.source()).startsWith(mirror().toString());
			assertThat(origin.readAt()).as("when it was fetched, not when it was read back").isEqualTo(T0);
		});
	}

	@Test
	void refreshFetchesAgainAndReplacesTheCache() {
		served.set(Fixtures.xz(packages("old-only", "both")));
		PackageIndexes indexes = indexes(AptSources.ofMirror(mirror()), T0);
		assertThat(indexes.get(BOOKWORM_MIPS).contains("old-only")).isTrue();

		served.set(Fixtures.xz(packages("both", "new-only")));
		PackageIndexes later = indexes(AptSources.ofMirror(mirror()), T0.plusSeconds(60));
		assertThat(later.get(BOOKWORM_MIPS).contains("new-only")).as("cache still answers before a refresh").isFalse();

		PackageIndex refreshed = later.refresh(BOOKWORM_MIPS);

		assertThat(refreshed.contains("new-only")).isTrue();
		assertThat(refreshed.contains("old-only")).isFalse();
		assertThat(later.get(BOOKWORM_MIPS)).isSameAs(refreshed);
		assertThat(later.origin(BOOKWORM_MIPS).orElseThrow().readAt()).isEqualTo(T0.plusSeconds(60));
		assertThat(indexes(noSources(), T0).get(BOOKWORM_MIPS).contains("new-only"))
			.as("a new instance reads the refreshed cache")
			.isTrue();
	}

	@Test
	void aFailedRefreshKeepsTheCache() {
		served.set(Fixtures.xz(packages("kept")));
		indexes(AptSources.ofMirror(mirror()), T0).get(BOOKWORM_MIPS);
		status.set(503);

		PackageIndexes indexes = indexes(AptSources.ofMirror(mirror()), T0);
		assertThatThrownBy(() -> indexes.refresh(BOOKWORM_MIPS)).isInstanceOf(PackageIndexUnavailableException.class)
			.hasMessageContaining("HTTP 503");

		assertThat(indexes(noSources(), T0).get(BOOKWORM_MIPS).contains("kept")).isTrue();
	}

	@Test
	void refreshPrefersTheMirrorOverAptLists() throws IOException {
		aptList("127.0.0.1_debian", "", packages("from-apt"));
		served.set(Fixtures.xz(packages("from-mirror")));
		PackageIndexes indexes = indexes(AptSources.ofMirror(mirror()), T0);

		assertThat(indexes.get(BOOKWORM_MIPS).contains("from-apt")).as("get: apt lists first").isTrue();
		assertThat(indexes.refresh(BOOKWORM_MIPS).contains("from-mirror")).isTrue();

		status.set(500);
		assertThat(indexes.refresh(BOOKWORM_MIPS).contains("from-apt")).as("falls back to apt lists").isTrue();
	}

	@Test
	void readsAptListsPlainGzipXzAndLz4WithoutTheNetwork() throws IOException {
		byte[] plain = Fixtures.bytes("many.Packages");
		PackageIndex expected = PackageIndex.parse(new java.io.ByteArrayInputStream(plain));
		record Case(String suffix, byte[] content) {
		}
		for (Case c : List.of(new Case("", plain), new Case(".gz", Fixtures.gzip(plain)),
				new Case(".xz", Fixtures.xz(plain)),
				new Case(".lz4", Fixtures.bytes("many-dependent-blocks.Packages.lz4")))) {
			Path list = aptList("127.0.0.1_debian", c.suffix(), c.content());
			Path cache = tmp.resolve("cache" + c.suffix());

			var indexes = new PackageIndexes(cache, noSources(), http, listsDir);
			PackageIndex index = indexes.get(BOOKWORM_MIPS);

			assertThat(index.realNames()).as(c.suffix()).isEqualTo(expected.realNames());
			assertThat(index.virtualNames()).as(c.suffix()).isEqualTo(expected.virtualNames());
			assertThat(indexes.origin(BOOKWORM_MIPS).orElseThrow().source()).isEqualTo(list.toString());
			Files.delete(list);
		}
		assertThat(requested).isEmpty();
	}

	@Test
	void otherSuitesAndArchitecturesInTheListsAreNotTaken() throws IOException {
		Files.write(listsDir.resolve("127.0.0.1_debian_dists_bookworm-updates_main_binary-mips64el_Packages"),
				packages("updates"));
		Files.write(listsDir.resolve("127.0.0.1_debian_dists_bookworm_main_binary-amd64_Packages"), packages("amd64"));
		Files.write(listsDir.resolve("127.0.0.1_debian_dists_bookworm_contrib_binary-mips64el_Packages"),
				packages("contrib"));
		Files.write(listsDir.resolve("127.0.0.1_debian_dists_bookworm_main_binary-mips64el_Packages.diff_Index"),
				packages("diff"));

		assertThatThrownBy(() -> indexes(noSources(), T0).get(BOOKWORM_MIPS))
			.isInstanceOf(PackageIndexUnavailableException.class)
			.hasMessageContaining("no apt list *_dists_bookworm_main_binary-mips64el_Packages in " + listsDir)
			.hasMessageContaining("dpkg --add-architecture");
	}

	@Test
	void theListOfTheConfiguredMirrorWinsOverOthers() throws IOException {
		aptList("127.0.0.1_aaa-first", "", packages("elsewhere"));
		aptList("127.0.0.1_debian", ".xz", Fixtures.xz(packages("configured")));
		AptSources sources = AptSources.ofMirror(URI.create("http://127.0.0.1/debian/"));

		assertThat(indexes(sources, T0).get(BOOKWORM_MIPS).contains("configured")).isTrue();
	}

	@Test
	void anUnreadableCompressionIsNamedInTheError() throws IOException {
		aptList("127.0.0.1_debian", ".zst", new byte[] { 0x28, (byte) 0xB5, 0x2F, (byte) 0xFD });

		assertThatThrownBy(() -> indexes(noSources(), T0).get(BOOKWORM_MIPS))
			.isInstanceOf(PackageIndexUnavailableException.class)
			.hasMessageContaining("Packages.zst is compressed in a form Rebaser cannot read");
	}

	@Test
	void whenNothingWorksTheErrorSaysWhatWasTried() {
		AptSources sources = AptSources.read(Fixtures.path("apt-broken")); // has
																			// bookworm,
																			// not trixie
		SuiteArch trixie = new SuiteArch("trixie", "mips64el");

		assertThatThrownBy(() -> indexes(sources, T0).get(trixie)).isInstanceOf(PackageIndexUnavailableException.class)
			.hasMessageStartingWith("no Debian package index for trixie/mips64el: ")
			.hasMessageContaining("no apt list *_dists_trixie_main_binary-mips64el_Packages")
			.hasMessageContaining("no http(s) deb entry for suite trixie with component main")
			.hasMessageContaining("10-broken.sources");
	}

	@Test
	void aMirror404NamesTheUrl() {
		PackageIndexes indexes = indexes(AptSources.ofMirror(mirror()), T0);

		assertThatThrownBy(() -> indexes.get(new SuiteArch("bullseye", "mips64el")))
			.isInstanceOf(PackageIndexUnavailableException.class)
			.hasMessageContaining(mirror() + "/dists/bullseye/main/binary-mips64el/Packages.xz answered HTTP 404");
	}

	@Test
	void aMalformedMirrorFileNamesTheLine() {
		served.set(Fixtures.xz(Fixtures.bytes("no-colon.Packages")));

		assertThatThrownBy(() -> indexes(AptSources.ofMirror(mirror()), T0).get(BOOKWORM_MIPS))
			.isInstanceOf(PackageIndexUnavailableException.class)
			.hasMessageContaining("Packages.xz: line 5: expected 'Field: value'");
		assertThat(cacheDir.resolve("bookworm_mips64el.index.gz")).doesNotExist();
	}

	@Test
	void aCorruptCacheFileIsRebuilt() throws IOException {
		Files.createDirectories(cacheDir);
		Files.write(cacheDir.resolve("bookworm_mips64el.index.gz"),
				Fixtures.gzip("rebaser-package-index 1\nsuite: bookworm\n".getBytes()));
		served.set(Fixtures.xz(packages("rebuilt")));

		PackageIndexes indexes = indexes(AptSources.ofMirror(mirror()), T0);
		assertThat(indexes.origin(BOOKWORM_MIPS)).isEmpty();
		assertThat(indexes.get(BOOKWORM_MIPS).contains("rebuilt")).isTrue();
		assertThat(indexes(noSources(), T0).get(BOOKWORM_MIPS).contains("rebuilt")).isTrue();
	}

	@Test
	void aCacheFileOfAnotherSuiteIsNotTrusted() throws IOException {
		served.set(Fixtures.xz(packages("bookworm-package")));
		indexes(AptSources.ofMirror(mirror()), T0).get(BOOKWORM_MIPS);
		Files.copy(cacheDir.resolve("bookworm_mips64el.index.gz"), cacheDir.resolve("trixie_mips64el.index.gz"));

		assertThatThrownBy(() -> indexes(noSources(), T0).get(new SuiteArch("trixie", "mips64el")))
			.isInstanceOf(PackageIndexUnavailableException.class);
	}

	@Test
	void suiteAndArchMustBeDebianNames() {
		assertThatThrownBy(() -> new SuiteArch("../etc", "mips64el")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new SuiteArch("bookworm", "mips64el/../x"))
			.isInstanceOf(IllegalArgumentException.class);
		assertThat(new SuiteArch("bookworm", "mips64el")).hasToString("bookworm/mips64el");
	}

}
