package dev.rebaser.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * Rewrites analyse every RUN of every image, often more than once: a typical RUN must take
 * microseconds. The bound is loose (a shared, busy machine) but catches anything quadratic.
 */
class ShellScriptSpeedTest {

    @Test
    void aLongRunAnalysesInMicroseconds() throws IOException {
        String script = ShellScriptTest.resource("build-deps.sh");
        String twoThousand = (script + " && ").repeat(3).substring(0, 2000);
        int commands = 0;
        for (int i = 0; i < 20_000; i++) {
            commands += ShellScript.parse(twoThousand).commands().size();
        }
        int rounds = 5_000;
        long start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            commands += ShellScript.parse(twoThousand).commands().size();
        }
        double micros = (System.nanoTime() - start) / 1_000.0 / rounds;

        assertThat(commands).isPositive();
        assertThat(micros).as("microseconds per 2000-char script").isLessThan(200.0);
    }

    @Test
    void pathologicalInputStaysRoughlyLinear() {
        String parens = "((((((((((".repeat(2_000) + "a";
        String quotes = "x \"".repeat(20_000);
        long start = System.nanoTime();
        ShellScript.parse(parens);
        ShellScript.parse(quotes);
        ShellScript.parse("a && ".repeat(50_000));
        double millis = (System.nanoTime() - start) / 1_000_000.0;

        assertThat(millis).isLessThan(2_000.0);
    }
}
