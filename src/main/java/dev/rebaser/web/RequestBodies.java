package dev.rebaser.web;

import dev.rebaser.context.BadContextException;
import dev.rebaser.context.BuildContext;
import dev.rebaser.context.ContextArchive;
import dev.rebaser.context.ContextRewrite;
import dev.rebaser.text.StrictUtf8;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.MediaType;
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

	/**
	 * What the raw-body endpoints consume: anything but a form upload, which would
	 * otherwise be read as a Dockerfile or an archive with its MIME parts in it.
	 */
	public static final String NOT_A_FORM = "!" + MediaType.MULTIPART_FORM_DATA_VALUE;

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

	/**
	 * A Dockerfile or a manifest.go as text, decoded as strict UTF-8.
	 * @throws StrictUtf8.MalformedException at the first byte that is not UTF-8
	 */
	public String text(HttpServletRequest request) throws IOException {
		return StrictUtf8.decode(read(request));
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
	 * @throws BadContextException for anything that is not a readable .tar.gz
	 */
	public BuildContext unpackContext(byte[] tarGz) {
		if (tarGz.length == 0) {
			throw new BadContextException("the body is empty: send the build context as .tar.gz", null);
		}
		BuildContext context;
		try {
			context = ContextArchive.read(new ByteArrayInputStream(tarGz), limits.context().archive());
		}
		catch (IOException ex) {
			// the bytes are in memory: what fails to read is the archive itself
			throw new BadContextException("the archive could not be read: " + ex.getMessage(), ex);
		}
		// the Dockerfile is parsed and rewritten: it has the limit of one sent alone
		long dockerfileBytes = context.get(ContextRewrite.DOCKERFILE)
			.map(file -> file.content() == null ? 0L : (long) file.content().length)
			.orElse(0L);
		if (dockerfileBytes > limits.maxBodyBytes()) {
			throw new BodyTooLargeException(
					"The build context's Dockerfile is larger than " + limits.maxBodyBytes() + " bytes",
					limits.maxBodyBytes());
		}
		return context;
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
