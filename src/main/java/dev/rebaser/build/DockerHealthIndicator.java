package dev.rebaser.build;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * DOWN while a build host's daemon does not answer, with the reason and since when; jobs
 * wait meanwhile rather than fail. Reports what the scheduler saw on its last round,
 * without asking the daemons again.
 */
class DockerHealthIndicator implements HealthIndicator {

	private final ObjectProvider<Scheduler> scheduler;

	DockerHealthIndicator(ObjectProvider<Scheduler> scheduler) {
		this.scheduler = scheduler;
	}

	@Override
	public Health health() {
		Scheduler s = scheduler.getIfAvailable();
		if (s == null) {
			return Health.up().withDetail("builds", "this instance does not schedule builds").build();
		}
		Health.Builder health = Health.up();
		for (HostStatus host : s.hostStatuses()) {
			if (!host.reachable()) {
				health.down();
			}
			health.withDetail(host.host(), host);
		}
		return health.build();
	}

}
