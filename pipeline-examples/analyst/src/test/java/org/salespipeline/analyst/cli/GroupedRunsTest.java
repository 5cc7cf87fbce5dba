package org.salespipeline.analyst.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --grouped} changes how much memory a command holds, never what it prints: {@code metrics}
 * and {@code prioritize} on a file grouped by deal print the same standard output and the same
 * standard error with {@code --grouped} as without, in every format, with a window, a grouping,
 * each scorer and rejected rows. The file is {@link GroupedFileGenerator}'s realistic book of
 * 1,500 deals, with a few bad rows written in.
 */
class GroupedRunsTest {

  @TempDir
  static Path dir;

  private static Path file;
  private static Path withBadRows;

  @BeforeAll
  static void write() throws IOException {
    file = dir.resolve("grouped.csv");
    GroupedFileGenerator.write(1_500, file);
    // an unknown stage in one deal's rows and a bad date in another's: each deal is rejected whole
    List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
    int misspelt = indexOf(lines, ",Qualification,", 10);
    lines.set(misspelt, lines.get(misspelt).replace(",Qualification,", ",Qualifcation,"));
    int badDate = indexOf(lines, ",2025-", 200);
    lines.set(badDate, lines.get(badDate).replaceFirst(",2025-", ",20x5-"));
    withBadRows = dir.resolve("bad.csv");
    Files.write(withBadRows, lines, StandardCharsets.UTF_8);
  }

