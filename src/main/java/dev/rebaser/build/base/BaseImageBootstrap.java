package dev.rebaser.build.base;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.rebaser.build.docker.ImageLoad;
import dev.rebaser.build.docker.Processes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Makes a Debian base image that no registry serves any more: debootstrap a minbase
 * rootfs for the target architecture (kept in a cache folder), pack it as a
 * {@code docker save} archive whose config states the architecture, and load it into the
 * daemon under a reference such as {@code debian:bookworm-slim}.
 */
public final class BaseImageBootstrap {

	private final DockerClient docker;

	private final RootfsCache cache;

	private final Path cacheDir;

	private final URI mirror;

	public BaseImageBootstrap(DockerClient docker, Path cacheDir, URI mirror) {
		this.docker = docker;
		this.cacheDir = cacheDir;
		this.cache = new RootfsCache(cacheDir);
		this.mirror = mirror;
	}

	/**
	 * Ensures the daemon has {@code reference} as a {@code suite} image for
	 * {@code dockerArch} (e.g. mips64le).
	 */
	public BaseImage ensure(String suite, String dockerArch, String reference) {
		return ensure(suite, dockerArch, reference, false);
	}

	/**
	 * As {@link #ensure(String, String, String)}; {@code force} reloads the image even if
	 * the daemon has it. Calls are serialized: two runs of debootstrap into one folder
	 * would spoil it.
	 */
	public synchronized BaseImage ensure(String suite, String dockerArch, String reference, boolean force) {
		Architecture arch = Architecture.ofDocker(dockerArch);
		if (!force) {
			Optional<InspectImageResponse> present = inspect(reference);
			if (present.isPresent() && arch.docker().equals(present.get().getArch())) {
				return new BaseImage(reference, present.get().getId(), present.get().getArch(), false);
			}
		}
		Path rootfs = rootfs(suite, arch);
		pointAptAtMirror(rootfs, suite);
		load(pack(rootfs, suite, arch, reference), cache.log(suite, arch));

		InspectImageResponse loaded = inspect(reference)
			.orElseThrow(() -> new IllegalStateException("the daemon did not tag the loaded image as " + reference));
		if (!arch.docker().equals(loaded.getArch())) {
			throw new IllegalStateException(
					reference + " was loaded as " + loaded.getArch() + ", not " + arch.docker());
		}
		return new BaseImage(reference, loaded.getId(), loaded.getArch(), true);
	}

	/**
	 * The cached rootfs of a suite, made by debootstrap first if the cache has no
	 * complete one.
	 */
	public Path rootfs(String suite, Architecture arch) {
		Path rootfs = cache.rootfs(suite, arch);
		if (cache.isComplete(suite, arch)) {
			return rootfs;
		}
		try {
			Files.createDirectories(cacheDir);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		cache.discard(suite, arch);
		Processes.run(debootstrap(arch, suite, rootfs), cache.log(suite, arch));
		cache.markComplete(suite, arch);
		return rootfs;
	}

	public List<String> debootstrap(Architecture arch, String suite, Path rootfs) {
		return List.of("debootstrap", "--arch=" + arch.debian(), "--variant=minbase", suite, rootfs.toString(),
				mirror.toString());
	}

	/**
	 * debootstrap already writes a sources.list, but a cached rootfs may come from
	 * another mirror; builds on the image must fetch packages from the one configured
	 * now.
	 */
	private void pointAptAtMirror(Path rootfs, String suite) {
		Path list = rootfs.resolve("etc/apt/sources.list");
		String wanted = "deb " + mirror + " " + suite + " main\n";
		try {
			if (!Files.isRegularFile(list) || !Files.readString(list).equals(wanted)) {
				Files.writeString(list, wanted);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private ImageArchive pack(Path rootfs, String suite, Architecture arch, String reference) {
		Path work = cacheDir.resolve(suite + "-" + arch.debian() + ".image");
		cache.discardFolder(work);
		Path layer = cacheDir.resolve(suite + "-" + arch.debian() + ".layer.tar");
		LayerTar.create(rootfs, layer, cache.log(suite, arch));
		String createdBy = "debootstrap --arch=" + arch.debian() + " --variant=minbase " + suite + " / " + mirror;
		return ImageArchive.write(work, layer, arch, reference, createdBy, cache.completedAt(suite, arch));
	}

	private void load(ImageArchive archive, Path log) {
		List<String> command = new ArrayList<>(List.of("tar", "-C", archive.dir().toString(), "-cf", "-"));
		command.addAll(archive.members());
		try {
			Process tar = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
				.start();
			try (InputStream stream = tar.getInputStream()) {
				new ImageLoad(docker).load(stream);
			}
			if (tar.waitFor() != 0) {
				throw new IllegalStateException(
						"tar could not pack " + archive.dir() + "; end of " + log + ":\n" + Processes.tail(log));
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while loading " + archive.dir(), e);
		}
		finally {
			cache.discardFolder(archive.dir());
		}
	}

	private Optional<InspectImageResponse> inspect(String reference) {
		try {
			return Optional.of(docker.inspectImageCmd(reference).exec());
		}
		catch (NotFoundException e) {
			return Optional.empty();
		}
	}

}
