package org.salespipeline.analyst.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salespipeline.analyst.SampleExport;

/** The {@code report --out FILE} command: the HTML report with the options of metrics and prioritize. */
class ReportCommandTest {

  @TempDir
  Path dir;

  private final CliRun cli = new CliRun();

  private int report(String... extra) throws IOException {
    String[] base = {"report", "--history", SampleExport.writeTo(dir).toString(), "--stages", SampleExport.STAGES,
        "--skip-bad-rows"}; // the sample holds two bad rows on purpose
    String[] args = CliRun.args(base, extra);
    return cli.run(args);
  }

  @Test
  void report_writesOneSelfContainedHtmlFileAndPrintsItsPath() throws IOException {
    Path out = dir.resolve("new folder/report.html");

    assertThat(report("--out", out.toString())).as("stderr %s", cli.errLines()).isZero();

    assertThat(cli.out().strip()).isEqualTo(out.toString());
    String html = Files.readString(out, StandardCharsets.UTF_8);
    assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg").doesNotContain("<script").doesNotContain("http://")
        .doesNotContain("https://");
  }

  @Test
  void report_windowGroupingAndScorer_areTakenLikeMetricsAndPrioritize() throws IOException {
    Path out = dir.resolve("r.html");

    assertThat(report("--out", out.toString(), "--as-of", "2024-04-01", "--from", "2024-01-01", "--to", "2024-04-01",
        "--group-by", "owner", "--scorer", "stage", "--top", "3")).as("stderr %s", cli.errLines()).isZero();

    String html = Files.readString(out, StandardCharsets.UTF_8);
    assertThat(html).contains("2024-04-01");
    // the movement section is grouped as the metrics are
    assertThat(html).contains("<caption>Pipeline movement by owner, deals</caption>");
  }

  @Test
  void report_dataWarnings_areABannerAboveTheFiguresAndLinesOnStderr() throws IOException {
    Path history = Files.writeString(dir.resolve("open.csv"), SampleExport.ONLY_OPEN);
    Path out = dir.resolve("r.html");
    String warning = "no deal had closed by 2024-05-06T00:00:00Z: there is no win rate, and nothing to learn "
        + "probabilities from";

    assertThat(cli.run("report", "--history", history.toString(), "--stages", SampleExport.STAGES, "--out",
        out.toString())).as("stderr %s", cli.errLines()).isZero();

    assertThat(cli.errLines()).contains("warning: " + warning);
    String html = Files.readString(out, StandardCharsets.UTF_8);
    assertThat(html).contains("class=\"warnings\"").contains("<li>" + warning + "</li>");
    assertThat(html.indexOf("class=\"warnings\"")).isGreaterThan(html.indexOf("<main"));
  }

  @Test
  void report_strictByDefault_aBadRowIsOneLineExitTwoAndWritesNothing() throws IOException {
    Path out = dir.resolve("r.html");

    assertThat(cli.run("report", "--history", SampleExport.writeTo(dir).toString(), "--stages", SampleExport.STAGES,
        "--out", out.toString())).isEqualTo(2);
    assertThat(cli.errLines()).singleElement().asString().startsWith("pipeline report: ")
        .contains("line 31 (deal D-12): unknown stage 'Demo'")
        .endsWith("(--skip-bad-rows leaves out the deals with bad rows and goes on)");
    assertThat(out).doesNotExist();
  }

  @Test
  void report_withoutOut_isOneLineExitTwo() throws IOException {
    assertThat(report()).isEqualTo(2);
    assertThat(cli.errLines()).containsExactly("pipeline report: report needs --out FILE");
  }

  @Test
  void report_unknownScorer_isOneLineExitTwoAndWritesNothing() throws IOException {
    Path out = dir.resolve("r.html");

    assertThat(report("--out", out.toString(), "--scorer", "magic")).isEqualTo(2);
    assertThat(cli.errLines()).singleElement().asString().startsWith("pipeline report: bad --scorer: unknown scorer 'magic'");
    assertThat(out).doesNotExist();
  }

  @Test
  void report_emptyWindow_isOneLineExitTwo() throws IOException {
    assertThat(report("--out", dir.resolve("r.html").toString(), "--from", "2024-03-01", "--to", "2024-02-01"))
        .isEqualTo(2);
    assertThat(cli.errLines()).singleElement().asString().startsWith("pipeline report: bad --from and --to");
  }

  @Test
  void report_unwritablePlace_isOneLineExitTwo() throws IOException {
    Path blocker = Files.writeString(dir.resolve("file"), "x");

    assertThat(report("--out", blocker.resolve("r.html").toString())).isEqualTo(2);
    assertThat(cli.errLines()).filteredOn(line -> line.startsWith("pipeline")).singleElement().asString()
        .startsWith("pipeline report: cannot write " + blocker.resolve("r.html") + ": ");
  }
}
