package org.salespipeline.analyst.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MainTest {

  private static final String STAGES = "Prospecting,Qualification,Proposal";
  private static final String GOOD = "deal_id,stage,entered_at,amount,owner\n"
      + "D1,Prospecting,2024-03-01,100,ana\nD1,Won,2024-03-09,,\n"
      + "D2,Prospecting,2024-03-02,50,bo\nD2,Proposal,2024-03-04,,\n"
      + "D3,Qualification,2024-03-03,,bo\nD3,Lost,2024-03-05,,\n";

  @TempDir
  Path dir;

  private final CliRun cli = new CliRun();

  private Path file(String text) throws IOException {
    return Files.writeString(dir.resolve("history.csv"), text, StandardCharsets.UTF_8);
  }

  // ------------------------------------------------------------------------------- success

  @Test
  void summary_goodFile_printsCountsPerStageAndExitsZeroWithQuietStderr() throws IOException {
    int status = cli.run("summary", "--history", file(GOOD).toString(), "--stages", STAGES);

    assertThat(status).isZero();
    assertThat(cli.errLines()).isEmpty();
    assertThat(cli.out()).contains("rows            6 read           0 rejected")
        .contains("loaded          3 deals: 1 open, 1 won, 1 lost")
        .containsPattern("Proposal\\s+1\\n");
  }

  @Test
  void summary_json_hasCountsAndStagesInOrder() throws IOException {
    int status = cli.run("summary", "--history=" + file(GOOD), "--stages", STAGES, "--format", "json");

    assertThat(status).isZero();
    assertThat(cli.out().strip()).isEqualTo("{\"rowsRead\":6,\"rejectedRows\":0,\"dealsRead\":3,\"rejectedDeals\":0,\"deals\":3,"
        + "\"open\":1,\"won\":1,\"lost\":1,"
        + "\"stages\":{\"Prospecting\":0,\"Qualification\":0,\"Proposal\":1,\"Won\":1,\"Lost\":1},\"rejections\":[]}");
  }

  @Test
  void summary_badRow_strict_isOneLineNamingFileLineDealAndReason_exitTwo() throws IOException {
    Path history = file(GOOD + "D1,Proposal,not-a-date,,\n");

    assertThat(cli.run("summary", "--history", history.toString(), "--stages", STAGES)).isEqualTo(2);
    assertThat(cli.errLines()).containsExactly("pipeline summary: " + history + ": line 8 (deal D1): bad entered_at: "
        + "'not-a-date' is not an ISO-8601 date (2024-03-01) or date-time (2024-03-01T10:15:30Z) (--skip-bad-rows "
        + "leaves out the deals with bad rows and goes on)");
  }

  @Test
  void summary_someBadRows_skipped_rejectTheirWholeDeals_andListEachOnStderr() throws IOException {
    Path history = file(GOOD + "D4,Demo,2024-03-01,,\nD1,Proposal,not-a-date,,\n");

    int status = cli.run("summary", "--history", history.toString(), "--stages", STAGES, "--format", "json",
        "--skip-bad-rows");

    assertThat(status).isZero();
    assertThat(cli.out()).contains("\"rowsRead\":8,\"rejectedRows\":4,\"dealsRead\":4,\"rejectedDeals\":2,\"deals\":2");
    assertThat(cli.errLines()).containsExactly(
        "rejected line 2 (deal D1): the deal is not loaded: its row on line 9 is bad (bad entered_at: 'not-a-date' is"
            + " not an ISO-8601 date (2024-03-01) or date-time (2024-03-01T10:15:30Z))",
        "rejected line 3 (deal D1): the deal is not loaded: its row on line 9 is bad (bad entered_at: 'not-a-date' is"
            + " not an ISO-8601 date (2024-03-01) or date-time (2024-03-01T10:15:30Z))",
        "rejected line 8 (deal D4): unknown stage 'Demo'",
        "rejected line 9 (deal D1): bad entered_at: 'not-a-date' is not an ISO-8601 date (2024-03-01) or date-time "
            + "(2024-03-01T10:15:30Z)",
        history + ": 8 rows (4 rejected), 4 deals (2 rejected); loaded 4 rows of 2 deals",
        history + ": unknown stage 'Demo' (1 row); the pipeline's stages are Prospecting, Qualification, Proposal, "
            + "Won, Lost; add open stages to --stages, or fix the rows");
  }

  @Test
  void summary_manyBadRows_listsTheFirstFiftyAndCountsTheRest() throws IOException {
    StringBuilder csv = new StringBuilder("deal_id,stage,entered_at\n");
    for (int i = 0; i < 60; i++) {
      csv.append("D").append(i).append(",Nowhere,2024-03-01\n");
    }
    csv.append("D60,Prospecting,2024-03-01\n");

    int status = cli.run("summary", "--history", file(csv.toString()).toString(), "--stages", STAGES,
        "--skip-bad-rows");

    assertThat(status).isZero();
    assertThat(cli.errLines()).hasSize(HistoryInput.MAX_REPORTED + 3);
    assertThat(cli.errLines().get(HistoryInput.MAX_REPORTED)).isEqualTo("rejected 10 more rows, not listed");
  }

  @Test
  void summary_customWonLostAndCurrency_areUsed() throws IOException {
    Path history = file("deal_id,stage,entered_at\nD1,Demo,2024-03-01\nD1,closed won,2024-03-02\n");

    int status = cli.run("summary", "--history", history.toString(), "--stages", "Demo", "--won", "Closed Won",
        "--lost", "Closed Lost", "--currency", "eur", "--format", "json", "--grouped");

    assertThat(status).isZero();
    assertThat(cli.out()).contains("\"won\":1");
  }

  // ------------------------------------------------------------------------------- help

  @Test
  void help_listsCommandsOnStdout() {
    assertThat(cli.run("--help")).isZero();
    assertThat(cli.out()).startsWith("Usage: pipeline [-hV] [--verbose] COMMAND")
        .contains("summary", "metrics", "prioritize", "Exit status:");
    assertThat(cli.errLines()).isEmpty();
  }

  @Test
  void version_printsTheBuildsVersionOnStdout() {
    assertThat(cli.run("--version")).isZero();
    assertThat(cli.out()).startsWith("pipeline-analyst ").doesNotContain("${").contains("Java ");
    assertThat(cli.out().lines().findFirst().orElseThrow()).matches("pipeline-analyst \\d+\\.\\d+\\.\\d+.*");
  }

  @Test
  void bench_isNoLongerACommandOfTheAnalystJar() {
    assertThat(cli.run("--help")).isZero();
    assertThat(cli.out()).doesNotContain("bench");
    cli.reset();

    assertThat(cli.run("bench", "--deals", "40")).isEqualTo(2);
    assertThat(cli.errLines()).hasSize(1).first().asString().contains("unknown command 'bench'");
  }

  @Test
  void commandHelp_describesEveryOptionOnStdout() {
    assertThat(cli.run("summary", "--help")).isZero();
    assertThat(cli.out()).startsWith("check a stage-history file")
        .contains("Usage: pipeline summary [-hV] --history=FILE [--stages=\"A,B,C\"] [--won=NAME]")
        .contains("--grouped").contains("(default: Won, or the export shape's)").contains("--format=table|json");
    assertThat(cli.errLines()).isEmpty();
  }

  @Test
  void helpCommand_isTheSameAsCommandHelp() {
    cli.run("help", "summary");
    String viaHelp = cli.out();
    cli.reset();
    cli.run("summary", "--history", "x", "--help");

    assertThat(cli.out()).isEqualTo(viaHelp);
  }

  // ------------------------------------------------------------------------------- errors

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "no command          | ''",
      "unknown command     | fly",
      "unknown option      | summary --history h.csv --stages A --colour red",
      "missing required    | summary --history h.csv",
      "missing value       | summary --history h.csv --stages",
      "value then option   | summary --history --stages A",
      "repeated option     | summary --history h.csv --stages A --stages B",
      "positional argument | summary h.csv --stages A",
      "flag with value     | summary --history h.csv --stages A --grouped=yes",
      "bad format          | summary --history h.csv --stages A --format xml",
      "duplicate stages    | summary --history h.csv --stages A,a",
      "blank stage         | summary --history h.csv --stages A,,B",
      "won among open      | summary --history h.csv --stages A,Won",
      "bad currency        | summary --history h.csv --stages A --currency EURO",
      "missing file        | summary --history does-not-exist.csv --stages A",
      "help of unknown     | help fly",
      "bad top             | prioritize --history h.csv --stages A --top 0",
      "bad as-of           | metrics --history h.csv --stages A --as-of soon"})
  void badCommandLine_printsExactlyOneLineOnStderrAndExitsTwo(String what, String line) {
    String[] args = line.isEmpty() ? new String[0] : line.split(" ");

    int status = cli.run(args);

    assertThat(status).as(what).isEqualTo(2);
    assertThat(cli.errLines()).as(what).hasSize(1);
    assertThat(cli.errLines().get(0)).as(what).startsWith("pipeline");
    assertThat(cli.out()).as(what).isEmpty();
  }

  @Test
  void unknownOption_namesTheKnownOnes() {
    assertThat(cli.run("summary", "--histroy", "h.csv", "--stages", "A")).isEqualTo(2);
    assertThat(cli.errLines()).singleElement().asString()
        .startsWith("pipeline summary: unknown option or argument '--histroy'").contains("takes --history, --stages");
  }

  @Test
  void unknownOption_withTheRequiredOnesGiven_suggestsTheClosestKnownOne() {
    assertThat(cli.run("summary", "--history", "h.csv", "--stages", "A", "--groupd")).isEqualTo(2);
    assertThat(cli.errLines()).singleElement().asString()
        .startsWith("pipeline summary: Unknown option: '--groupd'").contains("did you mean --grouped");
  }

  @Test
  void outOfMemory_suggestsGroupedOnlyWhereItIsTakenAndNotGiven() {
    assertThat(Main.outOfMemory("pipeline metrics", true, false, 128L << 20)).isEqualTo("pipeline metrics: out of "
        + "memory; give Java more heap than the 128 MB it had (java -Xmx256m -jar ...) or, for a file that lists each "
        + "deal's rows together, add --grouped");
    assertThat(Main.outOfMemory("pipeline prioritize", true, true, 128L << 20)).isEqualTo("pipeline prioritize: out "
        + "of memory even with --grouped; give Java more heap than the 128 MB it had (java -Xmx256m -jar ...)");
    assertThat(Main.outOfMemory("pipeline report", false, false, 128L << 20)).isEqualTo("pipeline report: out of "
        + "memory; give Java more heap than the 128 MB it had (java -Xmx256m -jar ...)");
  }

  @Test
  void outOfMemory_suggestsMoreThanTheHeapItHad() {
    assertThat(Main.outOfMemory("pipeline summary", true, true, 4L << 30)).endsWith("more heap than the 4096 MB it "
        + "had (java -Xmx8g -jar ...)");
    assertThat(Main.outOfMemory("pipeline summary", true, true, 1000L << 20)).endsWith("(java -Xmx2000m -jar ...)");
  }

  @Test
  void missingRequired_namesTheOptionsAsWritten() {
    assertThat(cli.run("metrics", "--history", "h.csv")).isEqualTo(2);
    assertThat(cli.errLines()).containsExactly("pipeline metrics: missing --stages \"A,B,C\" (the open stages in "
        + "order), or --history-shape SHAPE for a CRM export (opportunities, salesforce-history, hubspot)");
  }

  @Test
  void badDate_isOneLineNamingTheOptionAndTheValue() {
    assertThat(cli.run("metrics", "--history", "h.csv", "--stages", "A", "--as-of", "soon")).isEqualTo(2);
    assertThat(cli.errLines()).singleElement().asString().startsWith("pipeline metrics: Invalid value for option "
        + "'--as-of': 'soon' is not an ISO-8601 date");
  }

  @Test
  void missingFile_saysSoNamingIt() {
    cli.run("summary", "--history", "nope.csv", "--stages", "A");

    assertThat(cli.errLines()).containsExactly("pipeline summary: cannot read nope.csv: no such file");
  }

  @Test
  void directoryAsFile_isOneLineExitTwo() {
    assertThat(cli.run("summary", "--history", dir.toString(), "--stages", "A")).isEqualTo(2);
    assertThat(cli.errLines()).containsExactly("pipeline summary: cannot read " + dir + ": it is a directory");
  }

  @Test
  void fileWithoutRequiredColumn_isOneLineExitTwo() throws IOException {
    Path history = file("id,stage,date\n1,A,2024-01-01\n");

    assertThat(cli.run("summary", "--history", history.toString(), "--stages", "A")).isEqualTo(2);
    assertThat(cli.errLines()).containsExactly("pipeline summary: " + history
        + ": line 1: the header has no column deal_id, entered_at (it has id, stage, date)");
  }

  @Test
  void fileNotUtf8_isOneLineExitTwo() throws IOException {
    Path history = Files.write(dir.resolve("latin1.csv"),
        "deal_id,stage,entered_at,owner\nD1,A,2024-01-01,Jos\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));

    assertThat(cli.run("summary", "--history", history.toString(), "--stages", "A")).isEqualTo(2);
    assertThat(cli.errLines()).containsExactly("pipeline summary: " + history + ": line 2: byte 0xE9 (byte offset 50) "
        + "is not UTF-8 text; give the file's encoding (--encoding windows-1252, say)");
    assertThat(cli.run("summary", "--history", history.toString(), "--stages", "A", "--encoding", "ISO-8859-1"))
        .isZero();
  }

  @Test
  void groupedButNotGrouped_isOneLineExitTwo() throws IOException {
    Path history = file(GOOD + "D1,Proposal,2024-03-10,,\n");

    assertThat(cli.run("summary", "--history", history.toString(), "--stages", STAGES, "--grouped")).isEqualTo(2);
    assertThat(cli.errLines()).containsExactly("pipeline summary: " + history + ": line 8: deal D1 appears again after "
        + "other deals' rows, so the file is not grouped by deal_id as was said; read it without the grouped option");
  }

  /**
   * Skipping bad rows, a file whose every deal is bad stops the command (exit 2); the rows it
   * rejected are listed first, by every command, as a run that goes on lists them.
   */
  @ParameterizedTest
  @ValueSource(strings = {"summary", "metrics", "hygiene"})
  void everyDealBad_skipping_listsTheRejectedRowsThenTheError(String command) throws IOException {
    Path history = file("deal_id,stage,entered_at\nD1,Nope,2024-03-01\nD2,Prospecting,bad\n");

    assertThat(cli.run(command, "--history", history.toString(), "--stages", STAGES, "--skip-bad-rows"))
        .isEqualTo(2);
    assertThat(cli.out()).isEmpty();
    assertThat(cli.errLines()).containsExactly("rejected line 2 (deal D1): unknown stage 'Nope'",
        "rejected line 3 (deal D2): bad entered_at: 'bad' is not an ISO-8601 date (2024-03-01) or date-time"
            + " (2024-03-01T10:15:30Z)",
        "pipeline " + command + ": " + history + ": no deal could be loaded: 2 rows, 2 rejected, 2 deals rejected;"
            + " the first: line 2 (deal D1): unknown stage 'Nope'; unknown stage 'Nope' (1 row); the pipeline's"
            + " stages are Prospecting, Qualification, Proposal, Won, Lost; add open stages to --stages, or fix the"
            + " rows");
  }

  @Test
  void emptyFile_isOneLineExitTwo() throws IOException {
    Path history = file("");

    assertThat(cli.run("summary", "--history", history.toString(), "--stages", "A")).isEqualTo(2);
    assertThat(cli.errLines()).singleElement().asString().contains("the file is empty");
  }
}
