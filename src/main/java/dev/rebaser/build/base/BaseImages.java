package dev.rebaser.build.base;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.rebaser.build.docker.DockerUnavailableException;

/** Looks at the base images one build host's daemon holds. */
public final class BaseImages {

	private final DockerClient docker;

	private final String hostName;

	public BaseImages(DockerClient docker, String hostName) {
		this.docker = docker;
		this.hostName = hostName;
	}

	/**
	 * What the daemon holds under {@code reference}, judged for {@code arch} (Docker's
	 * name, e.g. mips64le).
	 */
	public BaseImageStatus status(String reference, String suite, String arch) {
		InspectImageResponse image;
		try {
			image = docker.inspectImageCmd(reference).exec();
		}
		catch (NotFoundException e) {
			return BaseImageStatus.absent(hostName, reference, suite, arch);
		}
		catch (DockerException e) {
			throw e;
		}
		catch (RuntimeException e) {
			throw new DockerUnavailableException("the Docker daemon of " + hostName + " does not answer: " + e, e);
		}
		return new BaseImageStatus(hostName, reference, suite, arch, true, image.getId(), image.getArch());
	}

}
