package dev.rebaser.web;

import java.util.List;

import dev.rebaser.build.BaseImageBootstraps;
import dev.rebaser.rules.RuleSet;
import org.springframework.stereotype.Component;

/**
 * The base images Rebaser makes itself, on every Docker host, for the dashboard: the same answers
 * as the REST endpoints, as a bean, so that a page can be tested without a Docker daemon.
 */
@Component
class HostBaseImages {

	private final BuildHosts hosts;

	private final RuleSet rules;

	HostBaseImages(BuildHosts hosts, RuleSet rules) {
		this.hosts = hosts;
		this.rules = rules;
	}

	/** Asks every host's daemon; a host that does not answer gives rows with the error. */
	List<BaseImageController.HostBase> statuses() {
		return BaseImageController.statuses(hosts, BaseImageController.bootstrapped(rules));
	}

	/**
	 * Starts a bootstrap in the background, or gives the one already running for that host.
	 * @throws org.springframework.web.server.ResponseStatusException no such target or host
	 */
	BaseImageBootstraps.Run bootstrap(String target, String arch, String host) {
		return BaseImageController.start(hosts, rules, target, arch, host);
	}

}
