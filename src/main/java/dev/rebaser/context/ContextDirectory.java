package dev.rebaser.context;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Build contexts on disk: reading one image's folder, and writing a context out to a
 * folder.
 */
public final class ContextDirectory {

	private ContextDirectory() {
	}

	public static BuildContext read(Path folder) throws IOException {
		BuildContext context = new BuildContext();
		List<Path> paths;
		try (Stream<Path> walk = Files.walk(folder)) {
			paths = walk.filter(p -> !p.equals(folder)).sorted().toList();
		}
		for (Path path : paths) {
			String relative = folder.relativize(path).toString().replace('\\', '/');
			if (Files.isSymbolicLink(path)) {
				context.put(ContextFile.symlink(relative, Files.readSymbolicLink(path).toString()));
			}
			else if (Files.isDirectory(path)) {
				context.put(ContextFile.directory(relative, mode(path)));
			}
			else if (Files.isRegularFile(path)) {
				context.put(ContextFile.file(relative, mode(path), Files.readAllBytes(path)));
			}
		}
		return context;
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
