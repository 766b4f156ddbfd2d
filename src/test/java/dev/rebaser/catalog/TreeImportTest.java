package dev.rebaser.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rebaser.context.ArchiveLimits;
import dev.rebaser.context.ArchiveTooLargeException;
import dev.rebaser.context.BuildContext;
import dev.rebaser.context.ContextFile;
import dev.rebaser.context.UnsafeArchiveException;
import dev.rebaser.manifest.RegistryOverrides;
import dev.rebaser.rules.RuleSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How an import maps manifest.go images to folders and finds what each is built on, on
 * small trees.
 */
class TreeImportTest {

	private final CatalogImporter importer = CatalogImporter.withBuiltinRules();

	private Catalog importTree(Map<String, String> files) throws IOException {
		return importer.importTree(Trees.tree(files));
	}

	/** file:// git sources need the opt-in for private fetches. */
	private static final CatalogImporter PRIVATE_FETCHES = new CatalogImporter(RuleSet.builtin(),
			RuleSet.builtin().defaultTarget(), AddressPolicy.allowingPrivate());

	private static final String ALPINE = "ARG BASEIMAGE\nFROM $BASEIMAGE\nRUN true\n";

	@Test
	void anAliasFileRenamesTheImageAFolderBuilds() throws IOException {
		Catalog catalog = importTree(Trees.files("test/utils/image/manifest.go",
				Trees.manifest("echoserver:2.5", "echo-server:9.9"), "test/images/echo-server/ALIAS", "echoserver\n",
				"test/images/echo-server/VERSION", "2.5\n", "test/images/echo-server/BASEIMAGE",
				"linux/amd64=alpine:3.19\n", "test/images/echo-server/Dockerfile", ALPINE));

		assertThat(catalog.image("echoserver")).hasValueSatisfying(image -> {
			assertThat(image.contextPath()).isEqualTo("test/images/echo-server");
			assertThat(image.hasContext()).isTrue();
		});
		// the folder's own path no longer names an image
		assertThat(catalog.image("echo-server")).hasValueSatisfying(image -> assertThat(image.hasContext()).isFalse());
		assertThat(catalog.problemsOf("echoserver"))
			.anySatisfy(problem -> assertThat(problem.message()).contains("ALIAS"));
	}

	@Test
	void nestedFoldersAreFoundByNameOrByTheLastPartOfAnOlderRegistry() throws IOException {
		String older = """
				package image

				const (
					e2eVolumeRegistry = "gcr.io/kubernetes-e2e-test-images/volume"
				)

				var (
					VolumeNFSServer = Config{e2eVolumeRegistry, "nfs", "1.0"}
				)
				""";
		Map<String, String> folder = Trees.files("test/images/volume/nfs/VERSION", "1.0\n",
				"test/images/volume/nfs/BASEIMAGE", "amd64=alpine:3.19\n", "test/images/volume/nfs/Dockerfile",
				"FROM BASEIMAGE\nRUN true\n");
		Map<String, String> current = new LinkedHashMap<>(folder);
		current.put("test/utils/image/manifest.go", Trees.manifest("volume/nfs:1.0"));
		Map<String, String> old = new LinkedHashMap<>(folder);
		old.put("test/utils/image/manifest.go", older);

		assertThat(importTree(current).image("volume-nfs")).hasValueSatisfying(image -> {
			assertThat(image.contextPath()).isEqualTo("test/images/volume/nfs");
			assertThat(image.bases()).containsExactly("alpine:3.19");
		});
		assertThat(importTree(old).images()).singleElement().satisfies(image -> {
			assertThat(image.reference()).isEqualTo("gcr.io/kubernetes-e2e-test-images/volume/nfs:1.0");
			assertThat(image.contextPath()).isEqualTo("test/images/volume/nfs");
		});
	}

