package dev.rebaser.build.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.rebaser.build.docker.BuildFailedException;
import dev.rebaser.build.docker.BuildOutcome;
import dev.rebaser.build.docker.BuildRequest;
import dev.rebaser.build.docker.DockerClients;
import dev.rebaser.build.docker.DockerHost;
import dev.rebaser.build.docker.ImageBuild;
import dev.rebaser.build.docker.SmokeResult;
import dev.rebaser.build.docker.SmokeRun;
import dev.rebaser.packages.AptSources;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Against the real daemon that scripts/start-docker starts: bootstraps (or reuses) the
 * Debian bookworm mips64el base, then builds on it under emulation.
 *
 * <p>
 * The rootfs cache folder is {@code -Drebaser.base.cache=…}; by default
 * {@code /var/cache/rebaser/base}, or {@code /var/tmp/rebaser-base} when only that one
 * already holds a finished bookworm rootfs. The mirror is
 * {@code -Drebaser.debian.mirror=…} or the machine's apt sources.
 */
public class BaseImageIT {

	public static final String SUITE = "bookworm";

	public static final String ARCH = "mips64le";

	public static final String BASE = "debian:bookworm-slim";

	public static final String SCRATCH_REFERENCE = "rebaser-it/base:bookworm-reloaded";

	public static final String NETBASE_TAG = "rebaser-it/netbase:latest";

	public static DockerClient docker;

	public static BaseImageBootstrap bootstrap;

	public static BaseImage base;

	public static final List<String> imagesToRemove = new ArrayList<>();

	@BeforeAll
	public static void ensureBase() {
		docker = DockerClients.connect(DockerHost.local());
		bootstrap = new BaseImageBootstrap(docker, cacheDir(), mirror());
		base = bootstrap.ensure(SUITE, ARCH, BASE);
	}

	@AfterAll
	static void removeTestImages() {
		for (String image : imagesToRemove) {
			try {
				docker.removeImageCmd(image).withForce(true).exec();
			}
			catch (NotFoundException e) {
				// removed already
			}
		}
	}

	@Test
	void baseImageIsLinuxMips64leAndRunsUnderEmulation() {
		InspectImageResponse image = docker.inspectImageCmd(BASE).exec();

		assertThat(image.getArch()).isEqualTo("mips64le");
		assertThat(image.getOs()).isEqualTo("linux");
		assertThat(image.getId()).isEqualTo(base.imageId());
		assertThat(image.getRepoTags()).contains(BASE);

		SmokeResult uname = new SmokeRun(docker).run(BASE, "uname", "-m");
		assertThat(uname.exitCode()).isZero();
		assertThat(uname.output().strip()).isEqualTo("mips64");
	}

	@Test
	void baseImageAptSourcesNameTheConfiguredMirror() {
		SmokeResult sources = new SmokeRun(docker).run(BASE, "cat", "/etc/apt/sources.list");

		assertThat(sources.output()).isEqualTo("deb " + mirror() + " " + SUITE + " main\n");
	}

	@Test
	void baseImageLeavesOutTheRuntimeFileSystemsAndDownloadedPackages() {
		SmokeResult listing = new SmokeRun(docker).run(BASE, "sh", "-c",
				"ls -A /proc/1 >/dev/null && echo proc-mounted; ls /var/cache/apt/archives/ | grep -c '[.]deb$'; true");

		assertThat(listing.output()).startsWith("proc-mounted\n").endsWith("0\n");
	}

	@Test
	void ensureSkipsAReferenceTheDaemonHasAndForceLoadsAgain() {
		BaseImage again = bootstrap.ensure(SUITE, ARCH, BASE);
		assertThat(again.loaded()).isFalse();
		assertThat(again.imageId()).isEqualTo(base.imageId());

		imagesToRemove.add(SCRATCH_REFERENCE);
		BaseImage reloaded = bootstrap.ensure(SUITE, ARCH, SCRATCH_REFERENCE, true);
		assertThat(reloaded.loaded()).isTrue();
		assertThat(reloaded.architecture()).isEqualTo("mips64le");
		assertThat(docker.inspectImageCmd(SCRATCH_REFERENCE).exec().getArch()).isEqualTo("mips64le");
	}

