package dev.rebaser.build.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.SaveImagesCmd;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Supplier;

/**
 * Writes images out as {@code docker save} does, so that {@code docker load} on another
 * daemon (or this one, later) restores them with their tags. The archive is copied
 * through a small buffer: a rebuilt image is hundreds of megabytes.
 */
public final class ImageExport {

	private final DockerClient docker;

	public ImageExport(DockerClient docker) {
		this.docker = docker;
	}

	/** Saves one image, named by reference ({@code repo:tag}) or id, to {@code out}. */
	public void save(String imageRef, OutputStream out) {
		requirePresent(imageRef);
		copy(() -> docker.saveImageCmd(imageRef).exec(), imageRef, out);
	}

	/**
	 * Saves several images into one archive that restores every one of the references.
	 */
	public void saveAll(List<String> references, OutputStream out) {
		if (references.isEmpty()) {
			throw new IllegalArgumentException("an archive of images needs at least one reference");
		}
		// Asking first names the missing reference; the daemon's own refusal does not
		// always.
		references.forEach(this::requirePresent);
		SaveImagesCmd command = docker.saveImagesCmd();
		for (String reference : references) {
			ImageReference parts = ImageReference.split(reference);
			command.withImage(parts.name(), parts.tag());
		}
		copy(command::exec, String.join(", ", references), out);
	}

	private void requirePresent(String reference) {
		try {
			docker.inspectImageCmd(reference).exec();
		}
		catch (NotFoundException e) {
			throw new ImageNotFoundException(reference);
		}
		catch (DockerException e) {
			throw e;
		}
		catch (RuntimeException e) {
			throw unavailable(e);
		}
	}

	private void copy(Supplier<InputStream> save, String what, OutputStream out) {
		InputStream archive;
		try {
			archive = save.get();
		}
		catch (NotFoundException e) {
			// removed between the check and the save
			throw new ImageNotFoundException(what);
		}
		catch (DockerException e) {
			throw e;
		}
		catch (RuntimeException e) {
			throw unavailable(e);
		}
		try (archive) {
			byte[] buffer = new byte[64 * 1024];
			while (true) {
				int read;
				try {
					read = archive.read(buffer);
				}
				catch (IOException e) {
					throw new DockerUnavailableException(
							"the Docker daemon broke off the archive of " + what + ": " + e, e);
				}
				if (read < 0) {
					return;
				}
				out.write(buffer, 0, read);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("could not write the archive of " + what, e);
		}
	}

	private static DockerUnavailableException unavailable(RuntimeException e) {
		return new DockerUnavailableException("no Docker daemon answers: " + e, e);
	}

	/**
	 * docker-java's multi-image save takes name and tag apart and joins them with a colon
	 * again, so splitting at the last colon after the last slash gives back any reference
	 * unchanged: {@code repo:tag}, an id {@code sha256:…} or {@code repo@sha256:…}. A
	 * bare name means {@code latest}, as everywhere in Docker.
	 */
	public record ImageReference(String name, String tag) {

		public static ImageReference split(String reference) {
			int colon = reference.lastIndexOf(':');
			if (colon > reference.lastIndexOf('/')) {
				return new ImageReference(reference.substring(0, colon), reference.substring(colon + 1));
			}
			return new ImageReference(reference, "latest");
		}

		public String joined() {
			return name + ":" + tag;
		}
	}

}