	@Test
	void aBaseThatNeitherTheCatalogNorTheRulesKnowIsUnresolvableAndSoIsWhatIsBuiltOnIt() throws IOException {
		Catalog catalog = importTree(Trees.files("test/utils/image/manifest.go",
				Trees.manifest("oddball:1.0", "on-oddball:1.0", "fine:1.0"), "test/images/oddball/VERSION", "1.0\n",
				"test/images/oddball/Dockerfile", "FROM quay.io/someone/custom-base:7\nRUN true\n",
				"test/images/on-oddball/VERSION", "1.0\n", "test/images/on-oddball/BASEIMAGE",
				"linux/amd64=REGISTRY/oddball:1.0-linux-amd64\n", "test/images/on-oddball/Dockerfile", ALPINE,
				"test/images/fine/VERSION", "1.0\n", "test/images/fine/Dockerfile",
				"FROM alpine:3.19 AS build\nRUN true\nFROM build\nFROM scratch\nCOPY --from=build / /\n"));

		assertThat(catalog.graph().unresolvable()).containsOnlyKeys("oddball", "on-oddball");
		assertThat(catalog.graph().unresolvable("oddball"))
			.hasValueSatisfying(reason -> assertThat(reason).contains("quay.io/someone/custom-base:7")
				.contains("no catalog entry and no base-image rule")
				.contains("debian-bookworm/mips64le"));
		assertThat(catalog.graph().unresolvable("on-oddball"))
			.hasValueSatisfying(reason -> assertThat(reason).startsWith("built on oddball"));
		assertThat(catalog.problemsOf("oddball"))
			.anySatisfy(problem -> assertThat(problem.severity()).isEqualTo(CatalogProblem.Severity.ERROR));
		assertThat(catalog.image("fine").orElseThrow().bases()).containsExactly("alpine:3.19", "build", "scratch");
	}

	/**
	 * Before, the name alone matched: Docker Hub's perl:5.26 was taken for the e2e image
	 * perl 5.26 itself, a cycle perl → perl.
	 */
	@Test
	void aBaseIsMatchedByRegistryAndNameNotByItsLastPart() throws IOException {
		Catalog catalog = importTree(
				Trees.files("test/utils/image/manifest.go", Trees.manifest("perl:5.26", "user:1.0"),
						"test/images/perl/VERSION", "5.26\n", "test/images/perl/Dockerfile",
						"FROM perl:5.26\nRUN true\n", "test/images/user/VERSION", "1.0\n", "test/images/user/BASEIMAGE",
						"linux/amd64=REGISTRY/perl:5.26-linux-amd64\n", "test/images/user/Dockerfile", ALPINE));

		assertThat(catalog.graph().cycles()).isEmpty();
		assertThat(catalog.graph().parents("perl")).isEmpty();
		assertThat(catalog.graph().unresolvable()).doesNotContainKey("perl"); // the rules
																				// know
																				// Docker
																				// Hub's
																				// perl
		assertThat(catalog.graph().parents("user")).containsExactly("perl");
	}

	@Test
	void aPlaceholderFromWithoutABaseImageLineIsUnresolvable() throws IOException {
		Catalog catalog = importTree(Trees.files("test/utils/image/manifest.go", Trees.manifest("lonely:1.0"),
				"test/images/lonely/VERSION", "1.0\n", "test/images/lonely/Dockerfile", ALPINE));

		assertThat(catalog.graph().unresolvable("lonely"))
			.hasValueSatisfying(reason -> assertThat(reason).contains("FROM $BASEIMAGE").contains("no BASEIMAGE file"));
	}

