package org.salespipeline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The command line of the benchmarks jar: its main class runs the {@code bench} command. */
class BenchMainTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return Bench.runCommandLine(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private List<String> errLines() {
    String text = err.toString(StandardCharsets.UTF_8);
    return text.isEmpty() ? List.of() : List.of(text.split("\\R"));
  }

  @Test
  void bench_isTheCommandOfTheJar_runningTheHarness() {
    assertThat(run("bench", "--help")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("--deals");
    out.reset();

    assertThat(run("bench", "--deals", "40", "--warmups", "0", "--runs", "1")).isZero();

    assertThat(out.toString(StandardCharsets.UTF_8)).contains("AGREE transitions")
        .containsPattern("COMPARE transitions ours=\\S+ stateless4j=\\S+ speedup=\\S+")
        .containsPattern("MEMORY bytes_per_deal=\\d+");
    assertThat(errLines()).isEmpty();
  }

  @Test
  void bench_badOption_isOneLineExitTwo() {
    assertThat(run("bench", "--deals", "none")).isEqualTo(2);
    assertThat(errLines()).hasSize(1).first().asString().startsWith("bench: ");
  }

  @Test
  void commandName_mayBeLeftOut() {
    assertThat(run("--deals", "none")).isEqualTo(2);
    assertThat(errLines()).hasSize(1).first().asString().startsWith("bench: ");
  }
}
