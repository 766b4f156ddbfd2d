package dev.rebaser.context;

import dev.rebaser.budget.CpuBudget;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Build contexts on disk: reading one image's folder, and writing a context out to a
 * folder.
 */
public final class ContextDirectory {

	private ContextDirectory() {
	}

	/**
	 * Reads a folder as a build context, held to the same rules as an uploaded archive:
	 * the limits on entries and total bytes (a file's size is checked before it is read),
	 * no devices, fifos or sockets, and no symbolic link leading out of the folder. Links
	 * are kept as links, never followed.
	 */
	public static BuildContext read(Path folder, ArchiveLimits limits) throws IOException {
		return read(folder, limits, relative -> false);
	}

	/**
	 * As {@link #read(Path, ArchiveLimits)}, leaving out (and not counting) every entry
	 * whose relative path {@code skip} accepts, and everything beneath it, unvisited.
	 */
	public static BuildContext read(Path folder, ArchiveLimits limits, Predicate<String> skip) throws IOException {
		Path root = folder.toRealPath();
		List<Path> paths = walk(root, folder, limits, skip);
		BuildContext context = new BuildContext();
		long total = 0;
		for (Path path : paths) {
			String relative = relative(root, path);
			BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class,
					LinkOption.NOFOLLOW_LINKS);
			if (attributes.isSymbolicLink()) {
				context.put(ContextFile.symlink(relative, linkInside(root, path, relative)));
			}
			else if (attributes.isDirectory()) {
				context.put(ContextFile.directory(relative, mode(path)));
			}
			else if (attributes.isRegularFile()) {
				long allowance = limits.maxTotalBytes() - total;
				if (attributes.size() > allowance) {
					throw tooLarge(folder, relative, limits);
				}
				byte[] content = readBounded(path, allowance, () -> tooLarge(folder, relative, limits));
				total += content.length;
				context.put(ContextFile.file(relative, mode(path), content));
			}
			else {
				throw new UnsafeArchiveException(relative,
						"devices, fifos, sockets and other special files do not belong in a build context");
			}
		}
		return context;
	}

	/**
	 * The folder at a relative path inside root, read as
	 * {@link #read(Path, ArchiveLimits)} does; refused when, through a link on the way,
	 * it is really somewhere outside root.
	 */
	public static BuildContext readInside(Path root, String relative, ArchiveLimits limits) throws IOException {
		return read(inside(root, relative), limits);
	}

	/**
	 * The regular file at a relative path inside root, if there is one; refused when it
	 * is really outside root or larger than maxBytes.
	 */
	public static Optional<byte[]> fileInside(Path root, String relative, long maxBytes) throws IOException {
		Path path = root.resolve(relative);
		if (!Files.isRegularFile(path)) {
			return Optional.empty();
		}
		Path real = inside(root, relative);
		if (Files.size(real) > maxBytes) {
			throw new ArchiveTooLargeException(relative + " is larger than the allowed " + maxBytes + " bytes");
		}
		return Optional.of(readBounded(real, maxBytes,
				() -> new ArchiveTooLargeException(relative + " is larger than the allowed " + maxBytes + " bytes")));
	}

	private static Path inside(Path root, String relative) throws IOException {
		Path realRoot = root.toRealPath();
		Path real = root.resolve(relative).toRealPath();
		if (!real.startsWith(realRoot)) {
			throw new UnsafeArchiveException(relative, "leads through a link to " + real + ", outside " + root);
		}
		return real;
	}

	/**
	 * The entries beneath root in order, at most the limit's number: the walk stops at
	 * the first one past it instead of listing a huge folder first.
	 */
	private static List<Path> walk(Path root, Path folder, ArchiveLimits limits, Predicate<String> skip)
			throws IOException {
		List<Path> paths = new ArrayList<>();
		Files.walkFileTree(root, new SimpleFileVisitor<>() {
			@Override
			public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
				if (dir.equals(root)) {
					return FileVisitResult.CONTINUE;
				}
				return add(dir) ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
			}

			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
				add(file);
				return FileVisitResult.CONTINUE;
			}

			private boolean add(Path path) {
				CpuBudget.check();
				String relative = relative(root, path);
				if (skip.test(relative)) {
					return false;
				}
				if (paths.size() == limits.maxEntries()) {
					throw new ArchiveTooLargeException("the folder " + folder + " has more than " + limits.maxEntries()
							+ " entries (at \"" + relative + "\")");
				}
				paths.add(path);
				return true;
			}
		});
		paths.sort(null);
		return paths;
	}

	private static String relative(Path root, Path path) {
		return root.relativize(path).toString().replace('\\', '/');
	}

	/**
	 * A link's target, when it stays inside the folder both as written and, for a target
	 * that exists, once every link on the way is resolved (so a chain of links that each
	 * look harmless cannot lead out).
	 */
	private static String linkInside(Path root, Path link, String relative) throws IOException {
		String target = Files.readSymbolicLink(link).toString();
		if (!ContextArchive.linkStaysInside(relative, target)) {
			throw new UnsafeArchiveException(relative, "symbolic link to \"" + target + "\" points outside the folder");
		}
		if (Files.exists(link) && !link.toRealPath().startsWith(root)) {
			throw new UnsafeArchiveException(relative, "symbolic link to \"" + target
					+ "\" leads, through other links, to " + link.toRealPath() + ", outside the folder");
		}
		return target;
	}

	private static ArchiveTooLargeException tooLarge(Path folder, String relative, ArchiveLimits limits) {
		return new ArchiveTooLargeException("the folder " + folder + " holds more than the allowed total of "
				+ limits.maxTotalBytes() + " bytes (at \"" + relative + "\")");
	}

	/** Reads at most allowance bytes, so a file growing while it is read cannot pass. */
	private static byte[] readBounded(Path path, long allowance, Supplier<ArchiveTooLargeException> tooLarge)
			throws IOException {
		try (InputStream in = Files.newInputStream(path, LinkOption.NOFOLLOW_LINKS)) {
			ByteArrayOutputStream content = new ByteArrayOutputStream();
			byte[] buffer = new byte[16384];
			for (int n; (n = in.read(buffer)) != -1;) {
				if (content.size() + (long) n > allowance) {
					throw tooLarge.get();
				}
				content.write(buffer, 0, n);
			}
			return content.toByteArray();
		}
	}

	public static void write(BuildContext context, Path folder) throws IOException {
		Files.createDirectories(folder);
		for (ContextFile file : context.files()) {
			Path target = folder.resolve(ContextArchive.insidePath(file.path(), file.path()));
			Files.createDirectories(target.getParent());
			switch (file.kind()) {
				case DIRECTORY -> Files.createDirectories(target);
				case SYMLINK -> {
					Files.deleteIfExists(target);
					Files.createSymbolicLink(target, Path.of(file.linkTarget()));
				}
				case FILE -> {
					Files.write(target, file.content());
					setMode(target, file.mode());
				}
			}
		}
	}

	private static int mode(Path path) throws IOException {
		try {
			int mode = 0;
			for (PosixFilePermission permission : Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS)) {
				mode |= 1 << (8 - permission.ordinal());
			}
			return mode;
		}
		catch (UnsupportedOperationException notPosix) {
			return Files.isDirectory(path) ? 0755 : 0644;
		}
	}

	private static void setMode(Path path, int mode) throws IOException {
		try {
			Set<PosixFilePermission> permissions = java.util.EnumSet.noneOf(PosixFilePermission.class);
			for (PosixFilePermission permission : PosixFilePermission.values()) {
				if ((mode & (1 << (8 - permission.ordinal()))) != 0) {
					permissions.add(permission);
				}
			}
			Files.setPosixFilePermissions(path, permissions);
		}
		catch (UnsupportedOperationException notPosix) {
			// the content is what matters on such file systems
		}
	}

}
