package dev.rebaser.bench;

import dev.rebaser.dockerfile.ShellScript;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
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

/**
 * Shell analysis of one RUN: a 2,000-character build script, and inputs built to provoke
 * quadratic behaviour (deep parentheses, unbalanced quotes, very long lists).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ShellBenchmark {

	String buildScript;

	String deepParentheses;

	String unbalancedQuotes;

	String longList;

	@Setup
	public void load() throws IOException {
		String script = Files.readString(Path.of("src/test/resources/dockerfile/shell/build-deps.sh"));
		buildScript = (script + " && ").repeat(3).substring(0, 2000);
		deepParentheses = "((((((((((".repeat(2_000) + "a";
		unbalancedQuotes = "x \"".repeat(20_000);
		longList = "a && ".repeat(50_000);
	}

	@Benchmark
	public ShellScript buildScript() {
		return ShellScript.parse(buildScript);
	}

	@Benchmark
	public ShellScript deepParentheses() {
		return ShellScript.parse(deepParentheses);
	}

	@Benchmark
	public ShellScript unbalancedQuotes() {
		return ShellScript.parse(unbalancedQuotes);
	}

	@Benchmark
	public ShellScript longList() {
		return ShellScript.parse(longList);
	}

}
