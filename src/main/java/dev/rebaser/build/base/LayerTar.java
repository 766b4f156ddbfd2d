package dev.rebaser.build.base;

import dev.rebaser.build.docker.Processes;
import java.nio.file.Path;
import java.util.List;

/**
 * Packs a root file system into an uncompressed layer tar with the system's GNU tar,
 * which knows device nodes, hard links and numeric owners better than any Java library.
 */
public final class LayerTar {

	/**
	 * Contents that do not belong in an image: the kernel's and Docker's mounts fill
	 * /dev, /proc and /sys at run time, and the packages debootstrap downloaded are
	 * already installed.
	 */
	static final List<String> EXCLUDED = List.of("./dev/*", "./proc/*", "./sys/*", "./var/cache/apt/archives/*.deb");

	private LayerTar() {
	}

	public static void create(Path rootfs, Path target, Path log) {
		List<String> command = new java.util.ArrayList<>(List.of("tar", "--numeric-owner", "--sort=name", "--anchored",
				"-C", rootfs.toString(), "-cf", target.toString()));
		EXCLUDED.forEach(pattern -> command.add("--exclude=" + pattern));
		command.add(".");
		Processes.run(command, log);
	}

}
