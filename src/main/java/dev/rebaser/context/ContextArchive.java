package dev.rebaser.context;

import dev.rebaser.budget.CpuBudget;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Reads and writes build contexts as {@code .tar.gz}. Reading refuses every entry that
 * could land outside the context (absolute paths, {@code ..}, links pointing out) and
 * every kind of entry a context has no use for (devices, fifos), and stops at the limits.
 */
public final class ContextArchive {

	private ContextArchive() {
	}

	public static BuildContext read(InputStream tarGz, ArchiveLimits limits) throws IOException {
		return read(tarGz, limits, path -> path);
	}

	/**
	 * Reads only the entries that {@code select} keeps, under the path it gives them
	 * ({@code null} skips the entry without holding its content). Every entry, kept or
	 * not, must pass the same path checks, so one hostile entry refuses the whole
	 * archive; the limits count kept entries only, which lets a large release tarball be
	 * filtered down to a small part of it.
	 */
	public static BuildContext read(InputStream tarGz, ArchiveLimits limits, UnaryOperator<String> select)
			throws IOException {
		BuildContext context = new BuildContext();
		long total = 0;
		long skipped = 0;
		int entries = 0;
		try (TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(tarGz))) {
			for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null;) {
				CpuBudget.check();
				String normalised = insidePath(entry.getName(), entry.getName());
				String path = normalised.isEmpty() ? null : select.apply(normalised);
				if (path == null || path.isEmpty()) {
					// the context's own root, "./", or an entry not asked for: skipping
					// it
					// still inflates it
					skipped += Math.max(0, entry.getSize());
					if (skipped > limits.maxSkippedBytes()) {
						throw new ArchiveTooLargeException("the entries skipped unpack to more than "
								+ limits.maxSkippedBytes() + " bytes (at " + entry.getName() + ")");
					}
					continue;
				}
				if (++entries > limits.maxEntries()) {
					throw new ArchiveTooLargeException("more than " + limits.maxEntries() + " entries");
				}
				int mode = entry.getMode() & 07777;
				refuseThroughLinks(context, entry.getName(), path, entry.isSymbolicLink());
				if (entry.isDirectory()) {
					context.put(ContextFile.directory(path, mode));
				}
				else if (entry.isSymbolicLink()) {
					context.put(ContextFile.symlink(path, linkTarget(entry.getName(), path, entry.getLinkName())));
				}
				else if (entry.isLink()) {
					// the link costs what it links to, as it would on disk once built
					// one file under two names, with the mode of the file it names;
					// written back out
					// it is a link again
					ContextFile original = hardLinked(context, entry, select);
					if (original.content().length > limits.maxTotalBytes() - total) {
						throw new ArchiveTooLargeException("the context unpacks to more than the allowed total size");
					}
					total += original.content().length;
					context.put(ContextFile.file(path, original.mode(), original.content()));
				}
				else if (entry.isFile() && !entry.isCharacterDevice() && !entry.isBlockDevice() && !entry.isFIFO()) {
					byte[] content = readEntry(tar, limits.maxTotalBytes() - total);
					total += content.length;
					context.put(ContextFile.file(path, mode, content));
				}
				else {
					throw new UnsafeArchiveException(entry.getName(),
							"devices, fifos and other special files" + " do not belong in a build context");
				}
			}
		}
		catch (ZipException ex) {
			throw new BadContextException("not a gzip-compressed tar archive: " + ex.getMessage(), ex);
		}
		catch (EOFException ex) {
			throw new BadContextException("the archive is empty or ends early: it looks truncated", ex);
		}
		catch (IOException ex) {
			if (ex.getCause() instanceof IllegalArgumentException) {
				// the tar reader's word for a header it cannot parse
				throw new BadContextException("not a tar archive inside the gzip: " + ex.getMessage(), ex);
			}
			throw ex;
		}
		return context;
	}

	/**
	 * Writes the context as {@code .tar.gz}. Files that share their content, as the hard
	 * links of a read archive do, are written once and linked after that, so an answer is
	 * no larger than what was sent.
	 */
	public static void write(BuildContext context, OutputStream out) throws IOException {
		GZIPOutputStream gzip = new GZIPOutputStream(out);
		TarArchiveOutputStream tar = new TarArchiveOutputStream(gzip);
		tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
		Map<byte[], ContextFile> written = new IdentityHashMap<>();
		for (ContextFile file : context.files()) {
			ContextFile original = file.kind() == ContextFile.Kind.FILE && file.content().length > 0
					? written.putIfAbsent(file.content(), file) : null;
			boolean linked = original != null && original.mode() == file.mode();
			TarArchiveEntry entry = linked ? hardLink(file.path(), original.path()) : switch (file.kind()) {
				case DIRECTORY -> new TarArchiveEntry(file.path() + "/");
				case SYMLINK -> {
					TarArchiveEntry link = new TarArchiveEntry(file.path(), TarArchiveEntry.LF_SYMLINK);
					link.setLinkName(file.linkTarget());
					yield link;
				}
				case FILE -> {
					TarArchiveEntry regular = new TarArchiveEntry(file.path());
					regular.setSize(file.content().length);
					yield regular;
				}
			};
			entry.setMode((entry.getMode() & ~07777) | file.mode());
			// fixed times make the same context give the same archive, and so the same
			// digest
			entry.setModTime(0);
			tar.putArchiveEntry(entry);
			if (file.kind() == ContextFile.Kind.FILE && !linked) {
				tar.write(file.content());
			}
			tar.closeArchiveEntry();
		}
		tar.finish();
		gzip.finish();
		out.flush();
	}

	private static TarArchiveEntry hardLink(String path, String target) {
		TarArchiveEntry link = new TarArchiveEntry(path, TarArchiveEntry.LF_LINK);
		link.setLinkName(target);
		return link;
	}

	/**
	 * Whether a symbolic link at {@code path} pointing to {@code target} stays inside the
	 * context rooted where {@code path} is relative to; used when a context is cut out of
	 * a larger tree.
	 */
	public static boolean linkStaysInside(String path, String target) {
		try {
			linkTarget(path, path, target);
			return true;
		}
		catch (UnsafeArchiveException ex) {
			return false;
		}
	}

	/** The normalised relative path of name, or a refusal when it leaves the context. */
	static String insidePath(String entry, String name) {
		if (name.startsWith("/") || name.matches("^[A-Za-z]:[\\\\/].*")) {
			throw new UnsafeArchiveException(entry, "absolute path \"" + name + "\"");
		}
		Deque<String> parts = new ArrayDeque<>();
		for (String part : name.replace('\\', '/').split("/")) {
			if (part.isEmpty() || part.equals(".")) {
				continue;
			}
			if (part.equals("..")) {
				if (parts.isEmpty()) {
					throw new UnsafeArchiveException(entry, "\"" + name + "\" climbs out of the context");
				}
				parts.removeLast();
			}
			else {
				parts.addLast(part);
			}
		}
		return String.join("/", parts);
	}

	/**
	 * Refuses an entry that sits beneath a symbolic link, or a link that would have
	 * entries beneath it: each link's target is checked from where its path says it sits,
	 * which only holds while no parent of that path is itself a link ({@code a/l -> ..}
	 * then {@code a/l/l2 -> ..} climbs out). Both orders are checked.
	 */
	static void refuseThroughLinks(BuildContext context, String entry, String path, boolean isLink) {
		for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
			String parent = path.substring(0, slash);
			if (context.get(parent).filter(f -> f.kind() == ContextFile.Kind.SYMLINK).isPresent()) {
				throw new UnsafeArchiveException(entry, "\"" + path + "\" lies beneath the symbolic link \"" + parent
						+ "\"; entries are not placed through links");
			}
		}
		if (isLink && context.hasEntriesBeneath(path)) {
			throw new UnsafeArchiveException(entry,
					"symbolic link \"" + path + "\" would hide entries already beneath it");
		}
	}

	private static ContextFile hardLinked(BuildContext context, TarArchiveEntry entry, UnaryOperator<String> select) {
		String target = select.apply(insidePath(entry.getName(), entry.getLinkName()));
		return Optional.ofNullable(target)
			.flatMap(context::get)
			.filter(file -> file.kind() == ContextFile.Kind.FILE)
			.orElseThrow(() -> new UnsafeArchiveException(entry.getName(),
					"hard link to \"" + entry.getLinkName() + "\", which is not an earlier file"));
	}

	private static String linkTarget(String entry, String path, String target) {
		if (target.startsWith("/")) {
			throw new UnsafeArchiveException(entry, "symbolic link to the absolute path \"" + target + "\"");
		}
		int slash = path.lastIndexOf('/');
		String resolvedFrom = slash < 0 ? target : path.substring(0, slash) + "/" + target;
		try {
			insidePath(entry, resolvedFrom);
		}
		catch (UnsafeArchiveException ex) {
			throw new UnsafeArchiveException(entry, "symbolic link to \"" + target + "\" points outside the context");
		}
		return target;
	}

	private static byte[] readEntry(InputStream in, long allowance) throws IOException {
		ByteArrayOutputStream content = new ByteArrayOutputStream();
		byte[] buffer = new byte[16384];
		for (int n; (n = in.read(buffer)) != -1;) {
			CpuBudget.check();
			if (content.size() + (long) n > allowance) {
				throw new ArchiveTooLargeException("the context unpacks to more than the allowed total size");
			}
			content.write(buffer, 0, n);
		}
		return content.toByteArray();
	}

}
