package dev.rebaser.build.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.BuildImageCmd;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.BuildResponseItem;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Builds an image with the daemon's classic builder (docker-java cannot drive BuildKit).
 *
 * <p>
 * Builds use the host's network, since dockerd runs without a bridge, and never pull: no
 * registry is reachable, so every {@code FROM} names an image the daemon already has.
 */
public final class ImageBuild {

	private final DockerClient docker;

	public ImageBuild(DockerClient docker) {
		this.docker = docker;
	}

	public BuildOutcome build(BuildRequest request) {
		return build(request, text -> {
		});
	}

	/** Builds, handing each piece of the build's output to log as the daemon sends it. */
	public BuildOutcome build(BuildRequest request, Consumer<String> log) {
		Instant start = Instant.now();
		BuildStream stream = new BuildStream(log);
		ResultCallback.Adapter<BuildResponseItem> callback = new ResultCallback.Adapter<>() {
			@Override
			public void onNext(BuildResponseItem item) {
				stream.accept(item);
			}
		};
		try {
			command(request).exec(callback).awaitCompletion();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			// closing the stream makes the daemon stop the build and remove its step's
			// container
			closeQuietly(callback);
			throw new BuildFailedException(stream.log(), "interrupted while building", e);
		}
		catch (DockerException e) {
			// The daemon refused the build before streaming (a bad Dockerfile, a missing
			// base image).
			stream.broken(e);
			throw new BuildFailedException(stream.log(), "the daemon refused the build: " + e.getMessage(), e);
		}
		catch (RuntimeException e) {
			stream.broken(e);
			throw new BuildFailedException(stream.log(), "the build stream broke: " + e.getMessage(), e);
		}
		if (stream.error().isPresent()) {
			throw new BuildFailedException(stream.log(), stream.error().get());
		}
		String imageId = stream.imageId()
			.orElseThrow(() -> new BuildFailedException(stream.log(), "the build ended without naming an image"));
		InspectImageResponse image = docker.inspectImageCmd(imageId).exec();
		if (!request.expectedArchitecture().equals(image.getArch())) {
			throw new WrongArchitectureException(stream.log(), "the image was built for " + image.getArch() + ", not "
					+ request.expectedArchitecture() + "; the base image decides the architecture");
		}
		return new BuildOutcome(imageId, stream.log(), image.getArch(), Duration.between(start, Instant.now()));
	}

	private BuildImageCmd command(BuildRequest request) {
		BuildImageCmd cmd = docker.buildImageCmd()
			.withNetworkMode("host")
			.withPull(false)
			.withRemove(true)
			.withForcerm(true)
			.withNoCache(request.noCache())
			.withTags(request.tags());
		if (request.contextDir() != null) {
			cmd.withBaseDirectory(request.contextDir().toFile())
				.withDockerfile(request.contextDir().resolve(request.dockerfile()).toFile());
		}
		else {
			cmd.withTarInputStream(request.contextTar()).withDockerfilePath(request.dockerfile());
		}
		request.buildArgs().forEach(cmd::withBuildArg);
		return cmd;
	}

	private static void closeQuietly(java.io.Closeable callback) {
		try {
			callback.close();
		}
		catch (java.io.IOException | RuntimeException ignored) {
			// the connection is gone either way
		}
	}

}
