package dev.rebaser.build;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.rebaser.build.docker.BuildOutcome;
import dev.rebaser.build.docker.BuildRequest;
import dev.rebaser.build.docker.DockerClients;
import dev.rebaser.build.docker.DockerHost;
import dev.rebaser.build.docker.DockerUnavailableException;
import dev.rebaser.build.docker.ImageBuild;
import dev.rebaser.build.queue.BuildJob;
import dev.rebaser.build.queue.InputDigest;
import dev.rebaser.build.queue.LogSink;
import dev.rebaser.context.BuildContext;
import dev.rebaser.context.ContextArchive;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds jobs on one Docker daemon through {@link ImageBuild}. The client is made on
 * first use and dropped when the daemon stops answering, so a daemon that comes back
 * (perhaps with another API version) is found again.
 */
public final class DockerBuildExecutor implements BuildExecutor {

	private final DockerHost host;

	private final ContextSource source;

	private DockerClient docker;

	public DockerBuildExecutor(DockerHost host, ContextSource source) {
		this.host = host;
		this.source = source;
	}

	@Override
	public void probe() {
		DockerClient client = client();
		try {
			client.pingCmd().exec();
		}
		catch (RuntimeException e) {
			drop(client);
			throw new DockerUnavailableException("the Docker daemon at " + host.uri() + " does not answer: " + e, e);
		}
	}

	@Override
	public String inputDigest(BuildJob job) {
		byte[] archive = archive(job);
		List<String> baseIds = new ArrayList<>();
		for (String base : source.baseImages(job)) {
			baseIds.add(base + "@" + imageIdOf(base));
		}
		return InputDigest.of(archive, source.dockerfile(job), source.buildArgs(job),
				String.join(",", source.tags(job)), job.getArch(), baseIds);
	}

	@Override
	public boolean hasImage(String imageId) {
		return !imageIdOf(imageId).equals("missing");
	}

	@Override
	public BuildOutcome build(BuildJob job, LogSink log) {
		BuildRequest request = BuildRequest.ofTar(new ByteArrayInputStream(archive(job)), job.getArch())
			.withDockerfile(source.dockerfile(job));
		for (var arg : source.buildArgs(job).entrySet()) {
			request = request.withBuildArg(arg.getKey(), arg.getValue());
		}
		for (String tag : source.tags(job)) {
			request = request.withTag(tag);
		}
		if (job.isForce()) {
			// a forced rebuild is a rebuild from scratch: every step runs again, fetching
			// packages anew
			request = request.withoutCache();
		}
		return new ImageBuild(client()).build(request, log::append);
	}

	private String imageIdOf(String reference) {
		DockerClient client = client();
		try {
			return client.inspectImageCmd(reference).exec().getId();
		}
		catch (NotFoundException e) {
			return "missing";
		}
		catch (RuntimeException e) {
			drop(client);
			throw new DockerUnavailableException("the Docker daemon at " + host.uri() + " does not answer: " + e, e);
		}
	}

	/**
	 * The context as the daemon receives it: a gzip-compressed tar, which the build API
	 * accepts as is.
	 */
	private byte[] archive(BuildJob job) {
		try {
			BuildContext context = source.contextFor(job);
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			ContextArchive.write(context, bytes);
			return bytes.toByteArray();
		}
		catch (IOException | RuntimeException e) {
			throw new ContextUnavailableException("no build context for " + job.getImageKey() + ": " + e.getMessage(),
					e);
		}
	}

	private synchronized DockerClient client() {
		if (docker == null) {
			docker = DockerClients.connect(host);
		}
		return docker;
	}

	private synchronized void drop(DockerClient client) {
		if (docker == client) {
			docker = null;
			try {
				client.close();
			}
			catch (IOException | RuntimeException ignored) {
				// the connection is gone already
			}
		}
	}

}
