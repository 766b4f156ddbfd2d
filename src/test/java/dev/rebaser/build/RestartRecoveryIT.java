package dev.rebaser.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebaser.build.queue.BuildJob;
import dev.rebaser.build.queue.BuildLog;
import dev.rebaser.build.queue.BuildQueue;
import dev.rebaser.build.queue.BuildState;
import dev.rebaser.build.queue.QueuedImage;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * An instance is killed (SIGKILL) in the middle of a build. When it starts again under
 * the same instance id, its job goes back to the queue with a history entry, while a job
 * another, living instance is building stays with that instance.
 */
class RestartRecoveryIT {

	@Test
	void aJobLeftBuildingByAKilledInstanceIsGivenBackWhenItStartsAgain() throws Exception {
		try (PostgresSchema schema = new PostgresSchema()) {
			long stranded = buildInAProcessAndKillIt(schema, "node-a");

			long othersJob;
			try (ConfigurableApplicationContext other = schema.start("node-b", false)) {
				BuildQueue queue = other.getBean(BuildQueue.class);
				assertThat(queue.job(stranded).getState()).as("nobody has recovered it yet")
					.isEqualTo(BuildState.BUILDING);
				assertThat(queue.job(stranded).getClaimedBy()).isEqualTo("node-a");
				queue.enqueue(List.of(QueuedImage.of("other", "r/other:1")), "mips64le", false, "user:it");
				othersJob = queue.claim("unix:///var/run/docker.sock", "node-b").orElseThrow().getId();

				try (ConfigurableApplicationContext restarted = schema.start("node-a", false)) {
					BuildQueue again = restarted.getBean(BuildQueue.class);
					BuildJob recovered = again.job(stranded);
					assertThat(recovered.getState()).isEqualTo(BuildState.NEEDS_BUILD);
					assertThat(recovered.getClaimedBy()).isNull();
					assertThat(again.history(stranded)).last().satisfies(event -> {
						assertThat(event.getActor()).isEqualTo("startup-recovery");
						assertThat(event.getFromState()).isEqualTo(BuildState.BUILDING);
						assertThat(event.getToState()).isEqualTo(BuildState.NEEDS_BUILD);
						assertThat(event.getNote()).contains("node-a");
					});
					assertThat(again.job(othersJob).getState()).isEqualTo(BuildState.BUILDING);
					assertThat(again.job(othersJob).getClaimedBy()).isEqualTo("node-b");
					assertThat(restarted.getBean(BuildLog.class).readAll(stranded)).contains("=== attempt 1 of 3");
				}
			}
		}
	}

	/**
	 * Starts {@link BuildingInstance} in a JVM of its own, waits until its build runs,
	 * and kills it.
	 */
	static long buildInAProcessAndKillIt(PostgresSchema schema, String instanceId) throws Exception {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
						System.getProperty("java.class.path"), BuildingInstance.class.getName(), instanceId));
		schema.instanceProperties(instanceId, false).forEach(p -> command.add("--" + p));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		try {
			CompletableFuture<Long> building = CompletableFuture.supplyAsync(() -> {
				try (BufferedReader out = new BufferedReader(
						new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
					for (String line; (line = out.readLine()) != null;) {
						if (line.startsWith("BUILDING ")) {
							return Long.parseLong(line.substring("BUILDING ".length()).strip());
						}
					}
					throw new IllegalStateException("the instance ended before building, exit " + process.waitFor());
				}
				catch (Exception e) {
					throw new IllegalStateException(e);
				}
			});
			return building.get(90, TimeUnit.SECONDS);
		}
		finally {
			process.destroyForcibly(); // SIGKILL: no shutdown hooks, no chance to give
										// the job back
			assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		}
	}

}