  private static int indexOf(List<String> lines, String text, int from) {
    for (int i = from; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) {
        return i;
      }
    }
    throw new IllegalStateException("the generated file has no line with " + text + " after line " + from);
  }

  /** Runs a command with and without --grouped, asserting both exit 0 and print the same; returns the output. */
  private static String sameOutput(String... args) {
    CliRun plain = new CliRun();
    CliRun grouped = new CliRun();
    List<String> withGrouped = new ArrayList<>(List.of(args));
    withGrouped.add("--grouped");

    assertThat(plain.run(args)).as("exit status; stderr %s", plain.errLines()).isZero();
    assertThat(grouped.run(withGrouped.toArray(String[]::new))).as("exit status; stderr %s", grouped.errLines()).isZero();

    assertThat(grouped.out()).isEqualTo(plain.out());
    assertThat(grouped.errLines()).isEqualTo(plain.errLines());
    return plain.out();
  }

  private static String[] args(String command, Path history, String... more) {
    List<String> args = new ArrayList<>(List.of(command, "--history", history.toString(), "--stages",
        GroupedFileGenerator.stages()));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  @ParameterizedTest
  @ValueSource(strings = {"table", "json", "csv"})
  void metrics_grouped_printsWhatTheWholeFilePrints(String format) {
    String out = sameOutput(args("metrics", file, "--format", format));

    assertThat(out).contains("1500"); // the deals are all there, in every format
  }

  @ParameterizedTest
  @ValueSource(strings = {"owner", "currency", "segment"})
  void metrics_groupedWithGroupingAndWindow_printsWhatTheWholeFilePrints(String column) {
    String out = sameOutput(args("metrics", file, "--group-by", column, "--from", "2025-03-01", "--as-of", "2025-10-01",
        "--format", "json"));

    assertThat(out).contains("\"groups\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"historical", "naive-bayes", "stage", "scorecard"})
  void prioritize_grouped_printsWhatTheWholeFilePrints(String scorer) {
    String out = sameOutput(args("prioritize", file, "--scorer", scorer, "--top", "25", "--format", "json"));

    assertThat(out).contains("\"scorer\":\"" + scorer + "\"").contains("\"dealId\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"table", "csv"})
  void prioritize_groupedWithFeaturesAndTeam_printsWhatTheWholeFilePrints(String format) {
    String out = sameOutput(args("prioritize", file, "--scorer", "naive-bayes", "--features", "source",
        "--team", "segment", "--as-of", "2025-09-01", "--format", format));

    assertThat(out).isNotBlank();
  }

  /**
   * Skipping bad rows, both runs print the same figures and list the same rejected rows in the same
   * order, by line: the JSON {@code rejections} and standard error alike.
   */
  @ParameterizedTest
  @ValueSource(strings = {"metrics", "prioritize"})
  @SuppressWarnings("unchecked")
  void grouped_skippingBadRows_listsTheSameRejections(String command) {
    String[] args = args(command, withBadRows, "--skip-bad-rows", "--format", "json");
    List<String> withGrouped = new ArrayList<>(List.of(args));
    withGrouped.add("--grouped");
    CliRun plain = new CliRun();
    CliRun grouped = new CliRun();
    assertThat(plain.run(args)).as("exit status; stderr %s", plain.errLines()).isZero();
    assertThat(grouped.run(withGrouped.toArray(String[]::new))).as("exit status; stderr %s", grouped.errLines()).isZero();
    Map<String, Object> expected = JsonOf.object(plain.out());
    Map<String, Object> actual = JsonOf.object(grouped.out());

    List<Object> rejections = (List<Object>) actual.get("rejections");
    assertThat(rejections).hasSize(8).extracting(r -> ((Map<String, Object>) r).get("line").toString())
        .extracting(Long::parseLong).isSorted();
    assertThat(actual).isEqualTo(expected);
    assertThat(actual.get("rejectedDeals")).hasToString("2");
    assertThat(grouped.errLines()).containsExactlyElementsOf(plain.errLines());
    assertThat(grouped.out()).isEqualTo(plain.out());
  }

  /**
   * A file said to be grouped that is not: D1 comes back on line 8. Skipping bad rows, the rows
   * rejected above that line (D1's, D2's and D3's, each deal rejected whole) are listed as a
   * normal run lists them, then the error (exit 2, nothing on standard output).
   */
  @ParameterizedTest
  @ValueSource(strings = {"summary", "metrics", "prioritize"})
  void groupedButNotGrouped_skippingBadRows_listsTheRowsRejectedAboveTheErrorFirst(String command) throws IOException {
    Path notGrouped = Files.writeString(dir.resolve("not-grouped.csv"), """
        deal_id,stage,entered_at,amount,currency,owner
        D1,Prospect,2026-06-01,1000,USD,ana
        D1,Demo,2026-06-03,,,
        D2,Prospect,2026-06-15,2000,USD,ana
        D2,Proposal,not-a-date,,,
        D3,Prospect,2026-07-03,700,USD,bo
        D3,Nope,2026-07-04,,,
        D1,Won,2026-07-10,,,
        D4,Prospect,2026-07-25,300,USD,bo
        """, StandardCharsets.UTF_8);
    String[] args = {command, "--history", notGrouped.toString(), "--stages", "Prospect,Proposal", "--skip-bad-rows"};
    CliRun plain = new CliRun();
    CliRun grouped = new CliRun();
    plain.run(args);

    assertThat(grouped.run(CliRun.args(args, "--grouped"))).isEqualTo(Main.USAGE);

    List<String> rejected = List.of(
        "rejected line 2 (deal D1): the deal is not loaded: its row on line 3 is bad (unknown stage 'Demo')",
        "rejected line 3 (deal D1): unknown stage 'Demo'",
        "rejected line 4 (deal D2): the deal is not loaded: its row on line 5 is bad (bad entered_at: 'not-a-date' is"
            + " not an ISO-8601 date (2024-03-01) or date-time (2024-03-01T10:15:30Z))",
        "rejected line 5 (deal D2): bad entered_at: 'not-a-date' is not an ISO-8601 date (2024-03-01) or date-time"
            + " (2024-03-01T10:15:30Z)",
        "rejected line 6 (deal D3): the deal is not loaded: its row on line 7 is bad (unknown stage 'Nope')",
        "rejected line 7 (deal D3): unknown stage 'Nope'");
    List<String> expected = new ArrayList<>(rejected);
    expected.add("pipeline " + command + ": " + notGrouped + ": line 8: deal D1 appears again after other deals' rows,"
        + " so the file is not grouped by deal_id as was said; read it without the grouped option");
    assertThat(grouped.errLines()).containsExactlyElementsOf(expected);
    assertThat(grouped.out()).isEmpty();
    assertThat(plain.errLines()).as("the run without --grouped lists the same rows the same way first")
        .startsWith(rejected.toArray(String[]::new));
  }

  /**
   * Sixty deals of one bad row each, then the first again: as a normal run, the first 50 rejected
   * rows are listed and the other 10 counted, then comes the error.
   */
  @ParameterizedTest
  @ValueSource(strings = {"summary", "metrics", "prioritize"})
  void groupedButNotGrouped_manyRowsRejectedAbove_countsThoseNotListedBeforeTheError(String command)
      throws IOException {
    StringBuilder csv = new StringBuilder("deal_id,stage,entered_at\n");
    for (int deal = 1; deal <= 60; deal++) {
      csv.append("D").append(deal).append(",Nope,2026-06-01\n");
    }
    csv.append("D1,Prospect,2026-06-02\n");
    Path notGrouped = Files.writeString(dir.resolve("not-grouped-many.csv"), csv, StandardCharsets.UTF_8);
    CliRun grouped = new CliRun();

    assertThat(grouped.run(command, "--history", notGrouped.toString(), "--stages", "Prospect,Proposal",
        "--skip-bad-rows", "--grouped")).isEqualTo(Main.USAGE);

    List<String> err = grouped.errLines();
    assertThat(err).hasSize(52);
    assertThat(err.get(0)).isEqualTo("rejected line 2 (deal D1): unknown stage 'Nope'");
    assertThat(err.get(49)).isEqualTo("rejected line 51 (deal D50): unknown stage 'Nope'");
    assertThat(err.get(50)).isEqualTo("rejected 10 more rows, not listed");
    assertThat(err.get(51)).isEqualTo("pipeline " + command + ": " + notGrouped + ": line 62: deal D1 appears again"
        + " after other deals' rows, so the file is not grouped by deal_id as was said; read it without the grouped"
        + " option");
  }
}
