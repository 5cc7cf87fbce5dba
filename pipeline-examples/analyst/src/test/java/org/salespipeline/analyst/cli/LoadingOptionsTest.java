package org.salespipeline.analyst.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The loading options of {@link LoadingOptions} (issue 13's reading options among them) are taken
 * the same way by every command that reads a stage history.
 */
class LoadingOptionsTest {

  /** A German-style export: {@code ;} between cells, US dates, amounts with a decimal comma. */
  private static final String AWKWARD = "deal_id;stage;entered_at;amount\n"
      + "D1;A;03/01/2024;1.000,50\nD1;Won;03/09/2024;1.000,50\n"
      + "D2;A;03/02/2024;500,25\nD2;Lost;03/04/2024;500,25\n"
      + "D3;A;03/05/2024;2.000,00\n";

  @TempDir
  Path dir;

  private final CliRun cli = new CliRun();

  private List<String> args(String command, Path history, String... extra) {
    List<String> args = new ArrayList<>(List.of(command, "--history", history.toString(), "--stages", "A"));
    if (command.equals("report")) {
      args.addAll(List.of("--out", dir.resolve("report.html").toString()));
    }
    args.addAll(List.of(extra));
    return args;
  }

  @ParameterizedTest
  @ValueSource(strings = {"summary", "metrics", "prioritize", "report"})
  void everyCommand_helpListsTheReadingOptionsWithTheirHelp(String command) {
    assertThat(cli.run(command, "--help")).isZero();

    // picocli wraps the descriptions to the width: compare with the wrapping undone
    assertThat(cli.out().replaceAll("\\s+", " ")).contains("--skip-bad-rows",
        "go on past bad rows: list them and leave out every deal that has one",
        "--delimiter=,|;|tab", "the cell delimiter (default: ,)", "--date-format=PATTERN",
        "a java.time pattern for entered_at and expected_close, such as MM/dd/yyyy (default: ISO-8601)",
        "--decimal-comma",
        "amounts are written 1.234,50", "--encoding=CHARSET", "the file's encoding, such as windows-1252 (default: UTF-8)",
        "--allow-any-year", "accept dates before 1900 or after 2200");
  }

  @ParameterizedTest
  @ValueSource(strings = {"summary", "metrics", "prioritize", "report", "movement", "forecast", "hygiene", "import"})
  void grouped_isAnOptionOfTheCommandsItKeepsInBoundedMemoryOnly(String command) {
    assertThat(cli.run(command, "--help")).isZero();

    String help = cli.out().replaceAll("\\s+", " ");
    if (List.of("summary", "metrics", "prioritize").contains(command)) {
      assertThat(help).contains("--grouped the file lists each deal's rows together: build each deal as its rows end "
          + "and hold no deal, reading the file again for each pass the command needs (bounded memory for files of any "
          + "size)");
    } else {
      assertThat(help).doesNotContain("--grouped");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"summary", "metrics", "prioritize", "report"})
  void everyCommand_readsAnAwkwardExportWithTheReadingOptions_andIsStrictWithout(String command) throws IOException {
    Path history = Files.writeString(dir.resolve("de.csv"), AWKWARD, StandardCharsets.UTF_8);

    assertThat(cli.run(args(command, history).toArray(String[]::new))).isEqualTo(2);
    assertThat(cli.errLines()).singleElement().asString().startsWith("pipeline " + command + ": " + history + ": ");
    cli.reset();

    assertThat(cli.run(args(command, history, "--delimiter", ";", "--date-format", "MM/dd/yyyy", "--decimal-comma")
        .toArray(String[]::new))).as("stderr %s", cli.errLines()).isZero();
    assertThat(cli.errLines()).noneMatch(line -> line.startsWith("rejected"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"summary", "metrics", "prioritize", "report"})
  void everyCommand_badReadingOption_isOneLineExitTwo(String command) throws IOException {
    Path history = Files.writeString(dir.resolve("h.csv"), "deal_id,stage,entered_at\nD1,A,2024-03-01\n");

    assertThat(cli.run(args(command, history, "--delimiter", "|").toArray(String[]::new))).isEqualTo(2);
    assertThat(cli.errLines()).containsExactly("pipeline " + command + ": bad --delimiter: expected , or ; or tab but"
        + " was '|'");
    cli.reset();

    assertThat(cli.run(args(command, history, "--encoding", "klingon-8").toArray(String[]::new))).isEqualTo(2);
    assertThat(cli.errLines()).singleElement().asString().startsWith("pipeline " + command + ": bad --encoding: "
        + "'klingon-8' is not a character set this Java knows");
  }

  @ParameterizedTest
  @ValueSource(strings = {"summary", "metrics", "prioritize", "report"})
  void everyCommand_skipBadRows_goesOnAndListsTheRejectedRows(String command) throws IOException {
    Path history = Files.writeString(dir.resolve("h.csv"), "deal_id,stage,entered_at,amount\n"
        + "D1,A,2024-03-01,10\nD1,Won,2024-03-09,10\nD2,A,2024-03-02,10\nD2,Lost,2024-03-04,10\n"
        + "D3,A,2024-03-05,10\nD4,A,not-a-date,10\n");

    assertThat(cli.run(args(command, history, "--skip-bad-rows").toArray(String[]::new)))
        .as("stderr %s", cli.errLines()).isZero();
    assertThat(cli.errLines()).anyMatch(line -> line.startsWith("rejected line 7 (deal D4): bad entered_at"));
  }
}
