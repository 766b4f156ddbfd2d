package dev.rebaser.rewriting;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Rewritten build contexts and Dockerfiles that the rewrite page offers for download,
 * kept in memory for a short while: the page shows the Dockerfile's diff, and the files
 * are fetched by a link. Only the latest few are kept, within a byte budget, so uploads
 * cannot fill the heap; an id is random, so one visitor cannot guess another's archive.
 */
@Component
public class RewrittenContexts {

	static final int MAX_KEPT = 64;

	static final long MAX_BYTES = 64L * 1024 * 1024;

	public record Archive(String fileName, byte[] bytes) {
	}

	private final SecureRandom random = new SecureRandom();

	private final LinkedHashMap<String, Archive> kept = new LinkedHashMap<>();

	private long bytes;

	public synchronized String keep(Archive archive) {
		byte[] raw = new byte[16];
		random.nextBytes(raw);
		String id = HexFormat.of().formatHex(raw);
		kept.put(id, archive);
		bytes += archive.bytes().length;
		Iterator<Map.Entry<String, Archive>> oldest = kept.entrySet().iterator();
		while (kept.size() > 1 && (kept.size() > MAX_KEPT || bytes > MAX_BYTES)) {
			bytes -= oldest.next().getValue().bytes().length;
			oldest.remove();
		}
		return id;
	}

	public synchronized Optional<Archive> get(String id) {
		return Optional.ofNullable(kept.get(id));
	}

}