	@Test
	void debianBuildOnTheBaseIsMips64leAndWorks() {
		imagesToRemove.add(NETBASE_TAG);
		BuildOutcome outcome = new ImageBuild(docker).build(BuildRequest.ofDirectory(resource("netbase"), ARCH)
			.withBuildArg("GREETING", "built-on-mips64le")
			.withTag(NETBASE_TAG)
			.withoutCache());

		assertThat(outcome.architecture()).isEqualTo("mips64le");
		assertThat(outcome.imageId()).startsWith("sha256:");
		assertThat(docker.inspectImageCmd(NETBASE_TAG).exec().getId()).isEqualTo(outcome.imageId());
		assertThat(outcome.log()).contains("Setting up netbase");

		SmokeRun smoke = new SmokeRun(docker);
		SmokeResult installed = smoke.run(NETBASE_TAG, "dpkg-query", "-W", "-f=${Status}", "netbase");
		assertThat(installed.output()).isEqualTo("install ok installed");
		SmokeResult greeting = smoke.run(NETBASE_TAG, "cat", "/etc/rebaser-greeting");
		assertThat(greeting.output().strip()).isEqualTo("built-on-mips64le");
		SmokeResult failing = smoke.run(NETBASE_TAG, "sh", "-c", "echo to-stderr >&2; exit 3");
		assertThat(failing.exitCode()).isEqualTo(3);
		assertThat(failing.output()).isEqualTo("to-stderr\n");
	}

	@Test
	void failingRunStepGivesTheStepsOutputInTheLog() throws IOException {
		ImageBuild build = new ImageBuild(docker);
		BuildRequest request = BuildRequest.ofTar(tarOf(resource("failing").resolve("Dockerfile")), ARCH)
			.withTag("rebaser-it/failing:latest");

		assertThatThrownBy(() -> build.build(request)).isInstanceOfSatisfying(BuildFailedException.class, failure -> {
			assertThat(failure.reason()).contains("returned a non-zero code: 2");
			assertThat(failure.log()).contains("rebaser: the step before the failure ran")
				.contains("rebaser: this step prints, then fails")
				.contains("No such file or directory")
				.doesNotContain("Step 4/4");
		});
	}

	@Test
	void anImageOfTheWrongArchitectureIsAFailedBuild() {
		String tag = "rebaser-it/wrong-architecture:latest";
		imagesToRemove.add(tag);
		BuildRequest request = BuildRequest.ofDirectory(resource("netbase"), "amd64").withTag(tag);

		assertThatThrownBy(() -> new ImageBuild(docker).build(request)).isInstanceOfSatisfying(
				BuildFailedException.class,
				failure -> assertThat(failure.reason()).contains("built for mips64le, not amd64"));
	}

	public static Path cacheDir() {
		String configured = System.getProperty("rebaser.base.cache");
		if (configured != null && !configured.isBlank()) {
			return Path.of(configured);
		}
		Path standard = Path.of("/var/cache/rebaser/base");
		Path seeded = Path.of("/var/tmp/rebaser-base");
		if (!Files.isDirectory(standard.resolve("bookworm-mips64el"))
				&& RootfsCache.finishedByDebootstrap(seeded.resolve("bookworm-mips64el"))) {
			return seeded;
		}
		return standard;
	}

	public static URI mirror() {
		String configured = System.getProperty("rebaser.debian.mirror");
		if (configured != null && !configured.isBlank()) {
			return URI.create(configured);
		}
		return AptSources.read(Path.of("/etc/apt"))
			.mirrorFor(SUITE)
			.orElseThrow(() -> new IllegalStateException("the machine's apt sources name no Debian mirror"));
	}

	public static Path resource(String name) {
		return Path.of("src/test/resources/build", name);
	}

	static InputStream tarOf(Path dockerfile) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
			byte[] content = Files.readAllBytes(dockerfile);
			TarArchiveEntry entry = new TarArchiveEntry("Dockerfile");
			entry.setSize(content.length);
			tar.putArchiveEntry(entry);
			tar.write(content);
			tar.closeArchiveEntry();
		}
		return new ByteArrayInputStream(bytes.toByteArray());
	}

}
