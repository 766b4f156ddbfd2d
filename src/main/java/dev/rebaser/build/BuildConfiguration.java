package dev.rebaser.build;

import dev.rebaser.build.queue.BuildJobEventRepository;
import dev.rebaser.build.queue.BuildJobRepository;
import dev.rebaser.build.queue.BuildLog;
import dev.rebaser.build.queue.BuildQueue;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Wires the queue, the logs and, when {@code rebaser.scheduler.enabled} and something
 * supplies build contexts, the scheduler. At start-up, jobs a previous run left building
 * go back to the queue before the scheduler takes any.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ DockerHostsProperties.class, SchedulerProperties.class })
class BuildConfiguration {

	@Bean
	BuildQueue buildQueue(BuildJobRepository jobs, BuildJobEventRepository events, PlatformTransactionManager tx) {
		return new BuildQueue(jobs, events, tx, Clock.systemUTC());
	}

	@Bean
	BuildLog buildLog(JdbcTemplate jdbc) {
		return new BuildLog(jdbc);
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnProperty(name = "rebaser.scheduler.enabled", havingValue = "true")
	Scheduler scheduler(BuildQueue queue, BuildLog logs, DockerHostsProperties hosts, SchedulerProperties scheduler,
			ContextSource contexts) {
		List<BuildHost> buildHosts = hosts.hostsOrLocal()
			.stream()
			.map(h -> new BuildHost(h.dockerHost().uri().toString(), h.slots(),
					new DockerBuildExecutor(h.dockerHost(), contexts)))
			.toList();
		return new Scheduler(queue, logs, buildHosts, scheduler.instanceIdOrHostName(), Clock.systemUTC(),
				scheduler.failureSettle());
	}

	@Bean
	ApplicationRunner buildStartup(BuildQueue queue, SchedulerProperties properties,
			ObjectProvider<Scheduler> scheduler) {
		return args -> {
			queue.recoverAfterRestart(properties.instanceIdOrHostName(), properties.singleInstance());
			scheduler.ifAvailable(s -> s.start(properties.pollInterval()));
		};
	}

	@Bean
	DockerHealthIndicator dockerHealthIndicator(ObjectProvider<Scheduler> scheduler) {
		return new DockerHealthIndicator(scheduler);
	}

}
