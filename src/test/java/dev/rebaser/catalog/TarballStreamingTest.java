package dev.rebaser.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.rebaser.context.ArchiveLimits;
import dev.rebaser.context.ArchiveTooLargeException;
import dev.rebaser.context.UnsafeArchiveException;
import dev.rebaser.manifest.RegistryOverrides;
import dev.rebaser.rules.RuleSet;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Release tarballs streamed from a loopback HTTP server started by the test. */
class TarballStreamingTest {

	private final Map<String, byte[]> served = new ConcurrentHashMap<>();

	private final AtomicLong bytesSent = new AtomicLong();

	private final Map<String, String> redirects = new ConcurrentHashMap<>();

	private final List<String> requests = new CopyOnWriteArrayList<>();

	private HttpServer server;

	@BeforeEach
	void start() throws IOException {
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.createContext("/", exchange -> {
			requests
				.add(exchange.getRequestURI().getPath() + " Host: " + exchange.getRequestHeaders().getFirst("Host"));
			String location = redirects.get(exchange.getRequestURI().getPath());
			if (location != null) {
				exchange.getResponseHeaders().set("Location", location);
				exchange.sendResponseHeaders(302, -1);
				exchange.close();
				return;
			}
			byte[] body = served.get(exchange.getRequestURI().getPath());
			if (body == null) {
				exchange.sendResponseHeaders(404, -1);
				exchange.close();
				return;
			}
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
				bytesSent.addAndGet(body.length);
			}
		});
		server.start();
	}

	@AfterEach
	void stop() {
		server.stop(0);
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
	}

	private static CatalogImporter importer(ArchiveLimits limits, long maxDownload) {
		RuleSet rules = RuleSet.builtin();
		// the server is on 127.0.0.1, which only the opt-in allows
		return new CatalogImporter(rules, rules.defaultTarget(), limits, maxDownload, AddressPolicy.allowingPrivate(),
				RegistryOverrides.none());
	}

	/**
	 * The example tree inside a release: a top folder, and much that is not test/images.
	 */
	private static Map<String, String> release(int extraFiles) throws IOException {
		Map<String, String> release = new LinkedHashMap<>();
		release.put("README.md", "# Kubernetes\n");
		for (int i = 0; i < extraFiles; i++) {
			release.put("staging/src/k8s.io/pkg" + i + "/doc.go", "package pkg" + i + "\n");
		}
		release.put("test/e2e/framework/framework.go", "package framework\n");
		release.put("test/utils/image/other.go", "package image\n");
		release.putAll(Trees.readAll(Trees.EXAMPLE));
		return release;
	}

	@Test
	void keepsOnlyManifestGoAndTestImagesOfAStreamedRelease() throws IOException {
		served.put("/dl/kubernetes-1.30.0.tar.gz", Trees.tarGz("kubernetes-1.30.0/", release(300)));
		// fewer entries than the release has: only what is kept may count
		ArchiveLimits limits = new ArchiveLimits(100, 1024 * 1024);

		SourceTree tree = new TreeSources(limits, 10L * 1024 * 1024, AddressPolicy.allowingPrivate())
			.url(uri("/dl/kubernetes-1.30.0.tar.gz"));

		assertThat(tree.text("test/utils/image/manifest.go")).isPresent();
		assertThat(tree.text("test/images/agnhost/Dockerfile")).isPresent();
		assertThat(tree.text("README.md")).isEmpty();
		assertThat(tree.text("test/utils/image/other.go")).isEmpty();
		assertThat(tree.hasFolder("staging")).isFalse();
		assertThat(tree.hasFolder("test/e2e")).isFalse();
		assertThat(tree.hasFolder("kubernetes-1.30.0")).isFalse();

		Catalog catalog = importer(limits, 10L * 1024 * 1024).importUrl(uri("/dl/kubernetes-1.30.0.tar.gz"));
		assertThat(catalog.images()).extracting(CatalogImage::id)
			.containsExactlyElementsOf(ExampleTree.load().images().stream().map(CatalogImage::id).toList());
		assertThat(catalog.graph().order()).isEqualTo(ExampleTree.load().graph().order());
	}

	@Test
	void refusesAStreamedTarballWithAnEntryClimbingOut() throws IOException {
		Map<String, String> hostile = release(3);
		// after the kept entries, and outside test/images: refused all the same
		hostile.put("../../evil.sh", "#!/bin/sh\n");
		served.put("/dl/hostile.tar.gz", Trees.tarGz("kubernetes-1.30.0/", hostile));

		assertThatThrownBy(
				() -> importer(ArchiveLimits.defaults(), 10L * 1024 * 1024).importUrl(uri("/dl/hostile.tar.gz")))
			.isInstanceOf(UnsafeArchiveException.class)
			.hasMessageContaining("evil.sh");
	}

	@Test
	void stopsADownloadLargerThanAllowed() throws IOException {
		served.put("/dl/big.tar.gz", Trees.tarGz("kubernetes-1.30.0/", release(2000)));
		long size = served.get("/dl/big.tar.gz").length;

		assertThatThrownBy(() -> importer(ArchiveLimits.defaults(), size / 4).importUrl(uri("/dl/big.tar.gz")))
			.isInstanceOf(ArchiveTooLargeException.class);
	}

	@Test
	void stopsWhenTheKeptPartIsOverTheLimits() throws IOException {
		served.put("/dl/k.tar.gz", Trees.tarGz("kubernetes-1.30.0/", release(0)));

		assertThatThrownBy(
				() -> importer(new ArchiveLimits(5, 1024 * 1024), 10L * 1024 * 1024).importUrl(uri("/dl/k.tar.gz")))
			.isInstanceOf(ArchiveTooLargeException.class);
	}

	@Test
	void saysWhatTheServerAnsweredAndRefusesOtherSchemes() {
		CatalogImporter importer = importer(ArchiveLimits.defaults(), 1024);

		assertThatThrownBy(() -> importer.importUrl(uri("/missing.tar.gz"))).isInstanceOf(IOException.class)
			.hasMessageContaining("404");
		assertThatThrownBy(() -> importer.importUrl(URI.create("file:///etc/passwd"))).isInstanceOf(IOException.class)
			.hasMessageContaining("http");
	}

	@Test
	void anExternalImageCanComeFromAFolderOfATarballAtAUrl() throws IOException {
		served.put("/samples.tar.gz",
				Trees.tarGz("samples-main/",
						Trees.files("guestbook/frontend/Dockerfile",
								"FROM php:5-apache\nCOPY index.php /var/www/html/\n", "guestbook/frontend/index.php",
								"<?php echo 'hi';\n", "guestbook/redis/Dockerfile", "FROM redis:5.0.5-alpine\n",
								"php/5-apache/Dockerfile", "FROM alpine:3.19\nRUN apk add --no-cache php\n")));
		String yaml = """
				images:
				  - name: gb-frontend
				    version: v6
				    reference: gcr.io/google-samples/gb-frontend:v6
				    source: {tarball: %1$s, path: guestbook/frontend}
				  - name: php
				    version: 5-apache
				    reference: php:5-apache
				    source: {tarball: %1$s, path: php/5-apache}
				""".formatted(uri("/samples.tar.gz"));

		Catalog catalog = importer(ArchiveLimits.defaults(), 1024 * 1024).importTree(
				Trees.tree(Trees.files("test/utils/image/manifest.go", Trees.manifest(), "catalog.yaml", yaml)));

		CatalogImage frontend = catalog.image("gb-frontend").orElseThrow();
		assertThat(frontend.context().files()).extracting(f -> f.path())
			.containsExactlyInAnyOrder("Dockerfile", "index.php");
		assertThat(catalog.graph().parents("gb-frontend")).containsExactly("php");
		assertThat(catalog.graph().order()).isEqualTo(List.of("php", "gb-frontend"));
		assertThat(catalog.graph().unresolvable()).isEmpty();
	}

	@Test
	void followsRedirectsItselfAndChecksEveryHop() throws IOException {
		served.put("/dl/k.tar.gz", Trees.tarGz("kubernetes-1.30.0/", release(0)));
		redirects.put("/latest.tar.gz", "/dl/k.tar.gz");
		redirects.put("/to-any-address", "http://0.0.0.0:" + server.getAddress().getPort() + "/dl/k.tar.gz");
		redirects.put("/to-a-file", "file:///etc/passwd");
		redirects.put("/loop", "/loop");
		CatalogImporter importer = importer(ArchiveLimits.defaults(), 10L * 1024 * 1024);

		assertThat(importer.importUrl(uri("/latest.tar.gz")).images()).isNotEmpty();
		assertThat(requests).containsExactly("/latest.tar.gz Host: " + uri("").getAuthority(),
				"/dl/k.tar.gz Host: " + uri("").getAuthority());

		requests.clear();
		// 0.0.0.0 reaches this machine; it is refused even with the opt-in, before
		// connecting
		assertThatThrownBy(() -> importer.importUrl(uri("/to-any-address"))).isInstanceOf(RefusedSourceException.class)
			.hasMessageContaining("redirects to http://0.0.0.0:")
			.hasMessageContaining("never fetched from");
		assertThatThrownBy(() -> importer.importUrl(uri("/to-a-file"))).isInstanceOf(RefusedSourceException.class)
			.hasMessageContaining("redirects to file:///etc/passwd")
			.hasMessageContaining("only http and https");
		assertThat(requests).containsExactly("/to-any-address Host: " + uri("").getAuthority(),
				"/to-a-file Host: " + uri("").getAuthority());
		assertThatThrownBy(() -> importer.importUrl(uri("/loop"))).isInstanceOf(IOException.class)
			.hasMessageContaining("redirects more than 5 times");
	}

	@Test
	void withoutTheOptInLoopbackIsRefusedForTheTreeAndForCatalogYamlTarballs() throws IOException {
		served.put("/dl/k.tar.gz", Trees.tarGz("kubernetes-1.30.0/", release(0)));
		RuleSet rules = RuleSet.builtin();
		CatalogImporter importer = new CatalogImporter(rules, rules.defaultTarget());

		assertThatThrownBy(() -> importer.importUrl(uri("/dl/k.tar.gz"))).isInstanceOf(RefusedSourceException.class)
			.hasMessageContaining("127.0.0.1")
			.hasMessageContaining("loopback")
			.hasMessageContaining("rebaser.catalog.allow-private-fetches");
		Catalog catalog = importer
			.importTree(Trees.tree(Trees.files("test/utils/image/manifest.go", Trees.manifest(), "catalog.yaml", """
					images:
					  - name: php
					    version: 5-apache
					    reference: php:5-apache
					    source: {tarball: %s, path: php/5-apache}
					""".formatted(uri("/dl/k.tar.gz")))));
		assertThat(catalog.image("php").orElseThrow().hasContext()).isFalse();
		assertThat(catalog.problemsOf("php")).singleElement()
			.satisfies(
					problem -> assertThat(problem.message()).contains("could not be read").contains("private address"));
		assertThat(requests).isEmpty();
	}

	@Test
	void connectsToTheAddressThatWasCheckedNotToASecondLookUp() throws IOException {
		served.put("/dl/k.tar.gz", Trees.tarGz("kubernetes-1.30.0/", release(0)));
		// .test names never resolve: a second look-up of the name would fail the fetch
		AddressPolicy pinned = new AddressPolicy(true, host -> host.equals("mirror.rebind.test")
				? new InetAddress[] { InetAddress.getLoopbackAddress() } : InetAddress.getAllByName(host));
		int port = server.getAddress().getPort();

		SourceTree tree = new TreeSources(ArchiveLimits.defaults(), 10L * 1024 * 1024, pinned)
			.url(URI.create("http://mirror.rebind.test:" + port + "/dl/k.tar.gz"));

		assertThat(tree.text("test/utils/image/manifest.go")).isPresent();
		assertThat(requests).containsExactly("/dl/k.tar.gz Host: mirror.rebind.test:" + port);
	}

	@Test
	void theOriginOfAUrlImportHasNoCredentials() throws IOException {
		served.put("/dl/k.tar.gz", Trees.tarGz("kubernetes-1.30.0/", release(0)));
		URI withCredentials = URI
			.create("http://user:pw@127.0.0.1:" + server.getAddress().getPort() + "/dl/k.tar.gz?token=secret&v=1");

		SourceTree tree = new TreeSources(ArchiveLimits.defaults(), 10L * 1024 * 1024, AddressPolicy.allowingPrivate())
			.url(withCredentials);

		assertThat(tree.origin()).isEqualTo(uri("/dl/k.tar.gz?token=redacted&v=1").toString());
		Catalog catalog = importer(ArchiveLimits.defaults(), 10L * 1024 * 1024)
			.importTree(Trees.tree(Trees.files("test/utils/image/manifest.go", Trees.manifest(), "catalog.yaml", """
					images:
					  - name: agnhost-copy
					    version: "1"
					    reference: example.org/agnhost-copy:1
					    source: {tarball: "%s", path: test/images/agnhost}
					""".formatted(withCredentials))));
		assertThat(catalog.image("agnhost-copy").orElseThrow().hasContext()).isTrue();
		assertThat(catalog.image("agnhost-copy").orElseThrow().contextPath()).doesNotContain("pw")
			.doesNotContain("secret")
			.contains("127.0.0.1");
		served.clear();
		assertThatThrownBy(() -> importer(ArchiveLimits.defaults(), 1024).importUrl(withCredentials))
			.hasMessageContaining("404")
			.hasMessageNotContaining("pw")
			.hasMessageNotContaining("secret");
	}

}
