package dev.rebaser.web.api;

import dev.rebaser.build.BuildHosts;
import dev.rebaser.build.HostBase;
import dev.rebaser.build.HostBaseImages;
import dev.rebaser.build.base.BaseImageBootstraps;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Whether each Docker host has the base images Rebaser makes itself, and making them. */
@RestController
public class BaseImageController {

	private final BuildHosts hosts;

	private final HostBaseImages bases;

	public BaseImageController(BuildHosts hosts, HostBaseImages bases) {
		this.hosts = hosts;
		this.bases = bases;
	}

	@Operation(summary = "The base images no registry serves, per Docker host",
			description = "For every target whose base Rebaser bootstraps itself, whether each host has it with the "
					+ "right architecture.")
	@GetMapping(path = "/api/base-images", produces = MediaType.APPLICATION_JSON_VALUE)
	public List<HostBase> status() {
		return bases.statuses();
	}

	@Operation(summary = "Make a target's base image on a host with debootstrap (operator)",
			description = "Runs in the background (a first run takes minutes); the answer is the run to follow at "
					+ "/api/base-images/bootstraps/{id}. A run already going for that host and target is returned.")
	@ApiResponse(responseCode = "202", description = "Started, or already running")
	@ApiResponse(responseCode = "400", description = "No such target, or Rebaser does not bootstrap its base")
	@PostMapping(path = "/api/base-images/bootstrap", produces = MediaType.APPLICATION_JSON_VALUE)
	public ResponseEntity<BaseImageBootstraps.Run> bootstrap(
			@RequestParam(defaultValue = "debian-bookworm") String target,
			@RequestParam(defaultValue = "mips64le") String arch, @RequestParam(required = false) String host) {
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(bases.bootstrap(target, arch, host));
	}

	@Operation(summary = "The base image bootstraps of this run of the service, newest first")
	@GetMapping(path = "/api/base-images/bootstraps", produces = MediaType.APPLICATION_JSON_VALUE)
	public List<BaseImageBootstraps.Run> runs() {
		return hosts.bootstraps().runs();
	}

	@Operation(summary = "One base image bootstrap")
	@GetMapping(path = "/api/base-images/bootstraps/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	public BaseImageBootstraps.Run run(@PathVariable long id) {
		return hosts.bootstraps()
			.run(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no bootstrap " + id));
	}

}
