package dev.rebaser.bench;

import dev.rebaser.rewrite.RewriteOptions;
import dev.rebaser.rewrite.Rewriter;
import dev.rebaser.rules.RuleSet;
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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Rewrite throughput over the golden corpus (every {@code before.Dockerfile} of the rewrite cases,
 * default target, no availability check). One operation rewrites every file once.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RewriteBenchmark {

	static final Path CORPUS = Path.of("src/test/resources/rewrite");

	List<String> files;

	Rewriter rewriter;

	RewriteOptions options;

	@Setup
	public void load() throws IOException {
		files = corpus();
		RuleSet rules = RuleSet.builtin();
		rewriter = new Rewriter(rules);
		options = RewriteOptions.defaults(rules);
	}

	static List<String> corpus() throws IOException {
		List<String> files = new ArrayList<>();
		try (Stream<Path> dirs = Files.list(CORPUS)) {
			for (Path dir : dirs.sorted().toList()) {
				files.add(Files.readString(dir.resolve("before.Dockerfile")));
			}
		}
		return files;
	}

	@Benchmark
	public void rewriteGoldenCorpus(Blackhole sink) {
		for (String file : files) {
			sink.consume(rewriter.rewrite(file, options));
		}
	}

}
