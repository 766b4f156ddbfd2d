package dev.rebaser.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Whatever bytes it is given, the parser either returns a tree that prints back to
 * exactly those bytes, or throws a {@link DockerfileSyntaxException} that names a line
 * and column. Nothing else may escape: not from parsing, and not from asking the tree for
 * its stages, commands or heredocs.
 * <p>
 * Inputs are the test corpus mutated at random, sequences of Dockerfile-shaped fragments,
 * and plain random bytes. The seed is fixed so a failure reproduces;
 * {@code -Dfuzz.seed=N} and {@code -Dfuzz.inputs=N} explore further.
 */
class DockerfileParserFuzzTest {

	private static final int INPUTS = Integer.getInteger("fuzz.inputs", 100_000);

	private static final long SEED = Long.getLong("fuzz.seed", 20261126L);

	private static final String[] FRAGMENTS = { "FROM ", "from ", "RUN ", "run ", "COPY ", "ADD ", "ARG ", "ENV ",
			"ONBUILD ", "CMD ", "ENTRYPOINT ", "SHELL ", "HEALTHCHECK ", "VOLUME ", "USER ", "WORKDIR ", "LABEL ",
			"EXPOSE ", "STOPSIGNAL ", "MAINTAINER ", "CROSS_BUILD_COPY ", "BASEIMAGE", "$BASEIMAGE", "${BASEIMAGE}",
			"${v:-w}", "${v:+", "${", "$", "AS ", " as ", "--platform=$BUILDPLATFORM ", "--from=", "--chown=1:1 ",
			"--mount=type=cache,target=/x ", "-- ", "--", "<<EOF", "<<-EOF", "<<'EOF'", "<<\"EOF\"", "3<<EOF", "<<",
			"EOF", "\tEOF", "\\", "`", "\\\n", "`\n", "\\ \n", "\n", "\r\n", "\r", "\n\n", "# comment\n",
			"# escape=`\n", "# escape=\\\n", "# syntax=docker/dockerfile:1\n", "# check=skip=all\n", "#", "[\"", "\"]",
			"[", "]", "\"", "'", ",", "=", "&&", "||", ";", "|", "&", "(", ")", "{", "}", "$(", "apk add ",
			"--no-cache ", "--virtual .build-deps ", "sh -c '", "if true; then ", "fi", "case x in a) ;; esac",
			"for a in b; do ", "done", "alpine:3.20", "debian:bookworm", "\u00e9", "\u20ac", "\ufeff", "\u0000", "    ",
			"\t", " " };

	@Test
	void nothingButSyntaxErrorsEscapeForAnyInput() throws IOException {
		List<byte[]> seeds = seeds();
		Random random = new Random(SEED);
		int accepted = 0;
		int rejected = 0;
		for (int i = 0; i < INPUTS; i++) {
			byte[] input = switch (i % 3) {
				case 0 -> mutate(seeds.get(random.nextInt(seeds.size())), random);
				case 1 -> fragments(random);
				default -> randomBytes(random);
			};
			if (check(input, i)) {
				accepted++;
			}
			else {
				rejected++;
			}
		}
		assertThat(accepted + rejected).isEqualTo(INPUTS);
		// A generator that only produced garbage (or only valid files) would prove
		// little.
		assertThat(accepted).as("accepted inputs").isGreaterThan(INPUTS / 10);
		assertThat(rejected).as("rejected inputs").isGreaterThan(INPUTS / 100);
	}

	private static boolean check(byte[] input, int index) {
		try {
			Dockerfile dockerfile = DockerfileParser.parse(input);
			if (!java.util.Arrays.equals(dockerfile.print().getBytes(StandardCharsets.UTF_8), input)) {
				fail("input #%d does not print back byte for byte: %s", index, HexFormat.of().formatHex(input));
			}
			exerciseModel(dockerfile);
			return true;
		}
		catch (DockerfileSyntaxException ex) {
			if (ex.line() < 1 || ex.column() < 1 || ex.detail() == null || ex.detail().isBlank()) {
				fail("input #%d: syntax error without a position or a message (%s): %s", index, ex.getMessage(),
						HexFormat.of().formatHex(input));
			}
			if (ex.detail().startsWith("internal parser error")) {
				// the parser's last line of defence turned a defect into a syntax error:
				// still a defect
				fail("input #%d: %s: %s", index, ex.getMessage(), HexFormat.of().formatHex(input));
			}
			return false;
		}
		catch (RuntimeException | StackOverflowError ex) {
			throw new AssertionError(
					"input #" + index + " threw " + ex + " for input " + HexFormat.of().formatHex(input), ex);
		}
	}

