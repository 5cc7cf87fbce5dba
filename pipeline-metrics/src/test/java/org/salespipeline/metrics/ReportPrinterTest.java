package org.salespipeline.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The printed report: aligned tables, a dash for undefined figures, money never mixed. */
class ReportPrinterTest {

  private String printed;

  // calculated and printed before each test, not while JUnit builds the test instance: PIT credits a
  // mutant only to a test that ran the mutated code inside the test
  @BeforeEach
  void printTheSample() {
    printed = PipelineMetrics.of(Script.SIMPLE)
        .calculate(Sample.deals(), MetricsQuery.asOf(Sample.AS_OF).withGrouping(Grouping.owner())).toString();
  }

  @Test
  void toString_funnelTable_columnsAligned() {
    List<String> lines = Arrays.asList(printed.split("\n"));
    int header = lines.indexOf(lines.stream().filter(l -> l.startsWith("Funnel")).findFirst().get());
    int width = lines.get(header).indexOf("reached") + "reached".length();
    for (int i = header + 1; i <= header + 3; i++) {
      assertThat(lines.get(i).charAt(width - 1)).as("line %s", lines.get(i)).isNotEqualTo(' ');
      assertThat(lines.get(i).charAt(width)).isEqualTo(' ');
    }
  }

  @Test
  void toString_sample_showsEveryFigureReadably() {
    assertThat(printed)
        .contains("Deals 7: 3 open; 2 won and 2 lost in the window; 1 without amount")
        .contains("by count      50.0%  [15.0%, 85.0%]      4")
        .contains("Time to close (Kaplan-Meier): median 40.0 days")
        .contains("Stuck deals: 1")
        .contains("USD            6000.00 USD  2600.00 USD         25.00 USD")
        .contains("Groups (owner)");
  }

  @Test
  void toString_undefinedFigures_printADash() {
    String empty = PipelineMetrics.of(Script.SIMPLE).calculate(List.of(), MetricsQuery.asOf(Sample.AS_OF)).toString();
    assertThat(empty).contains("by count     -             -      0").doesNotContain("NaN");
  }
}
