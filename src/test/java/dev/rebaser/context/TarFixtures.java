package dev.rebaser.context;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Archives for tests, written entry by entry, including the entries a hostile client
 * could send.
 */
public final class TarFixtures {

	private TarFixtures() {
	}

	/** A .tar.gz written entry by entry, the way a hostile client could write it. */
	public static byte[] tarGz(Consumer<TarArchiveOutputStream> entries) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(bytes))) {
			tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
			entries.accept(tar);
		}
		return bytes.toByteArray();
	}

	public static void file(TarArchiveOutputStream tar, String name, String text) {
		try {
			byte[] content = text.getBytes(StandardCharsets.UTF_8);
			TarArchiveEntry entry = new TarArchiveEntry(name, true);
			entry.setSize(content.length);
			entry.setMode(0100755);
			tar.putArchiveEntry(entry);
			tar.write(content);
			tar.closeArchiveEntry();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static void link(TarArchiveOutputStream tar, String name, byte type, String target) {
		try {
			TarArchiveEntry entry = new TarArchiveEntry(name, type, true);
			entry.setLinkName(target);
			tar.putArchiveEntry(entry);
			tar.closeArchiveEntry();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
