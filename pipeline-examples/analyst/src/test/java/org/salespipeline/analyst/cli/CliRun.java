package org.salespipeline.analyst.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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

  /**
   * Runs the command line, asserts it exited 2 (a problem the user can fix) with nothing on standard
   * output and one line on standard error, and returns that line.
   */
  String runFailing(String... args) {
    assertThat(run(args)).as("exit status; stdout %s", out()).isEqualTo(Main.USAGE);
    assertThat(out()).isEmpty();
    assertThat(errLines()).hasSize(1);
    return errLines().get(0);
  }

  /** The arguments {@code first}, then {@code more}. */
  static String[] args(String[] first, String... more) {
    String[] args = Arrays.copyOf(first, first.length + more.length);
    System.arraycopy(more, 0, args, first.length, more.length);
    return args;
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
