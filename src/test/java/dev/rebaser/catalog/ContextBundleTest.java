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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
