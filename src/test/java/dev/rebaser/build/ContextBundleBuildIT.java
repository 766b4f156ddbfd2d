package dev.rebaser.build;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectImageResponse;
import dev.rebaser.build.base.BaseImageBootstrap;
import dev.rebaser.build.base.BaseImageIT;
import dev.rebaser.build.docker.DockerClients;
import dev.rebaser.build.docker.DockerHost;
import dev.rebaser.build.docker.SmokeResult;
import dev.rebaser.build.docker.SmokeRun;
import dev.rebaser.catalog.Catalog;
import dev.rebaser.catalog.CatalogImage;
import dev.rebaser.catalog.CatalogImporter;
import dev.rebaser.catalog.ContextBundle;
import dev.rebaser.catalog.ExampleTree;
import dev.rebaser.context.ContextDirectory;
import dev.rebaser.context.ContextRewrite;
import dev.rebaser.rewrite.RewriteOptions;
import dev.rebaser.rewrite.Rewriter;
import dev.rebaser.rules.RuleSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The downloadable bundle of the example tree, built the way a user builds it without
 * Rebaser: {@code sh build.sh}, which runs plain {@code docker build} in dependency
 * order, on the local daemon under QEMU. Every image must come out mips64le under both of
 * its tags, and one built on another catalog image must run.
 */
class ContextBundleBuildIT {

	@TempDir
	Path dir;

	@Test
	void buildScriptBuildsEveryImageForMips64leWithPlainDocker() throws Exception {
		RuleSet rules = RuleSet.builtin();
		RewriteOptions options = RewriteOptions.defaults(rules);
		DockerClient docker = DockerClients.connect(DockerHost.local());
		new BaseImageBootstrap(docker, BaseImageIT.cacheDir(), BaseImageIT.mirror()).ensure("bookworm", "mips64le",
				options.target().baseImage());
		Catalog catalog = ExampleTree.load(new CatalogImporter(rules, rules.defaultTarget()));
		ContextDirectory.write(new ContextBundle(new ContextRewrite(new Rewriter(rules))).bundle(catalog, options),
				dir);

		Process build = new ProcessBuilder("sh", dir.resolve(ContextBundle.SCRIPT).toString()).redirectErrorStream(true)
			.redirectOutput(dir.resolve("build.log").toFile())
			.start();
		assertThat(build.waitFor(20, TimeUnit.MINUTES)).as("build.sh ends").isTrue();
		assertThat(build.exitValue()).as("build.sh failed:%n%s", Files.readString(dir.resolve("build.log"))).isZero();

		List<CatalogImage> buildable = ContextBundle.buildable(catalog);
		assertThat(buildable).hasSizeGreaterThanOrEqualTo(5);
		for (CatalogImage image : buildable) {
			for (String tag : List.of(image.reference() + "-linux-mips64le", image.reference())) {
				InspectImageResponse inspected = docker.inspectImageCmd(tag).exec();
				assertThat(inspected.getArch()).as(tag).isEqualTo("mips64le");
			}
		}
		CatalogImage kitten = catalog.image("kitten").orElseThrow();
		assertThat(catalog.graph().parents("kitten")).contains("agnhost");
		// kitten runs through the entrypoint it inherits from agnhost, whose "arch"
		// prints uname -m
		SmokeResult arch = new SmokeRun(docker).run(kitten.reference(), "arch");
		assertThat(arch.output().strip()).isEqualTo("mips64");
		SmokeResult page = new SmokeRun(docker).run(kitten.reference(), "test-webserver");
		assertThat(page.output()).contains("kitten: an example image built on agnhost.");
	}

}
