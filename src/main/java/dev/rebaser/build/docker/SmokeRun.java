package dev.rebaser.build.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.WaitContainerResultCallback;
import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one command in a fresh container of an image to see that the image works, without
 * any network, and removes the container afterwards whatever happened.
 */
public final class SmokeRun {

	static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

	private final DockerClient docker;

	private final Duration timeout;

	public SmokeRun(DockerClient docker) {
		this(docker, DEFAULT_TIMEOUT);
	}

	public SmokeRun(DockerClient docker, Duration timeout) {
		this.docker = docker;
		this.timeout = timeout;
	}

	/**
	 * Runs command in a container of image, after the image's ENTRYPOINT if it has one.
	 */
	public SmokeResult run(String image, String... command) {
		return run(docker.createContainerCmd(image).withCmd(command), image, command);
	}

	/**
	 * Runs command itself in a container of image, whatever ENTRYPOINT the image sets.
	 */
	public SmokeResult runInsteadOfEntrypoint(String image, String... command) {
		return run(docker.createContainerCmd(image).withEntrypoint(command).withCmd(List.of()), image, command);
	}

	private SmokeResult run(CreateContainerCmd create, String image, String... command) {
		String id = create.withHostConfig(HostConfig.newHostConfig().withNetworkMode("none")).exec().getId();
		try {
			docker.startContainerCmd(id).exec();
			int exit;
			try {
				exit = docker.waitContainerCmd(id)
					.exec(new WaitContainerResultCallback())
					.awaitStatusCode(timeout.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (DockerClientException e) {
				throw new IllegalStateException("`" + String.join(" ", command) + "` in " + image
						+ " did not end within " + timeout + "; output so far:\n" + output(id), e);
			}
			return new SmokeResult(exit, output(id));
		}
		finally {
			remove(id);
		}
	}

	private String output(String id) {
		StringBuilder out = new StringBuilder();
		try {
			docker.logContainerCmd(id)
				.withStdOut(true)
				.withStdErr(true)
				.withFollowStream(false)
				.exec(new ResultCallback.Adapter<Frame>() {
					@Override
					public void onNext(Frame frame) {
						synchronized (out) {
							out.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
						}
					}
				})
				.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		synchronized (out) {
			return out.toString();
		}
	}

	private void remove(String id) {
		try {
			docker.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
		}
		catch (NotFoundException e) {
			// already gone
		}
	}

}
