package dev.rebaser.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import dev.rebaser.golden.GoldenFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Checks the parser against hand-written Dockerfiles under
 * {@code src/test/resources/dockerfiles}.
 *
 * <p>
 * Every {@code NAME.Dockerfile} comes with exactly one of:
 * <ul>
 * <li>{@code NAME.expected}: the structure the parser must report, in the line format
 * produced by {@link #describe}; the file must also print back byte for byte.</li>
 * <li>{@code NAME.error}: the input must be rejected; first line
 * {@code line L, column C}, second line a phrase the message must contain
 * (case-insensitive).</li>
 * </ul>
 *
 * <p>
 * Format of {@code .expected} (lines starting with {@code //} and blank lines are
 * ignored): <pre>
 * buildarg NAME=VALUE            input, not structure: build args passed to resolvedBaseImage/variablesAt
 * escape \                       Dockerfile.escape()
 * bom                            present only when a BOM trivia node exists
 * comments N                     number of COMMENT trivia nodes (one per comment line outside instructions)
 * directive NAME=VALUE           each honoured parser directive, in order
 * global-args L,L | -            start lines of Dockerfile.globalArgs()
 * instruction KW S-E [written=kw] [unknown]
 *   flag NAME[=VALUE]            each flag, in order
 *   args TEXT                    Instruction.arguments()
 *   exec ["a","b"]               execArgs() as JSON, only when isExecForm()
 *   heredoc D fd=N strip=B quoted=B body=S-E|- end=L content=TEXT    (RUN/COPY/ADD only)
 *   command L ARGV...            each ShellCommand with a non-empty argv (RUN only): line of its start, argv joined by spaces
 *   trigger                      ONBUILD only: the trigger instruction follows, indented by two spaces
 * stage I from=L base=B alias=A|- platform=P|- parent=I|- placeholder=B resolved=R body=L,L|-
 * vars I K=V ... | -             variablesAt(last instruction of stage I), sorted by name; only for stages with instructions
 * </pre> In TEXT values a tab is written as U+2409, a carriage return as U+240D and a
 * line feed as U+240A; everything else is literal.
 *
 * <p>
 * With {@code -Dgolden.update=true} every {@code .expected} is written from what the
 * parser reports instead, keeping the comments and {@code buildarg} lines at its top (see
 * README.md beside the files). {@code .error} files are written by hand.
 */
class DockerfileCorpusTest {

	private static final int MINIMUM_VALID_FILES = 64;

	private static final int MINIMUM_ERROR_FILES = 6;

	@TestFactory
	Stream<DynamicNode> corpus() {
		return corpusFiles().stream().map(DockerfileCorpusTest::testsFor);
	}

	@Test
	void corpusIsLargeEnoughAndEveryFileHasExactlyOneExpectation() {
		List<Path> files = corpusFiles();
		long valid = 0;
		long errors = 0;
		for (Path file : files) {
			boolean expected = Files.exists(sibling(file, ".expected"));
			boolean error = Files.exists(sibling(file, ".error"));
			assertThat(expected ^ error).as("%s needs exactly one of .expected / .error", file.getFileName()).isTrue();
			if (expected) {
				valid++;
			}
			else {
				errors++;
			}
		}
		assertThat(valid).isGreaterThanOrEqualTo(MINIMUM_VALID_FILES);
		assertThat(errors).isGreaterThanOrEqualTo(MINIMUM_ERROR_FILES);
	}

	private static DynamicNode testsFor(Path file) {
		String name = file.getFileName().toString();
		Path expected = sibling(file, ".expected");
		if (Files.exists(expected)) {
			return DynamicContainer.dynamicContainer(name, Stream.of(
					DynamicTest.dynamicTest("round trip", file.toUri(), () -> assertRoundTrip(file)),
					DynamicTest.dynamicTest("structure", expected.toUri(), () -> assertStructure(file, expected))));
		}
		Path error = sibling(file, ".error");
		return DynamicTest.dynamicTest(name + " is rejected", error.toUri(), () -> assertRejected(file, error));
	}

	private static void assertRoundTrip(Path file) throws IOException {
		byte[] bytes = Files.readAllBytes(file);
		Dockerfile dockerfile = DockerfileParser.parse(bytes);
		assertThat(dockerfile.print().getBytes(StandardCharsets.UTF_8)).isEqualTo(bytes);
		assertThat(dockerfile.nodes().stream().map(Node::text).collect(Collectors.joining()))
			.isEqualTo(dockerfile.text());
	}

	private static void assertStructure(Path file, Path expectedFile) throws IOException {
		List<String> expectedLines = Files.readAllLines(expectedFile, StandardCharsets.UTF_8);
		Map<String, String> buildArgs = new LinkedHashMap<>();
		List<String> expected = new ArrayList<>();
		for (String line : expectedLines) {
			if (line.isBlank() || line.startsWith("//")) {
				continue;
			}
			if (line.startsWith("buildarg ")) {
				String assignment = line.substring("buildarg ".length());
				int eq = assignment.indexOf('=');
				buildArgs.put(assignment.substring(0, eq), assignment.substring(eq + 1));
				continue;
			}
			expected.add(line);
		}
		Dockerfile dockerfile = DockerfileParser.parse(Files.readAllBytes(file));
		String actual = describe(dockerfile, buildArgs);
		if (GoldenFiles.updating()) {
			// the comments and build args at the top are input; the structure is output
			List<String> header = GoldenFiles.header(expectedFile,
					line -> line.isBlank() || line.startsWith("//") || line.startsWith("buildarg "));
			GoldenFiles.update(expectedFile, GoldenFiles.lines(header) + actual);
			return;
		}
		assertThat(actual).isEqualTo(String.join("\n", expected) + "\n");
	}

	private static void assertRejected(Path file, Path errorFile) throws IOException {
		List<String> lines = Files.readAllLines(errorFile, StandardCharsets.UTF_8);
		String position = lines.get(0).trim();
		String phrase = lines.get(1).trim();
		int comma = position.indexOf(", column ");
		int line = Integer.parseInt(position.substring("line ".length(), comma));
		int column = Integer.parseInt(position.substring(comma + ", column ".length()));
		byte[] bytes = Files.readAllBytes(file);
		assertThatThrownBy(() -> DockerfileParser.parse(bytes)).isInstanceOfSatisfying(DockerfileSyntaxException.class,
				e -> {
					assertThat(e.line()).as("line").isEqualTo(line);
					assertThat(e.column()).as("column").isEqualTo(column);
					assertThat(e.getMessage()).startsWith(position + ": ");
					assertThat(e.getMessage().toLowerCase(Locale.ROOT)).contains(phrase.toLowerCase(Locale.ROOT));
				});
	}

	/**
	 * Renders the parsed structure in the {@code .expected} format described on this
	 * class.
	 */
	static String describe(Dockerfile dockerfile, Map<String, String> buildArgs) {
		StringBuilder out = new StringBuilder();
		out.append("escape ").append(dockerfile.escape()).append('\n');
		boolean bom = dockerfile.nodes().stream().anyMatch(n -> n instanceof Trivia t && t.kind() == Trivia.Kind.BOM);
		if (bom) {
			out.append("bom\n");
		}
		long comments = dockerfile.nodes()
			.stream()
			.filter(n -> n instanceof Trivia t && t.kind() == Trivia.Kind.COMMENT)
			.count();
		out.append("comments ").append(comments).append('\n');
		for (Directive directive : dockerfile.directives()) {
			out.append("directive ")
				.append(directive.name())
				.append('=')
				.append(visible(directive.value()))
				.append('\n');
		}
		out.append("global-args ").append(startLines(dockerfile.globalArgs())).append('\n');
		for (Instruction instruction : dockerfile.instructions()) {
			describeInstruction(dockerfile, instruction, "", out);
		}
		for (Stage stage : dockerfile.stages()) {
			out.append("stage ")
				.append(stage.index())
				.append(" from=")
				.append(stage.from().startLine())
				.append(" base=")
				.append(stage.baseImage())
				.append(" alias=")
				.append(orDash(stage.alias()))
				.append(" platform=")
				.append(orDash(stage.platform()))
				.append(" parent=")
				.append(stage.parent().isPresent() ? String.valueOf(stage.parent().getAsInt()) : "-")
				.append(" placeholder=")
				.append(stage.placeholder())
				.append(" resolved=")
				.append(stage.resolvedBaseImage(buildArgs))
				.append(" body=")
				.append(startLines(stage.instructions()))
				.append('\n');
		}
		for (Stage stage : dockerfile.stages()) {
			if (stage.instructions().isEmpty()) {
				continue;
			}
			Instruction last = stage.instructions().get(stage.instructions().size() - 1);
			Map<String, String> variables = new TreeMap<>(stage.variablesAt(last, buildArgs));
			out.append("vars ").append(stage.index());
			if (variables.isEmpty()) {
				out.append(" -");
			}
			variables.forEach((k, v) -> out.append(' ').append(k).append('=').append(visible(v)));
			out.append('\n');
		}
		return out.toString();
	}

	private static void describeInstruction(Dockerfile dockerfile, Instruction instruction, String indent,
			StringBuilder out) {
		out.append(indent)
			.append("instruction ")
			.append(instruction.keyword())
			.append(' ')
			.append(instruction.startLine())
			.append('-')
			.append(instruction.endLine());
		if (!instruction.keywordAsWritten().equals(instruction.keyword())) {
			out.append(" written=").append(instruction.keywordAsWritten());
		}
		if (!instruction.isKnown()) {
			out.append(" unknown");
		}
		out.append('\n');
		for (var flag : instruction.flags()) {
			out.append(indent).append("  flag ").append(flag.name());
			if (flag.value() != null) {
				out.append('=').append(visible(flag.value()));
			}
			out.append('\n');
		}
		out.append(indent).append("  args");
		if (!instruction.arguments().isEmpty()) {
			out.append(' ').append(visible(instruction.arguments()));
		}
		out.append('\n');
		if (instruction.isExecForm()) {
			out.append(indent).append("  exec ").append(json(instruction.execArgs())).append('\n');
		}
		String keyword = instruction.keyword();
		if (keyword.equals("RUN") || keyword.equals("COPY") || keyword.equals("ADD")) {
			for (Heredoc heredoc : instruction.heredocs()) {
				out.append(indent)
					.append("  heredoc ")
					.append(heredoc.delimiter())
					.append(" fd=")
					.append(heredoc.fd())
					.append(" strip=")
					.append(heredoc.stripTabs())
					.append(" quoted=")
					.append(heredoc.quoted())
					.append(" body=")
					.append(lineRange(dockerfile, heredoc.bodySpan()))
					.append(" end=")
					.append(dockerfile.lineOf(heredoc.terminatorSpan().start()))
					.append(" content=")
					.append(visible(heredoc.content()))
					.append('\n');
			}
		}
		if (keyword.equals("RUN")) {
			for (ShellCommand command : instruction.commands()) {
				if (command.argv().isEmpty()) {
					continue;
				}
				out.append(indent)
					.append("  command ")
					.append(dockerfile.lineOf(command.span().start()))
					.append(' ')
					.append(visible(String.join(" ", command.argv())))
					.append('\n');
			}
		}
		Optional<Instruction> trigger = instruction.trigger();
		if (trigger.isPresent()) {
			out.append(indent).append("  trigger\n");
			describeInstruction(dockerfile, trigger.get(), indent + "    ", out);
		}
	}

	private static String lineRange(Dockerfile dockerfile, Span span) {
		if (span.length() == 0) {
			return "-";
		}
		return dockerfile.lineOf(span.start()) + "-" + dockerfile.lineOf(span.end() - 1);
	}

	private static String startLines(List<Instruction> instructions) {
		if (instructions.isEmpty()) {
			return "-";
		}
		return instructions.stream().map(i -> String.valueOf(i.startLine())).collect(Collectors.joining(","));
	}

	private static String orDash(String value) {
		return value == null ? "-" : value;
	}

	/**
	 * Makes tabs and line ends visible so that every value stays on one line of the
	 * expectation.
	 */
	static String visible(String text) {
		return text.replace('\t', '\u2409').replace('\r', '\u240D').replace('\n', '\u240A');
	}

	static String json(List<String> strings) {
		StringBuilder out = new StringBuilder("[");
		for (int i = 0; i < strings.size(); i++) {
			if (i > 0) {
				out.append(',');
			}
			out.append('"');
			for (char c : strings.get(i).toCharArray()) {
				switch (c) {
					case '"' -> out.append("\\\"");
					case '\\' -> out.append("\\\\");
					case '\n' -> out.append("\\n");
					case '\t' -> out.append("\\t");
					case '\r' -> out.append("\\r");
					default -> out.append(c);
				}
			}
			out.append('"');
		}
		return out.append(']').toString();
	}

	private static List<Path> corpusFiles() {
		URL root = DockerfileCorpusTest.class.getResource("/dockerfiles");
		if (root == null) {
			fail("no dockerfiles directory on the test class path");
		}
		try (Stream<Path> files = Files.list(Path.of(root.toURI()))) {
			return files.filter(p -> p.getFileName().toString().endsWith(".Dockerfile")).sorted().toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (URISyntaxException e) {
			throw new IllegalStateException(e);
		}
	}

	private static Path sibling(Path dockerfile, String extension) {
		String name = dockerfile.getFileName().toString();
		return dockerfile.resolveSibling(name.substring(0, name.length() - ".Dockerfile".length()) + extension);
	}

}