	@Test
	void imagesNamingEachOtherInBaseImageFilesAreACycleReportedAsAnError() throws IOException {
		Catalog catalog = importTree(Trees.files("test/utils/image/manifest.go",
				Trees.manifest("alpha:1.0", "beta:1.0", "gamma:1.0"), "test/images/alpha/VERSION", "1.0\n",
				"test/images/alpha/BASEIMAGE", "linux/amd64=REGISTRY/beta:1.0-linux-amd64\n",
				"test/images/alpha/Dockerfile", ALPINE, "test/images/beta/VERSION", "1.0\n",
				"test/images/beta/BASEIMAGE", "linux/amd64=REGISTRY/alpha:1.0-linux-amd64\n",
				"test/images/beta/Dockerfile", ALPINE, "test/images/gamma/VERSION", "1.0\n",
				"test/images/gamma/BASEIMAGE", "linux/amd64=alpine:3.19\nlinux/arm64=REGISTRY/beta:1.0-linux-arm64\n",
				"test/images/gamma/Dockerfile", ALPINE));

		assertThat(catalog.graph().cycles()).containsExactly(List.of("alpha", "beta", "alpha"));
		assertThat(catalog.problems()).anySatisfy(problem -> {
			assertThat(problem.severity()).isEqualTo(CatalogProblem.Severity.ERROR);
			assertThat(problem.message()).isEqualTo("dependency cycle: alpha → beta → alpha");
		});
		// gamma builds on alpine for the target, but its arm64 line names beta: still a
		// dependency
		assertThat(catalog.graph().parents("gamma")).containsExactly("beta");
		assertThat(catalog.graph().order()).isEmpty();
		assertThat(catalog.graph().unresolvable()).containsOnlyKeys("alpha", "beta", "gamma");
	}

	@Test
	void aFolderThatOnlyServesAsABaseComesInWithTheRegistryOfTheImageNamingIt() throws IOException {
		Catalog catalog = importTree(Trees.files("test/utils/image/manifest.go", Trees.manifest("kitten:1.7"),
				"test/images/kitten/VERSION", "1.7\n", "test/images/kitten/BASEIMAGE",
				"linux/amd64=REGISTRY/agnhost:2.40-linux-amd64\n", "test/images/kitten/Dockerfile", ALPINE,
				"test/images/agnhost/VERSION", "2.53\n", "test/images/agnhost/BASEIMAGE", "linux/amd64=alpine:3.19\n",
				"test/images/agnhost/Dockerfile", ALPINE, "test/images/agnhost/Makefile", "bin:\n\ttrue\n",
				"test/images/unrelated/VERSION", "1.0\n", "test/images/unrelated/Dockerfile", "FROM alpine\n"));

		assertThat(catalog.images()).extracting(CatalogImage::reference)
			.containsExactly("registry.k8s.io/e2e-test-images/kitten:1.7",
					"registry.k8s.io/e2e-test-images/agnhost:2.53");
		assertThat(catalog.image("agnhost").orElseThrow().origin()).isEqualTo(CatalogImage.Origin.TREE);
		assertThat(catalog.graph().order()).containsExactly("agnhost", "kitten");
		assertThat(catalog.problemsOf("agnhost")).extracting(CatalogProblem::message)
			.contains("test/images/agnhost/Makefile does not follow Kubernetes' image-util.sh bin convention (the "
					+ "Makefile does not set SRCS, the Go programs image-util.sh builds); the context here is the folder "
					+ "as it is");
	}

	@Test
	void aMakefileOfTheConventionNamesTheGoProgramsTheContextLacks() throws IOException {
		String makefile = "SRCS = consumer consume-cpu/consume-cpu\nARCH ?= amd64\nexport\n\nbin:\n"
				+ "\t../image-util.sh bin $(SRCS)\n";
		Catalog catalog = importTree(Trees.files("test/utils/image/manifest.go", Trees.manifest("consumer:1.0"),
				"test/images/consumer/VERSION", "1.0\n", "test/images/consumer/Dockerfile", ALPINE,
				"test/images/consumer/Makefile", makefile));

		assertThat(catalog.problemsOf("consumer")).filteredOn(p -> p.severity() == CatalogProblem.Severity.WARNING)
			.extracting(CatalogProblem::message)
			.containsExactly("test/images/consumer/Makefile line 1: its bin target compiles the Go programs "
					+ "consumer (./.), consume-cpu/consume-cpu (./consume-cpu) into the context; the context here is "
					+ "the folder as it is, without them");
	}

