package dev.rebaser.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebaser.context.BuildContext;
import dev.rebaser.context.ContextDirectory;
import dev.rebaser.context.ContextRewrite;
import dev.rebaser.rewrite.RewriteOptions;
import dev.rebaser.rewrite.Rewriter;
import dev.rebaser.rules.RuleSet;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContextBundleTest {

	private static final RuleSet RULES = RuleSet.builtin();

	private final ContextBundle bundle = new ContextBundle(new ContextRewrite(new Rewriter(RULES)));

	private final Catalog catalog = ExampleTree.load(new CatalogImporter(RULES, RULES.defaultTarget()));

	@TempDir
	Path dir;

	@Test
	void holdsEveryBuildableImageRewrittenWithItsReport() {
		BuildContext contexts = bundle.bundle(catalog, RewriteOptions.defaults(RULES));
		List<CatalogImage> buildable = ContextBundle.buildable(catalog);
		assertThat(buildable).isNotEmpty();
		for (CatalogImage image : buildable) {
			assertThat(contexts.text(image.id() + "/Dockerfile")).as(image.id())
				.hasValueSatisfying(dockerfile -> assertThat(dockerfile).doesNotContainPattern("\\bapk (add|del)\\b"));
			assertThat(contexts.text(image.id() + "/REWRITE-REPORT.md")).as(image.id()).isPresent();
		}
	}

	@Test
	void scriptBuildsParentsBeforeChildrenWithKubernetesTags() {
		String script = bundle.bundle(catalog, RewriteOptions.defaults(RULES)).text(ContextBundle.SCRIPT).orElseThrow();
		List<String> builds = script.lines().filter(line -> line.startsWith("build '")).toList();
		List<String> order = builds.stream().map(line -> line.split("'")[1]).toList();
		assertThat(order)
			.containsExactlyElementsOf(ContextBundle.buildable(catalog).stream().map(CatalogImage::id).toList());
		for (String id : order) {
			for (String parent : catalog.graph().parents(id)) {
				assertThat(order.indexOf(parent)).as(parent + " before " + id).isLessThan(order.indexOf(id));
			}
		}
		CatalogImage kitten = catalog.image("kitten").orElseThrow();
		assertThat(builds).contains("build 'kitten' '" + kitten.registry() + "' '" + kitten.reference() + "'");
		assertThat(script).contains("ARCH=mips64le").contains("-t \"$reference-linux-$ARCH\" -t \"$reference\"");
	}

	/**
	 * A parent and a child in the layout of the tree's era: BASEIMAGE lines name the
	 * parent per arch.
	 */
	private static Catalog oldLayout(String childBaseImage) throws Exception {
		return new CatalogImporter(RULES, RULES.defaultTarget()).importTree(Trees
			.tree(Trees.files("test/utils/image/manifest.go", Trees.manifest("agnhost:2.8", "kitten:1.0"),
					"test/images/agnhost/VERSION", "2.8\n", "test/images/agnhost/BASEIMAGE", "amd64=alpine:3.7\n",
					"test/images/agnhost/Dockerfile", "ARG BASEIMAGE\nFROM $BASEIMAGE\nRUN apk add --no-cache curl\n",
					"test/images/kitten/VERSION", "1.0\n", "test/images/kitten/BASEIMAGE", childBaseImage,
					"test/images/kitten/Dockerfile", "ARG BASEIMAGE\nFROM $BASEIMAGE\nRUN true\n")));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "amd64=REGISTRY/agnhost:2.8-amd64;arm=REGISTRY/agnhost:2.8-arm|agnhost:2.8-mips64le",
					"amd64=REGISTRY/agnhost-amd64:2.8|agnhost-mips64le:2.8",
					"linux/amd64=REGISTRY/agnhost:2.8-linux-amd64|" })
	void aParentIsTaggedAsItsChildAsksForItInEachEra(String childBaseImage, String asked) throws Exception {
		Catalog old = oldLayout(childBaseImage.replace(";", "\n") + "\n");
		CatalogImage agnhost = old.image("agnhost").orElseThrow();
		RewriteOptions options = RewriteOptions.defaults(RULES);

		assertThat(old.graph().parents("kitten")).containsExactly("agnhost");
		assertThat(old.graph().unresolvable()).isEmpty();
		List<String> expected = asked == null ? List.of() : List.of(agnhost.registry() + "/" + asked);
		assertThat(bundle.referencesAskedOf(old, agnhost, options)).isEqualTo(expected);
		BuildContext kitten = bundle.context(old.image("kitten").orElseThrow(), options);
		String wanted = asked == null ? agnhost.reference() + "-linux-mips64le" : expected.get(0);
		assertThat(ContextBundle.baseImageArgument(kitten, "mips64le", agnhost.registry())).contains(wanted);
		String script = bundle.bundle(old, options).text(ContextBundle.SCRIPT).orElseThrow();
		assertThat(script).contains("build 'agnhost' '" + agnhost.registry() + "' '" + agnhost.reference() + "'"
				+ expected.stream().map(tag -> " '" + tag + "'").collect(Collectors.joining()) + "\n");
	}

	@Test
	void aChildWhoseParentNoJobBuildsIsUnresolvableWithTheReasonNotAPull() throws Exception {
		Catalog old = oldLayout("amd64=REGISTRY/pinger:1.0-amd64\n");

		assertThat(old.graph().unresolvable("kitten")).hasValueSatisfying(reason -> assertThat(reason)
			.contains("registry.k8s.io/e2e-test-images/pinger:1.0-amd64 has no catalog entry and no base-image rule"));
		assertThat(ContextBundle.buildable(old)).extracting(CatalogImage::id).containsExactly("agnhost");
	}

	@Test
	void scriptIsValidShell() throws Exception {
		ContextDirectory.write(bundle.bundle(catalog, RewriteOptions.defaults(RULES)), dir);
		Process check = new ProcessBuilder("sh", "-n", dir.resolve(ContextBundle.SCRIPT).toString())
			.redirectErrorStream(true)
			.start();
		assertThat(check.waitFor(10, TimeUnit.SECONDS)).isTrue();
		assertThat(new String(check.getInputStream().readAllBytes())).isEmpty();
		assertThat(check.exitValue()).isZero();
		assertThat(dir.resolve(ContextBundle.SCRIPT)).isExecutable();
	}

}
