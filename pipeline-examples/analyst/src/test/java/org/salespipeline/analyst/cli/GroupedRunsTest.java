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
}
