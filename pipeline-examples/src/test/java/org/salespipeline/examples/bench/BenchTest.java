package org.salespipeline.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs the whole harness on a tiny data set: output format and exit codes, never times. */
class BenchTest {

  private static final Pattern MILLIS = Pattern.compile("\\d+\\.\\d{3}");

  /** One run of the whole harness on 200 deals, shared by the tests that read its output. */
  private static int tinyExit;
  private static String tinyErr;
  private static List<String> tinyLines;

  @BeforeAll
  static void runOnTinyDataSet() {
    BenchTest test = new BenchTest();
    tinyExit = test.run("--deals", "200", "--warmups", "0", "--runs", "1", "--transition-deals", "50");
    tinyErr = test.errBytes.toString(StandardCharsets.UTF_8);
    tinyLines = test.outLines();
  }

  private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
  private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();

  private int run(String... args) {
    return Bench.run(args, new PrintStream(outBytes, true, StandardCharsets.UTF_8),
        new PrintStream(errBytes, true, StandardCharsets.UTF_8));
  }

  private List<String> outLines() {
    return outBytes.toString(StandardCharsets.UTF_8).lines().toList();
  }

  @Test
  void run_tinyDataSet_agreesAndPrintsOneCompareLinePerOtherMachineAndMemory() {
    assertThat(tinyExit).isZero();
    assertThat(tinyErr).isEmpty();
    List<String> lines = tinyLines;
    assertThat(lines).contains("AGREE transitions").noneMatch(l -> l.startsWith("DISAGREE"));
    assertThat(lines.stream().filter(l -> l.startsWith("COMPARE ")))
        .hasSize(2)
        .allMatch(l -> l.matches("COMPARE transitions ours=" + MILLIS + " (spring-statemachine|stateless4j)="
            + MILLIS + " speedup=\\d+\\.\\d{2}"))
        .anyMatch(l -> l.contains(" spring-statemachine="))
        .anyMatch(l -> l.contains(" stateless4j="));
    assertThat(lines).filteredOn(l -> l.startsWith("MEMORY ")).singleElement().asString()
        .matches("MEMORY bytes_per_deal=\\d+");
  }

  @Test
  void run_tinyDataSet_speedupIsTheOtherTimeOverOurs() {
    Pattern compare = Pattern.compile("COMPARE transitions ours=(\\S+) \\S+=(\\S+) speedup=(\\S+)");
    List<String> compares = tinyLines.stream().filter(l -> l.startsWith("COMPARE ")).toList();
    assertThat(compares).isNotEmpty();
    for (String line : compares) {
      Matcher m = compare.matcher(line);
      assertThat(m.matches()).as(line).isTrue();
      double ratio = Double.parseDouble(m.group(2)) / Double.parseDouble(m.group(1));
      assertThat(Double.parseDouble(m.group(3))).as(line).isCloseTo(ratio, Percentage.withPercentage(1));
    }
  }

  @Test
  void run_memoryPerDeal_isPlausibleForADealWithItsHistory() {
    long bytes = tinyLines.stream().filter(l -> l.startsWith("MEMORY bytes_per_deal="))
        .mapToLong(l -> Long.parseLong(l.substring("MEMORY bytes_per_deal=".length()))).findFirst().orElseThrow();
    // a deal holds at least its id, title, amount and ~7 events with their instants; not megabytes
    assertThat(bytes).isBetween(200L, 20_000L);
  }

  @Test
  void run_noComparisonThatDidNotRun_isPrinted() {
    assertThat(tinyLines).noneMatch(l -> l.startsWith("COMPARE metrics") || l.startsWith("COMPARE scoring"));
  }

  @Test
  void run_withoutDeals_isAOneLineErrorAndExit2() {
    int exit = run("--seed", "7");

    assertThat(exit).isEqualTo(2);
    assertThat(errBytes.toString(StandardCharsets.UTF_8).lines()).singleElement().asString()
        .contains("--deals N is required");
    assertThat(outBytes.size()).isZero();
  }

  @Test
  void run_unknownOption_isAOneLineErrorAndExit2() {
    int exit = run("--deals", "10", "--fast");

    assertThat(exit).isEqualTo(2);
    assertThat(errBytes.toString(StandardCharsets.UTF_8)).contains("unknown option '--fast'");
  }

  @Test
  void run_notANumber_isAOneLineErrorAndExit2() {
    int exit = run("--deals", "many");

    assertThat(exit).isEqualTo(2);
    assertThat(errBytes.toString(StandardCharsets.UTF_8)).contains("a number was expected");
  }

  @Test
  void run_zeroRuns_isAnErrorNamingTheOption() {
    int exit = run("--deals", "10", "--runs", "0");

    assertThat(exit).isEqualTo(2);
    assertThat(errBytes.toString(StandardCharsets.UTF_8)).contains("--runs must be at least 1 but was 0");
  }

  @Test
  void run_help_printsUsageAndExit0() {
    int exit = run("--help");

    assertThat(exit).isZero();
    assertThat(outBytes.toString(StandardCharsets.UTF_8)).startsWith("usage: bench --deals N");
  }

  @Test
  void parse_underscoresInNumbers_areAccepted() {
    BenchOptions options = BenchOptions.parse("--deals", "1_000_000").get();

    assertThat(options.deals()).isEqualTo(1_000_000);
    assertThat(options.transitionDeals()).isEqualTo(BenchOptions.DEFAULT_TRANSITION_DEALS);
  }

  @Test
  void parse_transitionDealsAboveDeals_isCappedAtDeals() {
    assertThat(BenchOptions.parse("--deals", "30", "--transition-deals", "500").get().transitionDeals())
        .isEqualTo(30);
  }
}
