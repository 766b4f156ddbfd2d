package dev.rebaser.packages;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

/**
 * Test inputs under src/test/resources/packages/, and compressed copies made on the spot.
 */
final class Fixtures {

	private Fixtures() {
	}

	static byte[] bytes(String name) {
		try (InputStream in = Fixtures.class.getResourceAsStream("/packages/" + name)) {
			if (in == null) {
				throw new IllegalArgumentException("no fixture " + name);
			}
			return in.readAllBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static Path path(String name) {
		try {
			return Path.of(Fixtures.class.getResource("/packages/" + name).toURI());
		}
		catch (URISyntaxException e) {
			throw new IllegalStateException(e);
		}
	}

	static byte[] xz(byte[] plain) {
		var out = new ByteArrayOutputStream();
		try (var xz = new XZOutputStream(out, new LZMA2Options())) {
			xz.write(plain);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	static byte[] gzip(byte[] plain) {
		var out = new ByteArrayOutputStream();
		try (var gz = new GZIPOutputStream(out)) {
			gz.write(plain);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

}
