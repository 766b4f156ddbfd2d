package dev.rebaser.web;

import dev.rebaser.context.BuildContext;
import dev.rebaser.context.ContextArchive;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * Reads request bodies up to a limit, so that an oversized upload is refused with a 413
 * before it is held in memory, and unpacks build contexts within the configured limits:
 * the API and the pages take the same.
 */
@Component
@EnableConfigurationProperties(RequestLimits.class)
public class RequestBodies {

	private final RequestLimits limits;

	public RequestBodies(RequestLimits limits) {
		this.limits = limits;
	}

	public RequestLimits limits() {
		return limits;
	}

	/** A Dockerfile or a manifest.go. */
	public byte[] read(HttpServletRequest request) throws IOException {
		return read(request, limits.maxBodyBytes());
	}

	/** A compressed build context. */
	public byte[] readContext(HttpServletRequest request) throws IOException {
		return read(request, limits.context().maxBodyBytes());
	}

	/** An uploaded Dockerfile. */
	public byte[] read(MultipartFile upload) throws IOException {
		return read(upload, limits.maxBodyBytes(), "Dockerfile");
	}

	/** An uploaded compressed build context. */
	public byte[] readContext(MultipartFile upload) throws IOException {
		return read(upload, limits.context().maxBodyBytes(), "build context");
	}

	/**
	 * A build context rather than a Dockerfile: named like a {@code .tar.gz}, or starting
	 * as gzip does.
	 */
	public static boolean isArchive(MultipartFile upload) throws IOException {
		String name = upload.getOriginalFilename() == null ? "" : upload.getOriginalFilename().toLowerCase(Locale.ROOT);
		if (name.endsWith(".tar.gz") || name.endsWith(".tgz")) {
			return true;
		}
		byte[] head = new byte[2];
		try (InputStream in = upload.getInputStream()) {
			return in.readNBytes(head, 0, 2) == 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b;
		}
	}

	/**
	 * A build context's files from its {@code .tar.gz}, within the entry and size limits.
	 */
	public BuildContext unpackContext(byte[] tarGz) throws IOException {
		return ContextArchive.read(new ByteArrayInputStream(tarGz), limits.context().archive());
	}

	private static byte[] read(MultipartFile upload, long maxBytes, String what) throws IOException {
		if (upload.getSize() > maxBytes) {
			throw new BodyTooLargeException("The uploaded " + what + " is larger than " + maxBytes + " bytes",
					maxBytes);
		}
		return upload.getBytes();
	}

	private static byte[] read(HttpServletRequest request, long maxBytes) throws IOException {
		long declared = request.getContentLengthLong();
		if (declared > maxBytes) {
			throw new BodyTooLargeException(maxBytes);
		}
		ByteArrayOutputStream body = new ByteArrayOutputStream(declared > 0 ? (int) declared : 8192);
		byte[] buffer = new byte[8192];
		try (InputStream in = request.getInputStream()) {
			for (int n; (n = in.read(buffer)) != -1;) {
				if (body.size() + n > maxBytes) {
					throw new BodyTooLargeException(maxBytes);
				}
				body.write(buffer, 0, n);
			}
		}
		return body.toByteArray();
	}

	public static final class BodyTooLargeException extends RuntimeException {

		private final long limit;

		public BodyTooLargeException(long limit) {
			this("The request body is larger than " + limit + " bytes", limit);
		}

		public BodyTooLargeException(String message, long limit) {
			super(message);
			this.limit = limit;
		}

		public long limit() {
			return limit;
		}

	}

}
