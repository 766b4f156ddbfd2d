package dev.rebaser.web.api;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads request bodies up to a limit, so that an oversized upload is refused with a 413
 * before it is held in memory.
 */
@Component
public class RequestBodies {

	private final long maxBytes;

	private final long maxContextBytes;

	public RequestBodies(@Value("${rebaser.max-body-bytes}") long maxBytes,
			@Value("${rebaser.context.max-body-bytes}") long maxContextBytes) {
		this.maxBytes = maxBytes;
		this.maxContextBytes = maxContextBytes;
	}

	/** A Dockerfile or a manifest.go. */
	public byte[] read(HttpServletRequest request) throws IOException {
		return read(request, maxBytes);
	}

	/** A compressed build context. */
	public byte[] readContext(HttpServletRequest request) throws IOException {
		return read(request, maxContextBytes);
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
			super("The request body is larger than " + limit + " bytes");
			this.limit = limit;
		}

		public long limit() {
			return limit;
		}

	}

}