	private static void exerciseModel(Dockerfile dockerfile) {
		int length = dockerfile.text().length();
		for (Instruction instruction : dockerfile.instructions()) {
			visit(instruction, length);
			instruction.trigger().ifPresent(trigger -> visit(trigger, length));
		}
		for (Stage stage : dockerfile.stages()) {
			try {
				stage.resolvedBaseImage(Map.of());
				if (!stage.instructions().isEmpty()) {
					stage.variablesAt(stage.instructions().get(stage.instructions().size() - 1), Map.of());
				}
			}
			catch (DockerfileSyntaxException expected) {
				// a bad substitution in FROM is reported, not thrown as anything else
			}
		}
	}

	private static void visit(Instruction instruction, int length) {
		instruction.flags();
		instruction.arguments();
		instruction.execArgs();
		instruction.heredocs();
		for (ShellCommand command : instruction.commands()) {
			Span span = command.span();
			if (span.start() < 0 || span.end() > length || span.start() > span.end()) {
				fail("command span %s outside the text (%d chars)", span, length);
			}
		}
	}

	private static byte[] mutate(byte[] seed, Random random) {
		List<Byte> bytes = new ArrayList<>(seed.length + 16);
		for (byte b : seed) {
			bytes.add(b);
		}
		int mutations = 1 + random.nextInt(6);
		for (int m = 0; m < mutations; m++) {
			int at = bytes.isEmpty() ? 0 : random.nextInt(bytes.size() + 1);
			switch (random.nextInt(5)) {
				case 0 -> { // insert a fragment
					for (byte b : FRAGMENTS[random.nextInt(FRAGMENTS.length)].getBytes(StandardCharsets.UTF_8)) {
						bytes.add(Math.min(at++, bytes.size()), b);
					}
				}
				case 1 -> { // delete a run
					int n = Math.min(bytes.size() - Math.min(at, bytes.size()), 1 + random.nextInt(12));
					for (int k = 0; k < n; k++) {
						bytes.remove(Math.min(at, bytes.size() - 1));
					}
				}
				case 2 -> { // flip a byte
					if (!bytes.isEmpty()) {
						int pos = Math.min(at, bytes.size() - 1);
						bytes.set(pos, (byte) (bytes.get(pos) ^ (1 << random.nextInt(8))));
					}
				}
				case 3 -> { // truncate
					while (bytes.size() > at) {
						bytes.remove(bytes.size() - 1);
					}
				}
				default -> { // duplicate a run
					int from = bytes.isEmpty() ? 0 : random.nextInt(bytes.size());
					int n = Math.min(bytes.size() - from, 1 + random.nextInt(40));
					List<Byte> copy = new ArrayList<>(bytes.subList(from, from + n));
					bytes.addAll(Math.min(at, bytes.size()), copy);
				}
			}
		}
		byte[] out = new byte[bytes.size()];
		for (int i = 0; i < out.length; i++) {
			out[i] = bytes.get(i);
		}
		return out;
	}

	private static byte[] fragments(Random random) {
		StringBuilder text = new StringBuilder();
		int n = 1 + random.nextInt(40);
		for (int i = 0; i < n; i++) {
			text.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
			if (random.nextInt(4) == 0) {
				text.append('\n');
			}
		}
		return text.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] randomBytes(Random random) {
		byte[] bytes = new byte[random.nextInt(200)];
		random.nextBytes(bytes);
		if (random.nextBoolean()) {
			// mostly printable, with line ends, so the input reaches beyond the first
			// line
			for (int i = 0; i < bytes.length; i++) {
				int r = bytes[i] & 0xff;
				bytes[i] = (byte) (r < 20 ? '\n' : r < 230 ? 32 + r % 95 : r);
			}
		}
		return bytes;
	}

	private static List<byte[]> seeds() throws IOException {
		List<byte[]> seeds = new ArrayList<>();
		Path corpus = Path.of("src/test/resources/dockerfiles");
		if (Files.isDirectory(corpus)) {
			try (Stream<Path> files = Files.list(corpus)) {
				for (Path file : files.filter(f -> f.toString().endsWith(".Dockerfile")).sorted().toList()) {
					seeds.add(Files.readAllBytes(file));
				}
			}
		}
		seeds.add("""
				# syntax=docker/dockerfile:1
				ARG BASEIMAGE=alpine:3.20
				FROM --platform=$BUILDPLATFORM golang:1.22 AS build
				RUN <<EOF
				go build -o /out/app ./cmd/app
				EOF
				FROM $BASEIMAGE
				CROSS_BUILD_COPY qemu-QEMUARCH-static /usr/bin/
				RUN apk add --no-cache --virtual .build-deps gcc musl-dev \\
				    # compilers only for the build
				    && make && apk del .build-deps
				COPY --from=build /out/app /app
				ENTRYPOINT ["/sbin/tini", "--", "/app"]
				""".getBytes(StandardCharsets.UTF_8));
		seeds.add("# escape=`\r\nFROM mcr.microsoft.com/windows/servercore\r\nRUN dir `\r\n  c:\\\r\n"
			.getBytes(StandardCharsets.UTF_8));
		return seeds;
	}

}
