package dev.rebaser.bench;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the JMH benchmarks on one thread; the parse benchmarks are also given in MB/s.
 * Argument: an optional regular expression selecting benchmarks.
 */
public final class Benchmarks {

	private Benchmarks() {
	}

	public static void main(String[] args) throws RunnerException, IOException {
		List<byte[]> corpus = ParseBenchmark.corpus();
		long bytes = corpus.stream().mapToLong(file -> file.length).sum();
		List<String> golden = RewriteBenchmark.corpus();
		long goldenBytes = golden.stream()
			.mapToLong(file -> file.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
			.sum();
		Options options = new OptionsBuilder().include(args.length > 0 ? args[0] : "dev.rebaser.bench")
			.threads(1)
			.build();
		Collection<RunResult> results = new Runner(options).run();
		System.out.printf("%nparse corpus: %d files, %d bytes; rewrite corpus: %d files, %d bytes%n", corpus.size(),
				bytes, golden.size(), goldenBytes);
		for (RunResult result : results) {
			String name = result.getParams().getBenchmark();
			double score = result.getPrimaryResult().getScore();
			double error = result.getPrimaryResult().getScoreError();
			String unit = result.getPrimaryResult().getScoreUnit();
			if (name.startsWith(ParseBenchmark.class.getName())) {
				// one operation is one pass over the whole corpus
				System.out.printf("%-62s %10.1f %s ± %.1f = %8.1f MB/s (%.0f files/s)%n", name, score, unit, error,
						score * bytes / 1e6, score * corpus.size());
			}
			else if (name.startsWith(RewriteBenchmark.class.getName())) {
				System.out.printf("%-62s %10.1f %s ± %.1f = %8.1f MB/s (%.0f Dockerfiles/s)%n", name, score, unit,
						error, score * goldenBytes / 1e6, score * golden.size());
			}
			else {
				System.out.printf("%-62s %10.3f %s ± %.3f%n", name, score, unit, error);
			}
		}
	}

}
