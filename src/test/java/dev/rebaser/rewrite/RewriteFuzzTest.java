package dev.rebaser.rewrite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebaser.dockerfile.DockerfileParser;
import dev.rebaser.dockerfile.DockerfileSyntaxException;
import dev.rebaser.rules.RuleSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Golden inputs cut and spliced line by line and character by character: whatever parses
 * must rewrite without an exception into text that parses again.
 */
class RewriteFuzzTest {

	private static final RuleSet RULES = RewriteGoldenTest.RULES;

	@Test
	void splicedInputsNeverBreakTheRewrite() throws IOException {
		List<String> lines = new ArrayList<>();
		try (Stream<Path> dirs = Files.list(Path.of("src/test/resources/rewrite"))) {
			for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
				lines.addAll(List.of(Files.readString(dir.resolve("before.Dockerfile")).split("(?<=\n)")));
			}
		}
		Random random = new Random(20261127);
		Rewriter rewriter = new Rewriter(RULES);
		RewriteOptions mips = RewriteOptions.defaults(RULES);
		RewriteOptions fedora = mips.withTarget(RULES.target("fedora-40", "amd64").orElseThrow())
			.withLowerHeredocs(false);
		int rewritten = 0;
		for (int i = 0; i < 4000; i++) {
			StringBuilder text = new StringBuilder("FROM alpine:3.19\n");
			int count = 1 + random.nextInt(8);
			for (int j = 0; j < count; j++) {
				String line = lines.get(random.nextInt(lines.size()));
				if (random.nextInt(4) == 0 && line.length() > 2) {
					int cut = random.nextInt(line.length());
					line = random.nextBoolean() ? line.substring(0, cut) + "\n" : line.substring(cut);
				}
				text.append(line);
			}
			String input = text.toString();
			try {
				DockerfileParser.parse(input);
			}
			catch (DockerfileSyntaxException broken) {
				continue;
			}
			try {
				for (RewriteOptions options : List.of(mips, fedora)) {
					RewriteResult result = rewriter.rewrite(input, options);
					DockerfileParser.parse(result.dockerfile());
				}
				rewritten++;
			}
			catch (DockerfileSyntaxException badSubstitution) {
				// a FROM whose ${…} does not expand: the documented answer for bad input
				assertThat(badSubstitution.getMessage()).contains("line");
			}
		}
		assertThat(rewritten).isGreaterThan(1000);
	}

}
