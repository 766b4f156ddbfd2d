package dev.rebaser.build.base;

import dev.rebaser.build.docker.Processes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Bootstrapped root file systems kept between runs, one folder per suite and Debian
 * architecture ({@code <cache>/bookworm-mips64el}), since making one under emulation
 * takes minutes.
 *
 * <p>
 * A stamp file beside the folder marks it complete, so an interrupted debootstrap is
 * never mistaken for a finished one. A folder without a stamp that debootstrap visibly
 * finished (it deletes its own {@code debootstrap/} working folder last) is adopted and
 * stamped.
 */
public final class RootfsCache {

	private final Path dir;

	public RootfsCache(Path dir) {
		this.dir = dir;
	}

	public Path rootfs(String suite, Architecture arch) {
		return dir.resolve(suite + "-" + arch.debian());
	}

	public Path stamp(String suite, Architecture arch) {
		return dir.resolve(suite + "-" + arch.debian() + ".complete");
	}

	public Path log(String suite, Architecture arch) {
		return dir.resolve(suite + "-" + arch.debian() + ".log");
	}

	public boolean isComplete(String suite, Architecture arch) {
		if (Files.isRegularFile(stamp(suite, arch))) {
			return true;
		}
		if (finishedByDebootstrap(rootfs(suite, arch))) {
			markComplete(suite, arch);
			return true;
		}
		return false;
	}

	public static boolean finishedByDebootstrap(Path rootfs) {
		return Files.isDirectory(rootfs) && !Files.exists(rootfs.resolve("debootstrap"))
				&& Files.isRegularFile(rootfs.resolve("var/lib/dpkg/status"))
				&& Files.exists(rootfs.resolve("bin/sh"), java.nio.file.LinkOption.NOFOLLOW_LINKS);
	}

	public void markComplete(String suite, Architecture arch) {
		try {
			Files.writeString(stamp(suite, arch), Instant.now() + "\n");
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * When the rootfs was finished: the time its image is said to be created, so
	 * reloading gives the same image id.
	 */
	public Instant completedAt(String suite, Architecture arch) {
		try {
			return Files.getLastModifiedTime(stamp(suite, arch)).toInstant();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * Removes what an interrupted run left behind, so that debootstrap starts on an empty
	 * folder.
	 */
	public void discard(String suite, Architecture arch) {
		discardFolder(rootfs(suite, arch));
	}

	public void discardFolder(Path folder) {
		if (Files.exists(folder, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
			// rm knows device nodes and read-only folders; a rootfs holds both.
			Processes.run(java.util.List.of("rm", "-rf", "--one-file-system", folder.toString()),
					dir.resolve("discard.log"));
		}
	}

}