	@Test
	void twoVersionsOfOneFolderInManifestGoGiveTheContextToTheOneItsVersionFileNames() throws IOException {
		Catalog catalog = importTree(
				Trees.files("test/utils/image/manifest.go", Trees.manifest("agnhost:2.6", "agnhost:2.53"),
						"test/images/agnhost/VERSION", "2.53\n", "test/images/agnhost/BASEIMAGE",
						"linux/amd64=alpine:3.19\n", "test/images/agnhost/Dockerfile", ALPINE));

		assertThat(catalog.images()).extracting(CatalogImage::id).containsExactly("agnhost-2.6", "agnhost-2.53");
		assertThat(catalog.image("agnhost-2.53").orElseThrow().hasContext()).isTrue();
		assertThat(catalog.image("agnhost-2.6").orElseThrow().hasContext()).isFalse();
		assertThat(catalog.problemsOf("agnhost-2.6")).singleElement()
			.satisfies(problem -> assertThat(problem.message())
				.contains("test/images/agnhost builds agnhost:2.53, not 2.6"));
	}

	@Test
	void externalImagesFromGitAreFetchedAtTheirRef(@TempDir Path repository) throws Exception {
		Files.createDirectories(repository.resolve("guestbook/php-redis"));
		Files.writeString(repository.resolve("guestbook/php-redis/Dockerfile"), "FROM alpine:3.19\nRUN apk add php\n");
		git(repository, "init", "--quiet", "--initial-branch=main");
		git(repository, "add", ".");
		git(repository, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "--quiet", "-m", "v6");
		git(repository, "tag", "v6");
		// a later commit on main that the tag does not see
		Files.writeString(repository.resolve("guestbook/php-redis/Dockerfile"), "FROM alpine:3.20\n");
		git(repository, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "--quiet", "-am", "v7");
		String url = repository.toUri().toString().replace("file:/", "file:///").replace("file:////", "file:///");

		Catalog catalog = PRIVATE_FETCHES
			.importTree(Trees.tree(Trees.files("test/utils/image/manifest.go", Trees.manifest(), "catalog.yaml", """
					images:
					  - name: gb-frontend
					    version: v6
					    reference: gcr.io/google-samples/gb-frontend:v6
					    source:
					      git: %1$s
					      ref: v6
					      path: guestbook/php-redis
					  - name: gb-frontend
					    version: v7
					    reference: gcr.io/google-samples/gb-frontend:v7
					    source: {git: %1$s, ref: main, path: guestbook/php-redis}
					  - name: no-such-ref
					    version: "1"
					    reference: example.org/no-such-ref:1
					    source: {git: %1$s, ref: v99, path: guestbook/php-redis}
					  - name: no-such-path
					    version: "1"
					    reference: example.org/no-such-path:1
					    source: {git: %1$s, ref: v6, path: guestbook/redis}
					  - name: broken
					    version: "1"
					    reference: example.org/broken:2
					  - name: escaping
					    version: "1"
					    source: {directory: ../../etc}
					  - name: two-sources
					    version: "1"
					    source: {directory: a, git: b}
					""".formatted(url))));

		CatalogImage v6 = catalog.image("gb-frontend-v6").orElseThrow();
		assertThat(v6.origin()).isEqualTo(CatalogImage.Origin.EXTERNAL);
		assertThat(v6.context().text("Dockerfile")).hasValue("FROM alpine:3.19\nRUN apk add php\n");
		assertThat(v6.context().files()).extracting(ContextFile::path).containsExactly("Dockerfile");
		assertThat(v6.contextPath()).contains("v6").contains("guestbook/php-redis");
		assertThat(catalog.image("gb-frontend-v7").orElseThrow().context().text("Dockerfile"))
			.hasValue("FROM alpine:3.20\n");
		assertThat(catalog.graph().unresolvable("gb-frontend-v6")).isEmpty();
		assertThat(catalog.problemsOf("no-such-ref")).singleElement().satisfies(problem -> {
			assertThat(problem.severity()).isEqualTo(CatalogProblem.Severity.ERROR);
			assertThat(problem.message()).contains("could not be read").contains("git fetch failed");
		});
		assertThat(catalog.problemsOf("no-such-path")).singleElement()
			.satisfies(problem -> assertThat(problem.message()).contains("has no folder guestbook/redis"));
		assertThat(catalog.image("escaping").orElseThrow().hasContext()).isFalse();
		assertThat(catalog.problemsOf("escaping"))
			.anySatisfy(problem -> assertThat(problem.message()).contains("not a folder inside the tree"));
		assertThat(catalog.images()).extracting(CatalogImage::name).doesNotContain("broken", "two-sources");
		assertThat(catalog.problems()).filteredOn(problem -> problem.image() == null)
			.extracting(CatalogProblem::message)
			.anySatisfy(message -> assertThat(message).contains("broken").contains("does not end with the version"))
			.anySatisfy(message -> assertThat(message).contains("two-sources").contains("exactly one of"));
	}

