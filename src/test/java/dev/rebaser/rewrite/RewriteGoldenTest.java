package dev.rebaser.rewrite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rebaser.golden.GoldenFiles;
import dev.rebaser.rules.RuleSet;
import dev.rebaser.rules.Target;
import java.io.IOException;
import java.io.Reader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every folder under {@code src/test/resources/rewrite/} is one case:
 * {@code before.Dockerfile} rewritten must give {@code after.Dockerfile} exactly and the
 * changes and warnings listed in {@code report.txt} ({@code change LINE RULE-ID} /
 * {@code warning LINE CODE}, in order); {@code BASEIMAGE.before} /
 * {@code BASEIMAGE.after} likewise, their report lines prefixed with {@code BASEIMAGE}. A
 * strict case without {@code after.Dockerfile} must fail with those warnings. Rewriting
 * {@code after.Dockerfile} again must change nothing (or, with {@code idempotent=apk} in
 * the options, nothing about apk). With {@code -Dgolden.update=true} the expected files
 * are written from what the rewriter gives instead (see README.md beside the cases).
 */
class RewriteGoldenTest {

	static final RuleSet RULES = RuleSet.builtin();

	@TestFactory
	Stream<DynamicTest> goldenCases() throws IOException, URISyntaxException {
		Path root = Path.of(RewriteGoldenTest.class.getResource("/rewrite").toURI());
		List<Path> cases;
		try (Stream<Path> list = Files.list(root)) {
			cases = list.filter(Files::isDirectory).sorted().toList();
		}
		assertThat(cases).hasSizeGreaterThanOrEqualTo(30);
		return cases.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> check(dir)));
	}

	static Properties options(Path dir) throws IOException {
		Properties properties = new Properties();
		Path file = dir.resolve("options.properties");
		if (Files.exists(file)) {
			try (Reader reader = Files.newBufferedReader(file)) {
				properties.load(reader);
			}
		}
		return properties;
	}

	static RewriteOptions rewriteOptions(Properties p) {
		Target defaults = RULES.defaultTarget();
		Target target = RULES.target(p.getProperty("target", defaults.name()), p.getProperty("arch", defaults.arch()))
			.orElseThrow();
		Map<String, String> buildArgs = new HashMap<>();
		for (String key : p.stringPropertyNames()) {
			if (key.startsWith("buildArg.")) {
				buildArgs.put(key.substring("buildArg.".length()), p.getProperty(key));
			}
		}
		return new RewriteOptions(target, Boolean.parseBoolean(p.getProperty("strict", "false")),
				Boolean.parseBoolean(p.getProperty("rebaseBuildPlatformStages", "false")),
				Boolean.parseBoolean(p.getProperty("lowerHeredocs", "true")), buildArgs);
	}

	private static void check(Path dir) throws IOException {
		Properties properties = options(dir);
		RewriteOptions options = rewriteOptions(properties);
		Rewriter rewriter = new Rewriter(RULES);
		String before = Files.readString(dir.resolve("before.Dockerfile"), StandardCharsets.UTF_8);
		Path reportFile = dir.resolve("report.txt");
		boolean updating = GoldenFiles.updating();
		List<String> expectedReport = updating ? List.of()
				: Files.readAllLines(reportFile)
					.stream()
					.filter(line -> !line.isBlank() && !line.startsWith("#"))
					.toList();
		Path afterFile = dir.resolve("after.Dockerfile");
		if (!Files.exists(afterFile)) {
			assertThat(options.strict()).as("a case without after.Dockerfile must be strict").isTrue();
			if (updating) {
				StrictModeException refused = catchThrowableOfType(StrictModeException.class,
						() -> rewriter.rewrite(before, options));
				assertThat(refused).as("strict mode refuses the rewrite").isNotNull();
				updateReport(reportFile,
						refused.warnings().stream().map(w -> "warning " + w.line() + " " + w.code()).toList());
				return;
			}
			assertThatThrownBy(() -> rewriter.rewrite(before, options)).isInstanceOfSatisfying(
					StrictModeException.class,
					e -> assertThat(e.warnings().stream().map(w -> "warning " + w.line() + " " + w.code()).toList())
						.isEqualTo(expectedReport));
			return;
		}
		// the BASEIMAGE file first: what it names for the target is what FROM $BASEIMAGE
		// starts from
		Path baseImageBefore = dir.resolve("BASEIMAGE.before");
		BaseImageFileResult base = Files.exists(baseImageBefore)
				? rewriter.rewriteBaseImageFile(Files.readString(baseImageBefore), options) : null;
		RewriteResult result = rewriter.rewrite(before, options, base);
		List<String> report = new ArrayList<>(report(result.changes(), result.warnings(), ""));
		String after;
		if (updating) {
			GoldenFiles.update(afterFile, result.dockerfile());
			after = result.dockerfile();
		}
		else {
			after = Files.readString(afterFile, StandardCharsets.UTF_8);
			assertThat(result.dockerfile()).as("after.Dockerfile").isEqualTo(after);
		}
		BaseImageFileResult baseAgain = null;
		if (base != null) {
			Path baseImageAfter = dir.resolve("BASEIMAGE.after");
			if (updating) {
				GoldenFiles.update(baseImageAfter, base.text());
			}
			else {
				assertThat(base.text()).as("BASEIMAGE.after").isEqualTo(Files.readString(baseImageAfter));
			}
			report.addAll(report(base.changes(), base.warnings(), "BASEIMAGE "));
			baseAgain = rewriter.rewriteBaseImageFile(base.text(), options);
			assertThat(baseAgain.text()).as("BASEIMAGE rewritten twice").isEqualTo(base.text());
		}
		if (updating) {
			updateReport(reportFile, report);
		}
		else {
			assertThat(report).as("report.txt").isEqualTo(expectedReport);
		}

		RewriteResult again = rewriter.rewrite(after, options.withStrict(false), baseAgain);
		boolean apkOnly = "apk".equals(properties.getProperty("idempotent"));
		List<String> repeated = again.changes()
			.stream()
			.filter(c -> !apkOnly || c.ruleId().startsWith("apk:") || c.ruleId().startsWith("package:"))
			.map(c -> c.line() + " " + c.ruleId() + ": " + c.before() + " -> " + c.after())
			.toList();
		assertThat(repeated).as("changes when rewriting after.Dockerfile again").isEmpty();
	}

	/** Keeps the comments at the top of report.txt and writes the report under them. */
	private static void updateReport(Path reportFile, List<String> report) {
		List<String> lines = new ArrayList<>(
				GoldenFiles.header(reportFile, line -> line.isBlank() || line.startsWith("#")));
		lines.addAll(report);
		GoldenFiles.update(reportFile, GoldenFiles.lines(lines));
	}

	private static List<String> report(List<Change> changes, List<RewriteWarning> warnings, String prefix) {
		List<String> lines = new ArrayList<>();
		changes.forEach(c -> lines.add(prefix + "change " + c.line() + " " + c.ruleId()));
		warnings.forEach(w -> lines.add(prefix + "warning " + w.line() + " " + w.code()));
		return lines;
	}

}
