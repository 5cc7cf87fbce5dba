package org.salespipeline.analyst.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Fuzzes the analyst command line's option parsing ({@link Main#run}, picocli and every command's
 * converters and checks): any argument array ends with exit status 0, or 2 with exactly one line on
 * standard error; never 1 (a bug), never an exception escaping, never a {@code bug:} line.
 *
 * <p>An input is the arguments, one a line. So that a run is fast and touches nothing outside a
 * temporary folder, the value of {@code --history} is a small six-row file when the input says
 * {@code {file}} and otherwise a path that does not exist; the value of {@code --out} is a file in
 * the temporary folder; an {@code @file} argument names a file that does not exist; and
 * {@code --verbose} is left out (it switches the JVM's logging on for every later run, and its DEBUG
 * lines are not the one-line error this target checks).
 *
 * <p>Every build replays the committed corpus in {@code OptionsFuzzTestInputs/} (the command lines of
 * the CLI's tests, good and bad); {@code ./mvnw -Pfuzz verify} explores from it.
 */
class OptionsFuzzTest {

  private static final String HISTORY = "deal_id,stage,entered_at,amount,owner\n"
      + "D1,Prospecting,2024-03-01,100,ana\nD1,Won,2024-03-09,,\n"
      + "D2,Prospecting,2024-03-02,50,bo\nD2,Proposal,2024-03-04,,\n"
      + "D3,Qualification,2024-03-03,,bo\nD3,Lost,2024-03-05,,\n";
  private static final Path DIR = temporaryFolder();
  private static final String FILE = DIR.resolve("history.csv").toString();
  private static final String MISSING = DIR.resolve("missing.csv").toString();
  private static final String OUT = DIR.resolve("report/report.html").toString();

  @FuzzTest
  void run_anyArguments_exitsZeroOrTwoWithOneLine_neverABug(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    String[] args = safe(text.isEmpty() ? List.of() : List.of(text.split("\n", -1)));

    CliRun cli = new CliRun();
    int status = cli.run(args);

    assertThat(cli.errLines()).as("no bug reported").noneMatch(line -> line.contains(": bug: "));
    assertThat(status).as("exit status of %s", List.of(args)).isIn(0, Main.USAGE);
    if (status == Main.USAGE) {
      assertThat(cli.errLines()).as("one line on standard error for %s", List.of(args)).hasSize(1);
    }
  }

  /** The arguments with the paths replaced as the class comment says. */
  private static String[] safe(List<String> raw) {
    List<String> args = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      String arg = raw.get(i);
      if (arg.equals("--verbose")) {
        continue;
      }
      if (arg.startsWith("@")) {
        args.add("@" + MISSING);
      } else if (arg.startsWith("--history=")) {
        args.add("--history=" + history(arg.substring("--history=".length())));
      } else if (arg.startsWith("--out=")) {
        args.add("--out=" + OUT);
      } else if ((arg.equals("--history") || arg.equals("--out")) && i + 1 < raw.size()) {
        args.add(arg);
        i++;
        args.add(arg.equals("--out") ? OUT : history(raw.get(i)));
      } else {
        args.add(arg);
      }
    }
    return args.toArray(String[]::new);
  }

  private static String history(String value) {
    return value.equals("{file}") ? FILE : MISSING;
  }

  private static Path temporaryFolder() {
    try {
      Path dir = Files.createTempDirectory("options-fuzz");
      Files.writeString(dir.resolve("history.csv"), HISTORY, StandardCharsets.UTF_8);
      dir.toFile().deleteOnExit();
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
