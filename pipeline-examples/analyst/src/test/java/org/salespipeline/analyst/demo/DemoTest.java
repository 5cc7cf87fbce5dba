package org.salespipeline.analyst.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoTest {

  @TempDir
  static Path dir;

  private static Path reportFile;
  private static String out;

  @BeforeAll
  static void runDemo() throws IOException {
    reportFile = dir.resolve("reports").resolve("pipeline-report.html");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Demo.run(new PrintStream(bytes, true, StandardCharsets.UTF_8), reportFile);
    out = bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void demo_showsRefusedMoveLostReasonAndReplay() {
    assertThat(out)
        .contains("REFUSED move to Proposal before qualifying")
        .contains("[ENTRY_CRITERIA_NOT_MET]")
        .contains("ok      mark lost: went with a competitor")
        .contains("[LOST_REASON_REQUIRED]")
        .contains("replayed deal equals the live one: true");
  }

  @Test
  void demo_describesTheSampleOfThreeThousandDeals() {
    assertThat(out)
        .contains("== A year of sample deals: 3,000 opened during 2025, exported at 2026-01-01T00:00:00Z")
        .containsPattern("skipped stages, [1-9][0-9,]* backward moves, [1-9][0-9,]* reopens")
        .contains("lost reasons: {")
        .contains("deals per owner: {ana=");
  }

  @Test
  void demo_printsEveryFigureOfTheMetrics() {
    assertThat(out)
        .contains("Pipeline metrics: Standard, as of 2026-01-01T00:00:00Z")
        .contains("Deals 3000: ")
        .containsPattern("by count +\\d+\\.\\d%")
        .contains("Deal size (won)")
        .contains("Sales cycle (days)")
        .contains("Funnel (created in window)")
        .contains("Time in stage (days)")
        .contains("Bottlenecks: lowest conversion Proposal")
        .containsPattern("Stuck deals: [1-9]")
        .contains("Open pipeline")
        .contains("Groups (owner)")
        .contains("Trends (per month");
  }

  @Test
  void demo_printsTheTopTenDealsToWorkFirst() {
    assertThat(out).contains("== The 10 deals to work first").containsPattern("\\n +1  S-\\d{5} ")
        .containsPattern("\\n +10  S-\\d{5} ");
  }

  @Test
  void demo_writesTheHtmlReportWhereItWasAskedToAndSaysWhere() throws IOException {
    assertThat(reportFile).isRegularFile();
    assertThat(out).contains("written to " + reportFile.toAbsolutePath().normalize());
    assertThat(Files.readString(reportFile)).startsWith("<!DOCTYPE html>").contains("Sales pipeline review, 2025");
  }
}
