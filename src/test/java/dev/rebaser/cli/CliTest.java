package dev.rebaser.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {

	// The shape of the releases whose initReg() reads KUBE_TEST_REPO_LIST.
	static final String MANIFEST = """
			package image

			type RegistryList struct {
				DockerLibraryRegistry string `yaml:"dockerLibraryRegistry"`
				E2eRegistry           string `yaml:"e2eRegistry"`
			}

			type ImageConfig struct {
				registry string
				name     string
				version  string
			}

			func initReg() RegistryList {
				registry := RegistryList{
					DockerLibraryRegistry: "docker.io/library",
					E2eRegistry:           "gcr.io/kubernetes-e2e-test-images",
				}
				repoList := os.Getenv("KUBE_TEST_REPO_LIST")
				if repoList == "" {
					return registry
				}
				fileContent, err := ioutil.ReadFile(repoList)
				if err != nil {
					panic(err)
				}
				if err = yaml.Unmarshal(fileContent, &registry); err != nil {
					panic(err)
				}
				return registry
			}

			var (
				registry              = initReg()
				dockerLibraryRegistry = registry.DockerLibraryRegistry
				e2eRegistry           = registry.E2eRegistry

				BusyBox = ImageConfig{dockerLibraryRegistry, "busybox", "1.29"}
				Kitten  = ImageConfig{e2eRegistry, "kitten", "1.0"}
			)
			""";

	@TempDir
	Path dir;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	private int run(Map<String, String> env, String... args) {
		return new Cli(new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8), env)
			.run(args);
	}

	private String stdout() {
		return out.toString(StandardCharsets.UTF_8);
	}

	private String stderr() {
		return err.toString(StandardCharsets.UTF_8);
	}

	private Path write(String name, String text) throws IOException {
		return Files.writeString(dir.resolve(name), text);
	}

	@Test
	void manifestPrintsOneImagePerLine() throws IOException {
		Path manifest = write("manifest.go", MANIFEST);
		assertThat(run(Map.of(), "manifest", manifest.toString())).isEqualTo(0);
		assertThat(stdout()).isEqualTo("""
				BusyBox\tdocker.io/library/busybox:1.29
				Kitten\tgcr.io/kubernetes-e2e-test-images/kitten:1.0
				""");
		assertThat(stderr()).isEmpty();
	}

	@Test
	void manifestAppliesTheRepoListFromTheEnvironmentLikeTheE2eFramework() throws IOException {
		Path manifest = write("manifest.go", MANIFEST);
		Path repoList = write("repo-list.yaml", "e2eRegistry: mirror.example/e2e\n");
		assertThat(run(Map.of("KUBE_TEST_REPO_LIST", repoList.toString()), "manifest", manifest.toString()))
			.isEqualTo(0);
		assertThat(stdout()).contains("Kitten\tmirror.example/e2e/kitten:1.0")
			.contains("BusyBox\tdocker.io/library/busybox:1.29");
	}

	@Test
	void parsePrintsJson() throws IOException {
		Path dockerfile = write("Dockerfile", "FROM alpine:3.20 AS base\nRUN apk add --no-cache tini\n");
		assertThat(run(Map.of(), "parse", dockerfile.toString())).isEqualTo(0);
		assertThat(stdout()).contains("\"baseImage\" : \"alpine:3.20\"")
			.contains("\"alias\" : \"base\"")
			.contains("\"keyword\" : \"RUN\"")
			.contains("\"tini\"");
	}

	@Test
	void syntaxErrorExitsWithTwoAndNamesTheLine() throws IOException {
		Path dockerfile = write("Dockerfile", "FROM alpine\nRUN cat <<EOF\nnever ends\n");
		assertThat(run(Map.of(), "parse", dockerfile.toString())).isEqualTo(2);
		assertThat(stdout()).isEmpty();
		assertThat(stderr()).contains("Dockerfile").contains("line 2");
	}

	@Test
	void missingFileExitsWithTwo() {
		assertThat(run(Map.of(), "parse", dir.resolve("nope").toString())).isEqualTo(2);
		assertThat(stderr()).contains("no such file");
	}

	@Test
	void wrongArgumentsPrintUsage() {
		assertThat(run(Map.of(), "manifest")).isEqualTo(2);
		assertThat(stderr()).contains("usage:");
	}

}
