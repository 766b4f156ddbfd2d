package dev.rebaser.build.base;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.command.InspectImageResponse;
import dev.rebaser.build.docker.BuildOutcome;
import dev.rebaser.build.docker.BuildRequest;
import dev.rebaser.build.docker.ImageBuild;
import dev.rebaser.build.docker.SmokeResult;
import dev.rebaser.build.docker.SmokeRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Go toolchain Rebaser makes for the build host, on the real daemon: debootstrapped
 * amd64 bookworm with Debian's Go and the mips64el cross compiler. A Go program and a C
 * program are compiled in it natively for mips64le, then run under QEMU on the mips64le
 * base.
 */
class GoToolchainIT {

	static GoToolchain toolchain;

	@BeforeAll
	static void toolchain() {
		BaseImageIT.ensureBase();
		toolchain = new GoToolchainBootstrap(BaseImageIT.docker, BaseImageIT.bootstrap).ensure(BaseImageIT.SUITE,
				"amd64", List.of(Architecture.ofDocker("mips64le")), false);
	}

	@Test
	void theToolchainRunsOnTheBuildHostAndIsTaggedWithTheGoItContains() {
		InspectImageResponse image = BaseImageIT.docker
			.inspectImageCmd(GoToolchainBootstrap.reference(BaseImageIT.SUITE, "amd64"))
			.exec();

		assertThat(image.getArch()).isEqualTo("amd64");
		assertThat(image.getId()).isEqualTo(toolchain.imageId());
		assertThat(toolchain.goVersion()).matches("1\\.\\d+(\\.\\d+)?");
		assertThat(toolchain.reference()).isEqualTo(GoToolchainBootstrap.REPOSITORY + ":" + toolchain.goVersion());
		assertThat(image.getRepoTags()).contains(toolchain.reference());
		SmokeResult version = new SmokeRun(BaseImageIT.docker).runInsteadOfEntrypoint(toolchain.reference(), "go",
				"version");
		assertThat(version.output()).startsWith("go version go" + toolchain.goVersion() + " linux/amd64");
	}

	@Test
	void aGoAndACProgramCompiledInItRunOnTheMips64leBase(@TempDir Path context) throws Exception {
		Files.writeString(context.resolve("hello.go"), """
				package main

				import (
					"fmt"
					"runtime"
				)

				func main() {
					fmt.Println("go on " + runtime.GOARCH)
				}
				""");
		Files.writeString(context.resolve("hello.c"), """
				#include <stdio.h>
				int main(void) { puts("c on mips64el"); return 0; }
				""");
		Files.writeString(context.resolve("Dockerfile"), """
				FROM %s AS compile
				COPY hello.go hello.c /src/
				WORKDIR /src
				RUN CGO_ENABLED=0 GOOS=linux GOARCH=mips64le GOPROXY=off go build -o /out/hello-go hello.go \\
					&& mips64el-linux-gnuabi64-gcc -static -s -o /out/hello-c hello.c
				FROM %s
				COPY --from=compile /out/ /usr/local/bin/
				""".formatted(toolchain.reference(), BaseImageIT.BASE));
		String tag = "rebaser-it/toolchain-hello:1";
		BaseImageIT.imagesToRemove.add(tag);

		BuildOutcome built = new ImageBuild(BaseImageIT.docker)
			.build(BuildRequest.ofDirectory(context, "mips64le").withTag(tag));

		assertThat(built.architecture()).isEqualTo("mips64le");
		assertThat(new SmokeRun(BaseImageIT.docker).run(tag, "hello-go").output().strip()).isEqualTo("go on mips64le");
		assertThat(new SmokeRun(BaseImageIT.docker).run(tag, "hello-c").output().strip()).isEqualTo("c on mips64el");
	}

}
