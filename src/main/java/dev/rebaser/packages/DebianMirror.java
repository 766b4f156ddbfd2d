package dev.rebaser.packages;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Fetches {@code dists/SUITE/main/binary-ARCH/Packages.xz} from a Debian mirror. */
final class DebianMirror {

	// A Packages.xz of a large suite is ~10 MB; generous for slow mirrors, but never
	// hangs forever.
	private static final Duration TIMEOUT = Duration.ofMinutes(5);

	private final HttpClient http;

	DebianMirror(HttpClient http) {
		this.http = http;
	}

	static URI packagesUri(URI mirror, SuiteArch which) {
		String base = mirror.toString();
		if (!base.endsWith("/")) {
			base += "/";
		}
		return URI.create(base + "dists/" + which.suite() + "/main/binary-" + which.debianArch() + "/Packages.xz");
	}

	/**
	 * @throws IOException when the mirror cannot be reached or does not answer 200
	 * @throws MalformedControlFileException when what it serves is not a Packages file
	 */
	PackageIndex fetch(URI packages) throws IOException, InterruptedException {
		var request = HttpRequest.newBuilder(packages).timeout(TIMEOUT).GET().build();
		HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
		try (InputStream body = response.body()) {
			if (response.statusCode() != 200) {
				throw new IOException("GET " + packages + " answered HTTP " + response.statusCode());
			}
			return PackageIndex.parse(Decompression.open(body));
		}
	}

}
