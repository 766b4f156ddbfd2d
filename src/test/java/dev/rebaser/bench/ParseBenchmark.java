package dev.rebaser.bench;

import dev.rebaser.dockerfile.Dockerfile;
import dev.rebaser.dockerfile.DockerfileParser;
import dev.rebaser.dockerfile.Instruction;
import java.io.IOException;
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
 * Parse throughput over the Dockerfile test corpus. One operation parses every corpus
 * file once; {@link Benchmarks} turns operations per second into MB/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ParseBenchmark {

	static final Path CORPUS = Path.of("src/test/resources/dockerfiles");

	List<byte[]> files;

	@Setup
	public void load() throws IOException {
		files = corpus();
	}

	static List<byte[]> corpus() throws IOException {
		List<byte[]> files = new ArrayList<>();
		try (Stream<Path> paths = Files.list(CORPUS)) {
			for (Path path : paths.filter(p -> p.toString().endsWith(".Dockerfile")).sorted().toList()) {
				byte[] bytes = Files.readAllBytes(path);
				try {
					DockerfileParser.parse(bytes);
					files.add(bytes);
				}
				catch (RuntimeException rejected) {
					// the corpus holds deliberately broken files too; throughput is
					// measured on valid ones
				}
			}
		}
		return files;
	}

	/** The lossless tree alone. */
	@Benchmark
	public void parse(Blackhole hole) {
		for (byte[] file : files) {
			hole.consume(DockerfileParser.parse(file));
		}
	}

	/**
	 * The tree plus the stages and the shell analysis of every RUN, as the rewrite engine
	 * uses them.
	 */
	@Benchmark
	public void parseAndAnalyse(Blackhole hole) {
		for (byte[] file : files) {
			Dockerfile dockerfile = DockerfileParser.parse(file);
			hole.consume(dockerfile.stages());
			for (Instruction instruction : dockerfile.instructions()) {
				hole.consume(instruction.commands());
			}
		}
	}

}
