package dev.rebaser.build;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code rebaser.scheduler.*}: whether this instance builds, how often it looks for work,
 * the name it claims jobs under (stable across restarts, so it can take back its own
 * jobs), and whether it is the only instance on its database, in which case every job
 * left building is its own, and how long a failed build waits before the daemon is asked
 * whether it is going away.
 */
@ConfigurationProperties("rebaser.scheduler")
public record SchedulerProperties(@DefaultValue("false") boolean enabled, @DefaultValue("2s") Duration pollInterval,
		String instanceId, @DefaultValue("true") boolean singleInstance, @DefaultValue("10s") Duration failureSettle) {

	public String instanceIdOrHostName() {
		if (instanceId != null && !instanceId.isBlank()) {
			return instanceId;
		}
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException e) {
			return "rebaser";
		}
	}
}
