package dev.rebaser.build;

import dev.rebaser.RebaserApplication;
import dev.rebaser.build.docker.BuildFailedException;
import dev.rebaser.build.queue.BuildLog;
import dev.rebaser.build.queue.BuildQueue;
import dev.rebaser.build.queue.QueuedImage;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A Rebaser instance in its own process for {@link RestartRecoveryIT}: it queues one
 * image, starts building it with a build that never ends, says so on stdout, and waits to
 * be killed.
 */
public final class BuildingInstance {

	public static void main(String[] args) throws InterruptedException {
		String instanceId = args[0];
		ConfigurableApplicationContext context = new SpringApplicationBuilder(RebaserApplication.class)
			.web(WebApplicationType.NONE)
			.profiles("postgres")
			.run(java.util.Arrays.copyOfRange(args, 1, args.length));
		BuildQueue queue = context.getBean(BuildQueue.class);
		queue.enqueue(List.of(QueuedImage.of("stranded", "r/stranded:1")), "mips64le", false, "user:it");
		CountDownLatch never = new CountDownLatch(1);
		BuildExecutor endless = (job, log) -> {
			System.out.println("BUILDING " + job.getId());
			System.out.flush();
			try {
				never.await();
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			throw new BuildFailedException("", "interrupted");
		};
		Scheduler scheduler = new Scheduler(queue, context.getBean(BuildLog.class),
				List.of(new BuildHost("unix:///var/run/docker.sock", 1, endless)), instanceId, Clock.systemUTC());
		scheduler.start(Duration.ofMillis(50));
		never.await();
	}

}
