package dev.rebaser.build.base;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.rebaser.build.docker.BuildOutcome;
import dev.rebaser.build.docker.BuildRequest;
import dev.rebaser.build.docker.ImageBuild;
import dev.rebaser.build.docker.SmokeResult;
import dev.rebaser.build.docker.SmokeRun;
import dev.rebaser.context.BuildContext;
import dev.rebaser.context.ContextArchive;
import dev.rebaser.context.ContextFile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes the image Go programs of a tree are compiled in, where no registry serves
 * {@code golang}: the build host's own Debian, debootstrapped like the target's base,
 * with Debian's Go and the targets' cross C compilers installed from the mirror. The
 * image is tagged {@code rebaser/go-toolchain:<suite>-<arch>} and with the Go release it
 * really contains, read from the toolchain itself, so that a tree asking for a newer Go
 * is told so instead of being compiled with a silent substitute.
 */
public final class GoToolchainBootstrap {

	public static final String REPOSITORY = "rebaser/go-toolchain";

	private static final Pattern GO_VERSION = Pattern.compile("go(\\d+\\.\\d+(?:\\.\\d+)?)");

	private final DockerClient docker;

	private final BaseImageBootstrap bases;

	public GoToolchainBootstrap(DockerClient docker, BaseImageBootstrap bases) {
		this.docker = docker;
		this.bases = bases;
	}

	/** The tag a toolchain of this suite and build-host arch is kept under. */
	public static String reference(String suite, String hostArch) {
		return REPOSITORY + ":" + suite + "-" + hostArch;
	}

	/** Where the suite's base for the build host is kept; not a name any build uses. */
	static String baseReference(String suite, String hostArch) {
		return "rebaser/" + suite + "-base:" + hostArch;
	}

	/**
	 * Ensures the daemon has the toolchain for {@code hostArch} (the daemon's own
	 * architecture, e.g. amd64), with Debian's cross C compilers for the targets given
	 * (e.g. mips64le, for C programs such as pause); {@code force} makes it again.
	 */
	public synchronized GoToolchain ensure(String suite, String hostArch, List<Architecture> crossTargets,
			boolean force) {
		Architecture host = Architecture.ofDocker(hostArch);
		String reference = reference(suite, host.docker());
		if (!force) {
			Optional<GoToolchain> present = present(reference, host);
			if (present.isPresent()) {
				return present.get();
			}
		}
		bases.ensure(suite, host.docker(), baseReference(suite, host.docker()), force);
		BuildOutcome built = new ImageBuild(docker).build(request(suite, host, crossTargets, reference));
		return tagged(reference, built.imageId(), built.architecture(), true);
	}

	private Optional<GoToolchain> present(String reference, Architecture host) {
		try {
			InspectImageResponse image = docker.inspectImageCmd(reference).exec();
			if (!host.docker().equals(image.getArch())) {
				return Optional.empty();
			}
			return Optional.of(tagged(reference, image.getId(), image.getArch(), false));
		}
		catch (NotFoundException e) {
			return Optional.empty();
		}
	}

	/**
	 * Tags the toolchain with the Go release it reports, again if it already was, so the
	 * reference handed back always names it.
	 */
	private GoToolchain tagged(String reference, String imageId, String architecture, boolean made) {
		String version = goVersion(reference);
		docker.tagImageCmd(imageId, REPOSITORY, version).exec();
		return new GoToolchain(REPOSITORY + ":" + version, version, imageId, architecture, made);
	}

	/** The Go release the toolchain reports of itself, e.g. {@code 1.19.8}. */
	private String goVersion(String reference) {
		SmokeResult run = new SmokeRun(docker, Duration.ofMinutes(1)).runInsteadOfEntrypoint(reference, "go", "env",
				"GOVERSION");
		Matcher m = GO_VERSION.matcher(run.output().strip());
		if (run.exitCode() != 0 || !m.matches()) {
			throw new IllegalStateException(
					reference + " does not report a Go release: `go env GOVERSION` said " + run.output().strip());
		}
		return m.group(1);
	}

	private BuildRequest request(String suite, Architecture host, List<Architecture> crossTargets, String reference) {
		StringBuilder packages = new StringBuilder("golang-go ca-certificates");
		for (Architecture target : crossTargets) {
			if (!target.equals(host)) {
				packages.append(" gcc-")
					.append(target.gnuTriplet())
					.append(" libc6-dev-")
					.append(target.debian())
					.append("-cross");
			}
		}
		String dockerfile = "FROM " + baseReference(suite, host.docker()) + "\n"
				+ "RUN apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "
				+ packages + " && rm -rf /var/lib/apt/lists/*\n" + "ENV GOPATH=/go GOCACHE=/go/cache GOFLAGS=\n"
				+ "LABEL dev.rebaser.toolchain=go\n";
		BuildContext context = new BuildContext();
		context.put(ContextFile.file("Dockerfile", 0644, dockerfile.getBytes(StandardCharsets.UTF_8)));
		ByteArrayOutputStream tar = new ByteArrayOutputStream();
		try {
			ContextArchive.write(context, tar);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return BuildRequest.ofTar(new ByteArrayInputStream(tar.toByteArray()), host.docker()).withTag(reference);
	}

}
