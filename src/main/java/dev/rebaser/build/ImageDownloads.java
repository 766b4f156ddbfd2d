package dev.rebaser.build;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.rebaser.build.docker.DockerClients;
import dev.rebaser.build.docker.DockerHost;
import dev.rebaser.build.docker.ImageExport;
import dev.rebaser.build.queue.BuildJob;
import dev.rebaser.build.queue.BuildQueue;
import dev.rebaser.catalog.Catalog;
import dev.rebaser.catalog.CatalogImage;
import dev.rebaser.imports.CurrentCatalog;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Built images in {@code docker save} format: the image of an image's newest good build
 * with its Kubernetes tags, or all of them from one host. Before the download starts,
 * each tag is checked to still name the image its job built.
 */
@Component
public class ImageDownloads {

	private final CurrentCatalog catalog;

	private final BuildQueue queue;

	private final BuildHosts hosts;

	public ImageDownloads(CurrentCatalog catalog, BuildQueue queue, BuildHosts hosts) {
		this.catalog = catalog;
		this.queue = queue;
		this.hosts = hosts;
	}

	/** Checked tags on one host, to save as one archive. */
	public record Download(DockerHost host, List<String> tags, String fileName) {

		public void writeTo(OutputStream out) throws IOException {
			try (DockerClient docker = DockerClients.connect(host)) {
				new ImageExport(docker).saveAll(tags, out);
			}
		}

	}

	/**
	 * A good build to save: its job and the tags that must still name its image on the
	 * job's host.
	 */
	private record Saved(BuildJob job, List<String> tags) {
	}

	/**
	 * @throws ResponseStatusException 404 for no such image or no good build, 409 when
	 * the host no longer has the image under its tags
	 */
	public Download image(String id, String arch) {
		CatalogImage image = catalog.get()
			.image(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no image " + id + " in the catalog"));
		BuildJob job = goodBuild(image, arch).orElseThrow(
				() -> new ResponseStatusException(HttpStatus.NOT_FOUND, id + " has no good build for " + arch));
		return checked(List.of(new Saved(job, tags(image, arch))), id + "-linux-" + arch + ".tar");
	}

	/**
	 * @throws ResponseStatusException 404 when nothing is built for the arch, 409 when
	 * the builds are on several hosts or a host lost an image
	 */
	public Download all(String arch) {
		Catalog current = catalog.get();
		List<Saved> built = new ArrayList<>();
		for (String id : current.graph().order()) {
			CatalogImage image = current.image(id).orElseThrow();
			goodBuild(image, arch).ifPresent(job -> built.add(new Saved(job, tags(image, arch))));
		}
		if (built.isEmpty()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no image is built for " + arch);
		}
		long hostCount = built.stream().map(saved -> saved.job().getDockerHost()).distinct().count();
		if (hostCount > 1) {
			throw new ResponseStatusException(HttpStatus.CONFLICT,
					"the images for " + arch + " were built on " + hostCount + " hosts; download them one by one");
		}
		return checked(built, "images-linux-" + arch + ".tar");
	}

	private Optional<BuildJob> goodBuild(CatalogImage image, String arch) {
		return queue.latest(image.id(), arch).filter(job -> job.getState().isGoodParent() && job.getImageId() != null);
	}

	private static List<String> tags(CatalogImage image, String arch) {
		return image.referencesFor(arch);
	}

	/** Builds on one host, checked with one connection. */
	private Download checked(List<Saved> built, String fileName) {
		BuildJob first = built.get(0).job();
		DockerHost host = hosts.find(first.getDockerHost())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.CONFLICT, "job " + first.getId()
					+ " was built on " + first.getDockerHost() + ", which is no longer configured"));
		List<String> tags = new ArrayList<>();
		try (DockerClient docker = DockerClients.connect(host)) {
			for (Saved saved : built) {
				check(docker, saved);
				tags.addAll(saved.tags());
			}
		}
		catch (IOException ex) {
			throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage());
		}
		return new Download(host, tags, fileName);
	}

	private static void check(DockerClient docker, Saved saved) {
		BuildJob job = saved.job();
		for (String tag : saved.tags()) {
			String current;
			try {
				current = docker.inspectImageCmd(tag).exec().getId();
			}
			catch (NotFoundException ex) {
				throw new ResponseStatusException(HttpStatus.CONFLICT,
						job.getDockerHost() + " no longer has the image of job " + job.getId() + "; rebuild it");
			}
			if (!current.equals(job.getImageId())) {
				throw new ResponseStatusException(HttpStatus.CONFLICT, tag + " on " + job.getDockerHost()
						+ " now names " + current + ", not the image job " + job.getId() + " built; rebuild it");
			}
		}
	}

}
