package org.salespipeline.analyst.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Runs the command line in-process, as the tests of every command do, and keeps what it printed. */
final class CliRun {

  private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
  private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();

  int run(String... args) {
    return Main.run(args, new PrintStream(outBytes, true, StandardCharsets.UTF_8),
        new PrintStream(errBytes, true, StandardCharsets.UTF_8));
  }

  /** Runs the command line, asserts it exited 0 with nothing on standard error, and returns its output. */
  String runOk(String... args) {
    assertThat(run(args)).as("exit status; stderr %s", errLines()).isZero();
    assertThat(errLines()).isEmpty();
    return out();
  }

  String out() {
    return outBytes.toString(StandardCharsets.UTF_8);
  }

  List<String> errLines() {
    String err = errBytes.toString(StandardCharsets.UTF_8);
    return err.isEmpty() ? List.of() : List.of(err.split("\\R"));
  }

  /** Forgets what was printed so far, for a second run in the same test. */
  void reset() {
    outBytes.reset();
    errBytes.reset();
  }
}
