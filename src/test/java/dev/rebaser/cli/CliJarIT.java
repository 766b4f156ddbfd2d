package dev.rebaser.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar, run the way a user runs it. Its CLI commands must not start the web
 * server.
 */
class CliJarIT {

	private static final Path JAR = Path.of("target", "rebaser.jar");

	@TempDir
	Path dir;

	record Result(int exit, String out, String err) {
	}

	private Result run(String... args) throws IOException, InterruptedException {
		List<String> command = new java.util.ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
		command.addAll(List.of(args));
		Path out = dir.resolve("out");
		Path err = dir.resolve("err");
		Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
		assertThat(process.waitFor(15, TimeUnit.MINUTES)).as("the CLI exits by itself").isTrue();
		return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
				Files.readString(err, StandardCharsets.UTF_8));
	}

	@Test
	void manifestCommandPrintsImagesAndStartsNoServer() throws Exception {
		Path manifest = Files.writeString(dir.resolve("manifest.go"), CliTest.MANIFEST);
		Result result = run("manifest", manifest.toString());
		assertThat(result.exit()).isEqualTo(0);
		assertThat(result.out()).isEqualTo(
				"BusyBox\tdocker.io/library/busybox:1.29\n" + "Kitten\tgcr.io/kubernetes-e2e-test-images/kitten:1.0\n");
		assertThat(result.out() + result.err()).doesNotContain("Tomcat").doesNotContain("Started RebaserApplication");
	}

	@Test
	void bootstrapBaseLoadsTheMips64leBaseIntoTheLocalDaemon() throws Exception {
		Result result = run("bootstrap-base", "--suite", "bookworm", "--arch", "mips64le");
		assertThat(result.exit()).as(result.err()).isEqualTo(0);
		assertThat(result.out()).startsWith("debian:bookworm-slim\tmips64le\tsha256:");
		assertThat(result.out() + result.err()).doesNotContain("Tomcat");
	}

	@Test
	void packagesCommandRefreshesTheIndexAndNamesWhatIsMissing() throws Exception {
		Result result = run("packages", "--refresh", "--cache", dir.resolve("cache").toString(), "dnsutils", "awk",
				"rebaser-no-such-package");
		assertThat(result.exit()).as(result.err()).isEqualTo(1);
		assertThat(result.out()).isEqualTo("dnsutils\tpresent\nawk\tvirtual\nrebaser-no-such-package\tmissing\n");
		assertThat(result.err()).startsWith("bookworm/mips64el: ");
		assertThat(dir.resolve("cache/bookworm_mips64el.index.gz")).exists();
	}

	@Test
	void parseCommandReportsSyntaxErrorsWithExitCodeTwo() throws Exception {
		Path dockerfile = Files.writeString(dir.resolve("Dockerfile"), "# escape=x\nFROM debian\n");
		Result result = run("parse", dockerfile.toString());
		assertThat(result.exit()).isEqualTo(2);
		assertThat(result.err()).contains("line 1");
		assertThat(result.out()).isEmpty();
	}

}