	@Test
	void aGitSourceMustBeAUrlOfAKnownKind() throws IOException {
		Catalog catalog = importTree(Trees.files("test/utils/image/manifest.go", Trees.manifest(), "catalog.yaml", """
				images:
				  - name: odd
				    version: "1"
				    reference: example.org/odd:1
				    source: {git: "--upload-pack=touch /tmp/x", ref: main, path: a}
				"""));
		assertThat(catalog.problemsOf("odd")).singleElement()
			.satisfies(problem -> assertThat(problem.message()).contains("needs a URL starting with"));
	}

	@Test
	void withoutTheOptInGitGoesOnlyToPublicHttpsAndHttpHosts(@TempDir Path repository) throws Exception {
		Files.writeString(repository.resolve("Dockerfile"), "FROM alpine:3.19\n");
		git(repository, "init", "--quiet", "--initial-branch=main");
		git(repository, "add", ".");
		git(repository, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "--quiet", "-m", "1");
		String file = repository.toUri().toString().replace("file:/", "file:///").replace("file:////", "file:///");
		String yaml = """
				images:
				  - name: on-disk
				    version: "1"
				    reference: example.org/on-disk:1
				    source: {git: "%s", ref: main, path: .}
				  - name: over-ssh
				    version: "1"
				    reference: example.org/over-ssh:1
				    source: {git: "ssh://git@127.0.0.1/repo.git", ref: main, path: .}
				  - name: git-protocol
				    version: "1"
				    reference: example.org/git-protocol:1
				    source: {git: "git://127.0.0.1/repo.git", ref: main, path: .}
				  - name: loopback
				    version: "1"
				    reference: example.org/loopback:1
				    source: {git: "http://127.0.0.1:9/repo.git", ref: main, path: .}
				  - name: metadata
				    version: "1"
				    reference: example.org/metadata:1
				    source: {git: "http://user:pw@169.254.169.254/repo.git", ref: main, path: .}
				  - name: anywhere
				    version: "1"
				    reference: example.org/anywhere:1
				    source: {git: "https://0.0.0.0/repo.git", ref: main, path: .}
				""".formatted(file);
		Map<String, String> tree = Trees.files("test/utils/image/manifest.go", Trees.manifest(), "catalog.yaml", yaml);

		Catalog strict = importTree(tree);

		for (String name : List.of("on-disk", "over-ssh", "git-protocol")) {
			assertThat(strict.problemsOf(name)).as(name)
				.singleElement()
				.satisfies(problem -> assertThat(problem.message()).contains("needs a URL starting with one of")
					.contains("allow-private-fetches"));
		}
		assertThat(strict.problemsOf("loopback")).singleElement()
			.satisfies(problem -> assertThat(problem.message()).contains("private address").contains("loopback"));
		assertThat(strict.problemsOf("metadata")).singleElement()
			.satisfies(problem -> assertThat(problem.message()).contains("private address")
				.contains("link-local")
				.doesNotContain("pw"));
		assertThat(strict.image("metadata").orElseThrow().contextPath()).doesNotContain("pw");
		assertThat(strict.problemsOf("anywhere")).singleElement()
			.satisfies(problem -> assertThat(problem.message()).contains("never fetched from"));

		// with the opt-in, the local repository is read; 0.0.0.0 is refused all the same
		Catalog open = PRIVATE_FETCHES.importTree(Trees.tree(tree));
		assertThat(open.image("on-disk").orElseThrow().context().text("Dockerfile")).hasValue("FROM alpine:3.19\n");
		assertThat(open.problemsOf("anywhere")).singleElement()
			.satisfies(problem -> assertThat(problem.message()).contains("never fetched from"));
	}

