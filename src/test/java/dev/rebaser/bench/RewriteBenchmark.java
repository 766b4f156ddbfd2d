package dev.rebaser.bench;

import dev.rebaser.rewrite.RewriteOptions;
import dev.rebaser.rewrite.Rewriter;
import dev.rebaser.rules.RuleSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Rewrite throughput over the golden corpus for the default target (Debian bookworm,
 * mips64le), without the package availability check. One operation rewrites every golden
 * input once; {@link Benchmarks} turns that into Dockerfiles per second and MB/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RewriteBenchmark {

	static final Path CORPUS = Path.of("src/test/resources/rewrite");

	List<String> dockerfiles;

	Rewriter rewriter;

	RewriteOptions options;

	@Setup
	public void load() throws IOException {
		dockerfiles = corpus();
		RuleSet rules = RuleSet.builtin();
		rewriter = new Rewriter(rules);
		options = RewriteOptions.defaults(rules);
	}

	static List<String> corpus() throws IOException {
		List<String> files = new ArrayList<>();
		try (Stream<Path> cases = Files.list(CORPUS)) {
			for (Path dir : cases.sorted().toList()) {
				Path before = dir.resolve("before.Dockerfile");
				// strict and error cases stop with an exception: throughput is measured
				// on rewrites
				if (Files.isRegularFile(before) && !Files.exists(dir.resolve("options.properties"))) {
					files.add(Files.readString(before, StandardCharsets.UTF_8));
				}
			}
		}
		return files;
	}

	@Benchmark
	public void rewrite(Blackhole hole) {
		for (String dockerfile : dockerfiles) {
			hole.consume(rewriter.rewrite(dockerfile, options));
		}
	}

}
