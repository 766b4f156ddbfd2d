package dev.rebaser.rewrite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebaser.dockerfile.DockerfileParser;
import dev.rebaser.dockerfile.DockerfileSyntaxException;
import dev.rebaser.rules.RuleSet;
import dev.rebaser.rules.Target;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The parser's corpus (odd syntax of every kind) and the golden inputs, for every target:
 * the rewrite never fails on a file that parses, its output parses, and a second rewrite
 * finds no apk left.
 */
class RewriteCorpusTest {

	private static final RuleSet RULES = RewriteGoldenTest.RULES;

	private static List<String> inputs() throws IOException {
		List<String> inputs = new ArrayList<>();
		try (Stream<Path> files = Stream.concat(Files.list(Path.of("src/test/resources/dockerfiles")),
				Files.list(Path.of("src/test/resources/rewrite"))
					.filter(Files::isDirectory)
					.map(dir -> dir.resolve("before.Dockerfile")))) {
			for (Path file : files.filter(p -> p.toString().endsWith("Dockerfile")).sorted().toList()) {
				String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
				try {
					DockerfileParser.parse(text);
					inputs.add(text);
				}
				catch (DockerfileSyntaxException deliberatelyBroken) {
					// the parser corpus has broken files too
				}
			}
		}
		return inputs;
	}

	@Test
	void everyTargetRewritesEveryParsableFile() throws IOException {
		List<String> inputs = inputs();
		assertThat(inputs).hasSizeGreaterThan(60);
		Rewriter rewriter = new Rewriter(RULES);
		for (Target target : RULES.targets()) {
			for (boolean lower : new boolean[] { true, false }) {
				RewriteOptions options = RewriteOptions.defaults(RULES)
					.withTarget(target)
					.withLowerHeredocs(lower)
					.withRebaseBuildPlatformStages(lower);
				for (String input : inputs) {
					RewriteResult result = rewriter.rewrite(input, options);
					DockerfileParser.parse(result.dockerfile());
					RewriteResult again = rewriter.rewrite(result.dockerfile(), options);
					assertThat(again.changes()).as("%s on %s", target.key(), input)
						.noneMatch(change -> change.ruleId().startsWith("apk:"));
				}
			}
		}
	}

}