	private static void git(Path repository, String... arguments) throws Exception {
		List<String> command = new ArrayList<>(List.of("git", "-C", repository.toString()));
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes());
		assertThat(process.waitFor()).as(String.join(" ", command) + ": " + output).isZero();
	}

	@Test
	void aDockerfileThatDoesNotParseIsAnErrorOfThatImageOnly() throws IOException {
		Catalog catalog = importTree(Trees.files("test/utils/image/manifest.go", Trees.manifest("bad:1", "good:1"),
				"test/images/bad/VERSION", "1\n", "test/images/bad/Dockerfile", "RUN echo no from here\n",
				"test/images/good/VERSION", "1\n", "test/images/good/Dockerfile", "FROM alpine:3.19\n"));

		assertThat(catalog.graph().unresolvable()).containsOnlyKeys("bad");
		assertThat(catalog.graph().order()).containsExactly("bad", "good");
	}

	@Test
	void aBaseMatchingSeveralVersionsTakesTheHighestAndSaysSo() throws IOException {
		Catalog catalog = importTree(Trees.files("test/utils/image/manifest.go", Trees.manifest(), "catalog.yaml", """
				images:
				  - {name: nginx, version: "1.9-alpine", source: {directory: external/nginx-9}}
				  - {name: nginx, version: "1.15-alpine", source: {directory: external/nginx-15}}
				  - {name: site, version: "1", source: {directory: external/site}}
				  - {name: pinned, version: "1", source: {directory: external/pinned}}
				""", "external/nginx-9/Dockerfile", "FROM alpine:3.19\n", "external/nginx-15/Dockerfile",
				"FROM alpine:3.19\n", "external/site/Dockerfile", "FROM nginx:1.16-alpine\n",
				"external/pinned/Dockerfile", "FROM docker.io/library/nginx:1.9-alpine\n"));

		assertThat(catalog.graph().parents("site")).containsExactly("nginx-1.15-alpine");
		assertThat(catalog.problemsOf("site")).singleElement().satisfies(problem -> {
			assertThat(problem.severity()).isEqualTo(CatalogProblem.Severity.WARNING);
			assertThat(problem.message()).contains("nginx:1.16-alpine").contains("nginx:1.15-alpine");
		});
		assertThat(catalog.graph().parents("pinned")).containsExactly("nginx-1.9-alpine");
		assertThat(catalog.problemsOf("pinned")).isEmpty();
	}

	@Test
	void aSymbolicLinkLeavingItsImageFolderIsLeftOutOfTheContext() {
		BuildContext files = new BuildContext().putText("test/images/a/Dockerfile", "FROM alpine\n")
			.put(ContextFile.symlink("test/images/a/inside", "Dockerfile"))
			.put(ContextFile.symlink("test/images/a/outside", "../b/secret"));
		List<String> leftOut = new ArrayList<>();

		BuildContext context = new SourceTree(files, "t").context("test/images/a", leftOut::add);

		assertThat(context.get("inside")).isPresent();
		assertThat(context.get("outside")).isEmpty();
		assertThat(leftOut).singleElement()
			.satisfies(message -> assertThat(message).contains("outside -> ../b/secret"));
	}

	/**
	 * Before, a checkout on disk was read through its links: a link to / in an image
	 * folder put the server's files into that image's context.
	 */
	@Test
	void aCheckoutOnDiskWithALinkOutOfItIsRefused(@TempDir Path tree) throws IOException {
		Trees.write(Trees.files("test/utils/image/manifest.go", Trees.manifest("agnhost:2.53"),
				"test/images/agnhost/Dockerfile", ALPINE), tree);
		Files.createSymbolicLink(tree.resolve("test/images/agnhost/root"), Path.of("/"));

		assertThatThrownBy(() -> importer.importDirectory(tree)).isInstanceOf(UnsafeArchiveException.class)
			.hasMessageContaining("\"agnhost/root\"")
			.hasMessageContaining("outside the folder");
	}

	@Test
	void aCheckoutWhoseImagesFolderIsALinkElsewhereIsRefused(@TempDir Path tree, @TempDir Path elsewhere)
			throws IOException {
		Trees.write(Trees.files("test/utils/image/manifest.go", Trees.manifest("agnhost:2.53")), tree);
		Trees.write(Trees.files("agnhost/Dockerfile", ALPINE), elsewhere);
		Files.createSymbolicLink(tree.resolve("test/images"), elsewhere);

		assertThatThrownBy(() -> importer.importDirectory(tree)).isInstanceOf(UnsafeArchiveException.class)
			.hasMessageContaining("test/images");
	}

	@Test
	void theFoldersOfACheckoutShareOneByteLimit(@TempDir Path tree) throws IOException {
		Trees.write(Trees.files("test/utils/image/manifest.go", Trees.manifest("agnhost:2.53"),
				"test/images/agnhost/Dockerfile", ALPINE + "#" + "a".repeat(600) + "\n", "external/x/Dockerfile",
				ALPINE + "#" + "b".repeat(600) + "\n"), tree);
		CatalogImporter small = new CatalogImporter(RuleSet.builtin(), RuleSet.builtin().defaultTarget(),
				new ArchiveLimits(100, 1000), CatalogImporter.DEFAULT_MAX_DOWNLOAD_BYTES, AddressPolicy.publicOnly(),
				RegistryOverrides.none());

		assertThatThrownBy(() -> small.importDirectory(tree)).isInstanceOf(ArchiveTooLargeException.class)
			.hasMessageContaining("allowed total of");
		assertThat(new CatalogImporter(RuleSet.builtin(), RuleSet.builtin().defaultTarget(),
				new ArchiveLimits(100, 2000), CatalogImporter.DEFAULT_MAX_DOWNLOAD_BYTES, AddressPolicy.publicOnly(),
				RegistryOverrides.none())
			.importDirectory(tree)
			.images()).isNotEmpty();
	}

	@Test
	void windowsLinesOfBaseImageFilesAreNoDependencyOfALinuxBuild() throws IOException {
		Catalog catalog = importTree(Trees.files("test/utils/image/manifest.go",
				Trees.manifest("agnhost:2.53", "busybox:1.37.0-1"), "test/images/agnhost/VERSION", "2.53\n",
				"test/images/agnhost/BASEIMAGE",
				"linux/amd64=alpine:3.21\n" + "windows/amd64/ltsc2022=REGISTRY/busybox:1.29-2-windows-amd64-ltsc2022\n",
				"test/images/agnhost/Dockerfile", ALPINE, "test/images/busybox/VERSION", "1.37.0-1\n",
				"test/images/busybox/BASEIMAGE", "windows/amd64=mcr.microsoft.com/windows/servercore:ltsc2019\n",
				"test/images/busybox/Dockerfile", ALPINE));

		assertThat(catalog.graph().parents("agnhost")).isEmpty();
		assertThat(catalog.graph().unresolvable()).containsOnlyKeys("busybox");
		assertThat(catalog.graph().unresolvable("busybox"))
			.hasValueSatisfying(reason -> assertThat(reason).contains("Windows platforms only"));
	}

}
