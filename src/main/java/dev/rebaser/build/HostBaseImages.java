package dev.rebaser.build;

import com.github.dockerjava.api.DockerClient;
import dev.rebaser.build.base.BaseImageBootstrap;
import dev.rebaser.build.base.BaseImageBootstraps;
import dev.rebaser.build.base.BaseImageStatus;
import dev.rebaser.build.base.BaseImages;
import dev.rebaser.build.docker.DockerClients;
import dev.rebaser.build.docker.DockerHost;
import dev.rebaser.rules.RuleSet;
import dev.rebaser.rules.Target;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * The base images Rebaser makes itself (the targets with a bootstrap), on every Docker
 * host, and their bootstrap in the background; for the REST API and the dashboard alike.
 */
@Component
public class HostBaseImages {

	private final BuildHosts hosts;

	private final RuleSet rules;

	public HostBaseImages(BuildHosts hosts, RuleSet rules) {
		this.hosts = hosts;
		this.rules = rules;
	}

	/**
	 * Asks every host's daemon; a host that does not answer gives rows with the error.
	 */
	public List<HostBase> statuses() {
		List<Target> targets = bootstrapped();
		List<HostBase> result = new ArrayList<>();
		for (DockerHost host : hosts.all()) {
			String name = host.uri().toString();
			try (DockerClient docker = DockerClients.connect(host)) {
				BaseImages images = new BaseImages(docker, name);
				for (Target target : targets) {
					BaseImageStatus status = images.status(target.baseImage(), target.release(), target.arch());
					result.add(new HostBase(name, target.key(), target.baseImage(), target.release(), target.arch(),
							status.present(), status.usable(), status.imageId(), status.architecture(), null));
				}
			}
			catch (Exception ex) {
				for (Target target : targets) {
					result.add(new HostBase(name, target.key(), target.baseImage(), target.release(), target.arch(),
							false, false, null, null, "the Docker daemon does not answer: " + ex.getMessage()));
				}
			}
		}
		return result;
	}

	private List<Target> bootstrapped() {
		return rules.targets()
			.stream()
			.filter(target -> target.bootstrap().isPresent())
			.sorted(Comparator.comparing(Target::key))
			.toList();
	}

	/**
	 * Starts a bootstrap in the background, or gives the one already running for that
	 * host.
	 * @throws org.springframework.web.server.ResponseStatusException no such target or
	 * host
	 */
	public BaseImageBootstraps.Run bootstrap(String target, String arch, String host) {
		Target chosen = rules.target(target, arch)
			.filter(t -> t.bootstrap().isPresent())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"Rebaser bootstraps no base image for " + target + "/" + arch));
		DockerHost docker = hosts.find(host)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "no Docker host " + host));
		return hosts.bootstraps()
			.start(docker.uri().toString(), chosen.release(), chosen.arch(), chosen.baseImage(), () -> {
				try (DockerClient client = DockerClients.connect(docker)) {
					return new BaseImageBootstrap(client, hosts.baseCache(), hosts.mirror(chosen.release()))
						.ensure(chosen.release(), chosen.arch(), chosen.baseImage());
				}
			});
	}

}
