package dev.rebaser.build.queue;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides whether a job's parents are built. A parent is the latest job of the parent
 * image for the same architecture: a newer job that is still waiting holds the child back
 * even when an older one was built, since the child must be built on the image the newer
 * job makes.
 */
public final class DependencyGate {

	private final BuildJobRepository jobs;

	public DependencyGate(BuildJobRepository jobs) {
		this.jobs = jobs;
	}

	public Readiness of(BuildJob job) {
		List<String> blocked = new ArrayList<>();
		List<String> pending = new ArrayList<>();
		for (String parent : job.getParentKeys()) {
			List<BuildJob> parentJobs = jobs.findByImageKeyAndArchOrderByIdDesc(parent, job.getArch());
			if (parentJobs.isEmpty()) {
				blocked.add(parent + " has no build for " + job.getArch());
				continue;
			}
			BuildState state = parentJobs.get(0).getState();
			if (state.isDeadEnd()) {
				blocked.add(parent + " is " + state + " and must be retried first");
			}
			else if (!state.isGoodParent()) {
				pending.add(parent);
			}
		}
		if (!blocked.isEmpty()) {
			return Readiness.waiting(String.join("; ", blocked));
		}
		if (!pending.isEmpty()) {
			return Readiness.waiting("waiting for " + String.join(", ", pending));
		}
		return Readiness.READY;
	}

}
