package org.salespipeline.analyst.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fixture of the command-line tests worked by hand over one small history: before each test
 * the history is written afresh as {@code history.csv} in a temporary folder of that test's
 * ({@link #dir}, where a test writes its other files too), and the command line runs in-process
 * ({@link #cli}). A test class extends it, passing its history's text and open stages.
 */
abstract class HistoryFileCli {

  @TempDir
  Path dir;

  /** The history file, written before each test. */
  Path history;

  final CliRun cli = new CliRun();

  private final String csv;
  private final String stages;

  HistoryFileCli(String csv, String stages) {
    this.csv = csv;
    this.stages = stages;
  }

  @BeforeEach
  final void writeHistory() throws IOException {
    history = Files.writeString(dir.resolve("history.csv"), csv, StandardCharsets.UTF_8);
  }

  /** Runs a command over the history, asserting it exits 0 with nothing on standard error; returns its output. */
  String run(String command, String... extra) {
    return cli.runOk(withHistory(command, extra));
  }

  /** Runs a command over the history, asserting it exits 2 with one line on standard error; returns that line. */
  String fails(String command, String... extra) {
    return cli.runFailing(withHistory(command, extra));
  }

  /** The arguments of a command over the history: {@code --history}, {@code --stages}, then {@code extra}. */
  String[] withHistory(String command, String... extra) {
    String[] base = {command, "--history", history.toString(), "--stages", stages};
    return CliRun.args(base, extra);
  }
}
