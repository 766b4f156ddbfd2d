package dev.rebaser.build;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.rebaser.build.base.BaseImageBootstrap;
import dev.rebaser.build.base.BaseImageIT;
import dev.rebaser.build.docker.BuildFailedException;
import dev.rebaser.build.docker.BuildOutcome;
import dev.rebaser.build.docker.BuildRequest;
import dev.rebaser.build.docker.DockerClients;
import dev.rebaser.build.docker.DockerHost;
import dev.rebaser.build.docker.ImageBuild;
import dev.rebaser.build.docker.SmokeResult;
import dev.rebaser.build.docker.SmokeRun;
import dev.rebaser.context.ArchiveLimits;
import dev.rebaser.context.BuildContext;
import dev.rebaser.context.ContextArchive;
import dev.rebaser.context.ContextDirectory;
import dev.rebaser.context.ContextRewrite;
import dev.rebaser.rewrite.RewriteOptions;
import dev.rebaser.rewrite.Rewriter;
import dev.rebaser.rules.RuleSet;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Alpine Dockerfiles of seven kinds, rewritten for Debian bookworm on mips64le and really
 * built on the local daemon under QEMU, on the base image Rebaser bootstraps. Each image
 * then runs a smoke script that proves the tools the Alpine original installed are there
 * and work, and, where the case says, that the image's CMD is what the original's base
 * image ran.
 */
class RewrittenImagesBuildIT {

	private static final Path CASES = Path.of("src/test/resources/real-builds");

	private static final List<String> built = new ArrayList<>();

	private static DockerClient docker;

	private static ContextRewrite contextRewrite;

	private static RewriteOptions options;

	@BeforeAll
	static void baseImageAndRules() {
		docker = DockerClients.connect(DockerHost.local());
		RuleSet rules = RuleSet.builtin();
		options = RewriteOptions.defaults(rules);
		assertThat(options.target().key()).isEqualTo("debian-bookworm/mips64le");
		new BaseImageBootstrap(docker, BaseImageIT.cacheDir(), BaseImageIT.mirror()).ensure("bookworm", "mips64le",
				options.target().baseImage());
		contextRewrite = new ContextRewrite(new Rewriter(rules));
	}

	@AfterAll
	static void removeImages() {
		for (String image : built) {
			try {
				docker.removeImageCmd(image).withForce(true).exec();
			}
			catch (NotFoundException gone) {
				// nothing to clean
			}
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "virtual-build-deps", "users-and-groups", "applets-only", "tini-entrypoint",
			"baseimage-cross-build", "baseimage-official-httpd", "multi-stage" })
	void rewrittenImageBuildsForMips64leAndWorks(String name) throws IOException {
		BuildContext original = ContextDirectory.read(CASES.resolve(name), ArchiveLimits.defaults());
		original.get("smoke.sh").orElseThrow();
		ContextRewrite.Result rewritten = contextRewrite.rewrite(original, options, result -> result);
		String dockerfile = rewritten.dockerfile().dockerfile();
		assertThat(dockerfile).as("the rewrite leaves no apk").doesNotContainPattern("(?m)\\bapk\\s+(add|del)\\b");

		ByteArrayOutputStream tar = new ByteArrayOutputStream();
		ContextArchive.write(rewritten.context(), tar);
		String tag = "rebaser-it/rewritten-" + name + ":latest";
		BuildRequest request = BuildRequest.ofTar(new ByteArrayInputStream(tar.toByteArray()), "mips64le").withTag(tag);
		String baseImage = rewritten.context()
			.text("BASEIMAGE")
			.flatMap(text -> text.lines().filter(line -> line.startsWith("linux/mips64le=")).findFirst())
			.map(line -> line.substring("linux/mips64le=".length()))
			.orElse(null);
		if (baseImage != null) {
			request = request.withBuildArg("BASEIMAGE", baseImage);
		}
		BuildOutcome outcome;
		try {
			outcome = new ImageBuild(docker).build(request);
		}
		catch (BuildFailedException failed) {
			throw new AssertionError("the rewritten " + name + " did not build:\n" + dockerfile + "\n--- log ---\n"
					+ failed.getMessage(), failed);
		}
		built.add(tag);
		assertThat(outcome.architecture()).isEqualTo("mips64le");

		String smoke = Files.readString(CASES.resolve(name).resolve("smoke.sh"));
		SmokeResult result = new SmokeRun(docker).run(tag, "/bin/sh", "-c", smoke);
		assertThat(result.output()).as("smoke script of %s, built from:%n%s", name, dockerfile)
			.isEqualTo(Files.readString(CASES.resolve(name).resolve("smoke.expected")));
		assertThat(result.exitCode()).isZero();
		Path cmd = CASES.resolve(name).resolve("cmd.expected");
		if (Files.exists(cmd)) {
			assertThat(String.join(" ", docker.inspectImageCmd(tag).exec().getConfig().getCmd())).as("the image's CMD")
				.isEqualTo(Files.readString(cmd).strip());
		}
	}

}
