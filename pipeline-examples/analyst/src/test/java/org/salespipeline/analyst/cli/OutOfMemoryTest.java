package org.salespipeline.analyst.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * Memory running out after some rows were rejected (SPEC §6: with {@code --skip-bad-rows} every bad
 * row is listed): the rows rejected so far are printed as a run that goes on prints them, then the
 * out-of-memory line, exit 2. The error is thrown by a command the test adds to the command line,
 * which reads the file as the analysis commands do (a holder from {@link Main#heldWarnings()}) and
 * then runs out, deterministically, where it is told.
 */
class OutOfMemoryTest {

  private static final String STAGES = "Prospecting,Qualification,Proposal";

  @TempDir
  Path dir;

  private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
  private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();

  /**
   * Reads the file holding its rejected rows, and throws OutOfMemoryError after the reading, or
   * during it, at the 52nd rejected row.
   */
  @Command(name = "read-then-run-out")
  static final class ReadThenRunOut implements Callable<Integer> {

    @ParentCommand
    private Main main;

    @Mixin
    private LoadingOptions loading = new LoadingOptions();

    @Option(names = "--while-reading")
    private boolean whileReading;

    @Override
    public Integer call() throws UsageException {
      HistoryInput input = HistoryInput.from(loading, main.err());
      HeldWarnings warnings = main.heldWarnings();
      if (whileReading) {
        int[] rejected = {0};
        warnings.reading(held -> input.read(held, deal -> { }, rejection -> {
          if (++rejected[0] == HistoryInput.MAX_REPORTED + 2) {
            throw new OutOfMemoryError("thrown by a test at the 52nd rejected row");
          }
        }));
      } else {
        input.export(warnings);
      }
      throw new OutOfMemoryError("thrown by a test before the held warnings are released");
    }
  }

  private int runOutOfMemory(String... args) {
    PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
    CommandLine line = Main.commandLine(out, err);
    line.addSubcommand(new ReadThenRunOut());
    return Main.run(line, args, err);
  }

  private List<String> errLines() {
    return List.of(errBytes.toString(StandardCharsets.UTF_8).split("\\R"));
  }

  private static String outOfMemoryLine() {
    return Main.outOfMemory("pipeline read-then-run-out", false, false, Runtime.getRuntime().maxMemory());
  }

  /** {@code bad} deals each with a row of an unknown stage, then the good deals D0 and D1. */
  private Path history(int bad) throws IOException {
    StringBuilder text = new StringBuilder("deal_id,stage,entered_at\n");
    for (int i = 0; i < bad; i++) {
      text.append("B").append(i).append(",Nope,2024-03-02\n");
    }
    text.append("D0,Prospecting,2024-03-01\nD1,Qualification,2024-03-03\n");
    return Files.writeString(dir.resolve("history.csv"), text, StandardCharsets.UTF_8);
  }

  @Test
  void afterTheReading_theRejectedRowsAsARunThatGoesOnPrintsThem_thenTheLine_exitTwo() throws IOException {
    Path history = history(1);
    CliRun normal = new CliRun();
    assertThat(normal.run("summary", "--history", history.toString(), "--stages", STAGES, "--skip-bad-rows"))
        .isZero();
    assertThat(normal.errLines()).first().isEqualTo("rejected line 2 (deal B0): unknown stage 'Nope'");

    int status = runOutOfMemory("read-then-run-out", "--history", history.toString(), "--stages", STAGES,
        "--skip-bad-rows");

    assertThat(status).isEqualTo(Main.USAGE);
    assertThat(outBytes.size()).isZero();
    List<String> expected = new ArrayList<>(normal.errLines());
    expected.add(outOfMemoryLine());
    assertThat(errLines()).containsExactlyElementsOf(expected);
  }

  @Test
  void whileReading_theFirstFiftyRowsAndTheCountOfTheRest_thenTheLine_exitTwo() throws IOException {
    Path history = history(HistoryInput.MAX_REPORTED + 5);

    int status = runOutOfMemory("read-then-run-out", "--history", history.toString(), "--stages", STAGES,
        "--skip-bad-rows", "--while-reading");

    assertThat(status).isEqualTo(Main.USAGE);
    List<String> err = errLines();
    assertThat(err).hasSize(HistoryInput.MAX_REPORTED + 2);
    for (int i = 0; i < HistoryInput.MAX_REPORTED; i++) {
      assertThat(err.get(i)).isEqualTo("rejected line " + (i + 2) + " (deal B" + i + "): unknown stage 'Nope'");
    }
    assertThat(err.get(HistoryInput.MAX_REPORTED)).isEqualTo("rejected 2 more rows, not listed");
    assertThat(err.get(HistoryInput.MAX_REPORTED + 1)).isEqualTo(outOfMemoryLine());
  }

  @Test
  void withoutRejectedRows_onlyTheLine() throws IOException {
    Path history = history(0);

    assertThat(runOutOfMemory("read-then-run-out", "--history", history.toString(), "--stages", STAGES))
        .isEqualTo(Main.USAGE);
    assertThat(errLines()).containsExactly(outOfMemoryLine());
  }
}
