package org.salespipeline.analyst.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salespipeline.analyst.SampleExport;

/** {@code --format csv} of {@code metrics} and {@code prioritize}: RFC 4180, CRLF, formula-safe cells. */
class CsvFormatTest {

  @TempDir
  Path dir;

  private final CliRun cli = new CliRun();

  private List<String> csv(String command, Path history, String stages, String... extra) {
    String[] base = {command, "--history", history.toString(), "--stages", stages, "--format", "csv"};
    String[] args = CliRun.args(base, extra);
    assertThat(cli.run(args)).as("stderr %s", cli.errLines()).isZero();
    assertThat(cli.out()).endsWith("\r\n").doesNotContainPattern("[^\r]\n");
    return List.of(cli.out().split("\r\n"));
  }

  @Test
  void metrics_csv_holdsTheJsonFiguresAsGroupFigureDetailValueRows() throws IOException {
    List<String> lines = csv("metrics", SampleExport.writeTo(dir), SampleExport.STAGES, "--skip-bad-rows", "--group-by",
        "owner");

    assertThat(lines.get(0)).isEqualTo("group,figure,detail,value");
    assertThat(lines).contains(",deals,,11").anyMatch(l -> l.startsWith(",winRate,value,"))
        .anyMatch(l -> l.startsWith(",funnel,Prospecting.reached,"))
        .anyMatch(l -> l.matches("[^,]+,deals,,\\d+"));
  }

  @Test
  void prioritize_csv_isOneRowPerDealWithAFormulaLikeIdNeutralised() throws IOException {
    Path history = Files.writeString(dir.resolve("h.csv"), "deal_id,stage,entered_at,amount\n"
        + "D1,A,2024-03-01,100\nD1,Won,2024-03-11,\nD2,A,2024-03-02,50\nD2,Lost,2024-03-04,\n"
        + "\"=cmd, x\",A,2024-03-05,80\n");

    List<String> lines = csv("prioritize", history, "A");

    assertThat(lines).containsExactly("rank,dealId,stage,probability,expectedValue,currency,factors",
        "1,\"'=cmd, x\",A,0.5,40.00,USD,stage=A +0.0");
  }

  @Test
  void prioritize_csv_expectedValueIsInTheMinorUnitRoundedOnce() throws IOException {
    // one of three closed deals from A was won: D4's 100 USD counts 100 x 1/3 = 33.333... -> 33.33
    Path history = Files.writeString(dir.resolve("h.csv"), "deal_id,stage,entered_at,amount\n"
        + "D1,A,2024-03-01,10\nD1,Won,2024-03-11,\nD2,A,2024-03-02,10\nD2,Lost,2024-03-04,\n"
        + "D3,A,2024-03-02,10\nD3,Lost,2024-03-04,\nD4,A,2024-03-05,100\n");

    List<String> lines = csv("prioritize", history, "A");

    assertThat(lines).hasSize(2);
    assertThat(lines.get(1)).startsWith("1,D4,A,").contains(",33.33,USD,");
  }

  @Test
  void summary_hasNoCsv_isOneLineExitTwo() throws IOException {
    assertThat(cli.run("summary", "--history", SampleExport.writeTo(dir).toString(), "--stages", SampleExport.STAGES,
        "--format", "csv")).isEqualTo(2);
    assertThat(cli.errLines()).singleElement().asString().contains("expected table or json but was 'csv'");
  }
}
