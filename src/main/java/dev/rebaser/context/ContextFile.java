package dev.rebaser.context;

/**
 * One entry of a build context: a regular file, a directory or a symbolic link, with its
 * Unix mode. Paths are relative, normalised, and use '/'.
 */
public record ContextFile(String path, Kind kind, int mode, byte[] content, String linkTarget) {

	public enum Kind {

		FILE, DIRECTORY, SYMLINK

	}

	public static ContextFile file(String path, int mode, byte[] content) {
		return new ContextFile(path, Kind.FILE, mode, content, null);
	}

	public static ContextFile directory(String path, int mode) {
		return new ContextFile(path, Kind.DIRECTORY, mode, new byte[0], null);
	}

	public static ContextFile symlink(String path, String target) {
		return new ContextFile(path, Kind.SYMLINK, 0777, new byte[0], target);
	}

}
