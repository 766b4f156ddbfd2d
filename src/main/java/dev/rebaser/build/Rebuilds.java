package dev.rebaser.build;

import dev.rebaser.build.queue.BuildJob;
import dev.rebaser.build.queue.BuildQueue;
import dev.rebaser.build.queue.QueuedImage;
import dev.rebaser.catalog.Catalog;
import dev.rebaser.catalog.CatalogImage;
import dev.rebaser.imports.CurrentCatalog;
import dev.rebaser.rewriting.TargetChoice;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Queues rebuilds of catalog images: every image, or the ones asked for together with the
 * ancestors they need, in the graph's order so that parents are queued before their
 * children, and with the longest remaining chain of build times first.
 */
@Component
public class Rebuilds {

	/**
	 * What a build never seen before is taken to cost: an emulated image build takes
	 * about a minute.
	 */
	static final long UNKNOWN_BUILD_SECONDS = 60;

	private final CurrentCatalog catalog;

	private final BuildQueue queue;

	private final TargetChoice targets;

	public Rebuilds(CurrentCatalog catalog, BuildQueue queue, TargetChoice targets) {
		this.catalog = catalog;
		this.queue = queue;
		this.targets = targets;
	}

	/**
	 * Queues a build of each image for arch (all images when ids is empty); an image that
	 * already has a job waiting or building keeps it. Returns one job per queued image,
	 * in graph order.
	 * @throws UnknownImageException when an id is not in the catalog
	 */
	public List<BuildJob> start(List<String> ids, String arch, boolean force, String actor) {
		targets.options(targets.defaultTarget(), arch, false);
		Catalog current = catalog.get();
		for (String id : ids) {
			if (current.image(id).isEmpty()) {
				throw new UnknownImageException(id);
			}
		}
		Set<String> wanted = ids.isEmpty() ? current.graph().ids() : withAncestors(current, ids, arch);
		Map<String, Long> remaining = remainingSeconds(current, arch);
		// new jobs get ids in the graph's order, and the queue takes equal priorities by
		// id
		List<QueuedImage> images = new ArrayList<>();
		for (String id : current.graph().order()) {
			if (wanted.contains(id)) {
				images.add(queued(current, current.image(id).orElseThrow(), remaining.get(id)));
			}
		}
		return queue.enqueue(images, arch, force, actor);
	}

	private static QueuedImage queued(Catalog current, CatalogImage image, long priority) {
		String unresolvable = current.graph()
			.unresolvable(image.id())
			.orElse(image.hasContext() ? null : "no build context: the tree and the catalog give no source for it");
		return new QueuedImage(image.id(), current.graph().parents(image.id()), image.reference(),
				(int) Math.min(Integer.MAX_VALUE, priority), unresolvable);
	}

	/**
	 * The priority of each image: the longest chain of build times from it down through
	 * its children, in seconds, so that a free slot goes to the job that holds up the
	 * most work behind it (critical path first). A build time is the image's last real
	 * build for arch, or {@link #UNKNOWN_BUILD_SECONDS} when it was never built.
	 */
	private Map<String, Long> remainingSeconds(Catalog current, String arch) {
		Map<String, Long> remaining = new HashMap<>();
		List<String> order = new ArrayList<>(current.graph().order());
		Collections.reverse(order); // children before their parents
		for (String id : order) {
			long own = queue.lastBuilt(id, arch, -1)
				.filter(job -> job.getStartedAt() != null && job.getFinishedAt() != null)
				.map(job -> Math.max(1, Duration.between(job.getStartedAt(), job.getFinishedAt()).toSeconds()))
				.orElse(UNKNOWN_BUILD_SECONDS);
			long below = current.graph()
				.children(id)
				.stream()
				.mapToLong(child -> remaining.getOrDefault(child, 0L))
				.max()
				.orElse(0);
			remaining.put(id, own + below);
		}
		return remaining;
	}

	/**
	 * The requested images and every ancestor whose latest job for arch did not give a
	 * good image.
	 */
	private Set<String> withAncestors(Catalog current, List<String> ids, String arch) {
		Set<String> wanted = new LinkedHashSet<>(ids);
		List<String> todo = new ArrayList<>(ids);
		while (!todo.isEmpty()) {
			String id = todo.remove(todo.size() - 1);
			for (String parent : current.graph().parents(id)) {
				boolean good = queue.latest(parent, arch).map(job -> job.getState().isGoodParent()).orElse(false);
				if (!good && wanted.add(parent)) {
					todo.add(parent);
				}
			}
		}
		return wanted;
	}

	/** An image id that the catalog does not hold. */
	public static final class UnknownImageException extends RuntimeException {

		public UnknownImageException(String id) {
			super("no image " + id + " in the catalog");
		}

	}

}
