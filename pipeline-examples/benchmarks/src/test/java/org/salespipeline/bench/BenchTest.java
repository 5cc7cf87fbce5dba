package org.salespipeline.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs the whole harness on a tiny data set: output format and exit codes, never times. */
class BenchTest {

  private static final Pattern MILLIS = Pattern.compile("\\d+\\.\\d{3}");

  private static final String TINY_DEALS = "300";

  /** One run of the whole harness on 300 deals, shared by the tests that read its output. */
  private static int tinyExit;
  private static String tinyErr;
  private static List<String> tinyLines;

  @BeforeAll
  static void runOnTinyDataSet() {
    BenchTest test = new BenchTest();
    tinyExit = test.run("--deals", TINY_DEALS, "--warmups", "0", "--runs", "1", "--transition-deals", "50", "--sizes",
        "100,300");
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
    assertThat(lines.stream().filter(l -> l.startsWith("COMPARE transitions ")))
        .hasSize(3)
        .allMatch(l -> l.matches("COMPARE transitions ours=" + MILLIS
            + " (spring-statemachine|stateless4j|stateless4j-host)=" + MILLIS + " speedup=\\d+\\.\\d{2}"))
        .anyMatch(l -> l.contains(" spring-statemachine="))
        .anyMatch(l -> l.contains(" stateless4j="))
        .anyMatch(l -> l.contains(" stateless4j-host="));
    assertThat(lines).filteredOn(l -> l.startsWith("MEMORY ")).singleElement().asString()
        .matches("MEMORY bytes_per_deal=\\d+");
  }

  @Test
  void run_tinyDataSet_speedupIsTheOtherTimeOverOurs() {
    Pattern compare = Pattern.compile("COMPARE \\S+ ours=(\\S+) \\S+=(\\S+) speedup=(\\S+)");
    List<String> compares = tinyLines.stream().filter(l -> l.startsWith("COMPARE ")).toList();
    assertThat(compares).isNotEmpty();
    for (String line : compares) {
      Matcher m = compare.matcher(line);
      assertThat(m.matches()).as(line).isTrue();
      double ours = Double.parseDouble(m.group(1));
      double other = Double.parseDouble(m.group(2));
      double ratio = other / ours;
      // the printed speed-up has two decimals, and the printed times three: a pass over the tiny data
      // set takes hundredths of a millisecond, where rounding a time moves the ratio by a few percent
      double rounding = ratio * (0.0005 / ours + 0.0005 / other);
      assertThat(Double.parseDouble(m.group(3))).as(line).isCloseTo(ratio, within(0.006 + ratio / 100 + rounding));
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
  void run_tinyDataSet_metricsAgreeAndAreComparedWithDuckdbAndStreams() {
    assertThat(tinyLines).contains("AGREE metrics");
    assertThat(tinyLines.stream().filter(l -> l.startsWith("COMPARE metrics ")))
        .containsExactly(
            findLine("COMPARE metrics ours=" + MILLIS + " duckdb=" + MILLIS + " speedup=\\d+\\.\\d{2}"),
            findLine("COMPARE metrics ours=" + MILLIS + " streams=" + MILLIS + " speedup=\\d+\\.\\d{2}"));
    assertThat(tinyLines).filteredOn(l -> l.startsWith("PARALLEL ")).singleElement().asString()
        .matches("PARALLEL metrics sequential=" + MILLIS + " parallel=" + MILLIS + " speedup=\\d+\\.\\d{2}");
  }

  @Test
  void run_tinyDataSet_comparesWithDuckdbAtEqualThreads() {
    assertThat(tinyLines).filteredOn(l -> l.startsWith("COMPARE metrics-1thread ")).singleElement().asString()
        .matches("COMPARE metrics-1thread ours=" + MILLIS + " duckdb=" + MILLIS + " speedup=\\d+\\.\\d{2}");
    assertThat(tinyLines).filteredOn(l -> l.startsWith("COMPARE metrics-parallel ")).singleElement().asString()
        .matches("COMPARE metrics-parallel ours=" + MILLIS + " duckdb=" + MILLIS + " speedup=\\d+\\.\\d{2}");
    assertThat(tinyLines).filteredOn(l -> l.startsWith("metrics: ")).singleElement().asString()
        .matches("metrics: .* duckdb .* stays, \\d+ threads \\(and 1 for metrics-1thread\\)");
  }

  @Test
  void run_header_namesTheCpuModelAndTheJdk() {
    assertThat(tinyLines).anyMatch(l -> l.matches("java \\S+ \\(.+\\), \\d+ cores, max heap .* MiB"))
        .anyMatch(l -> l.matches("cpu: \\S.*"));
  }

  @Test
  void run_tinyDataSet_qualifiesTheParallelSpeedUpByBusyCoresAndTheSerialPart() {
    assertThat(tinyLines).filteredOn(l -> l.startsWith("PARALLEL-CORES ")).singleElement().asString()
        .matches("PARALLEL-CORES metrics sequential=\\d+\\.\\d{2} parallel=\\d+\\.\\d{2}");
    String bound = tinyLines.stream().filter(l -> l.startsWith("PARALLEL-BOUND ")).findFirst().orElseThrow();
    Matcher m = Pattern.compile("PARALLEL-BOUND metrics leaves=(" + MILLIS + ") merge=(" + MILLIS + ") report=("
        + MILLIS + ") amdahl=(\\d+\\.\\d{2}) cores=(\\d+)").matcher(bound);
    assertThat(m.matches()).as(bound).isTrue();
    double leaves = Double.parseDouble(m.group(1));
    double serial = Double.parseDouble(m.group(2)) + Double.parseDouble(m.group(3));
    int cores = Integer.parseInt(m.group(5));
    assertThat(Double.parseDouble(m.group(4))).as("Amdahl's law for the printed parts")
        .isCloseTo((leaves + serial) / (leaves / cores + serial), within(0.01))
        .isBetween(1.0, (double) cores);
  }

  @Test
  void run_sizes_printOneScaleLinePerSize() {
    assertThat(tinyLines.stream().filter(l -> l.startsWith("SCALE ")))
        .hasSize(2)
        .allMatch(l -> l.matches("SCALE metrics deals=\\d+ ours=" + MILLIS + " parallel=" + MILLIS + " duckdb="
            + MILLIS + " duckdb_1thread=" + MILLIS + " streams=" + MILLIS + " ours_ns_per_deal=\\d+"))
        .anyMatch(l -> l.startsWith("SCALE metrics deals=100 "))
        .anyMatch(l -> l.startsWith("SCALE metrics deals=300 "));
  }

  @Test
  void run_tinyDataSet_printsScoringThroughputOfBothScorersAndTheTopK() {
    assertThat(tinyLines.stream().filter(l -> l.startsWith("SCORING ")))
        .hasSize(2)
        .allMatch(l -> l.matches("SCORING (scorecard|naive-bayes) deals_per_second=\\d+"))
        .anyMatch(l -> l.startsWith("SCORING scorecard "))
        .anyMatch(l -> l.startsWith("SCORING naive-bayes "));
    assertThat(tinyLines).filteredOn(l -> l.startsWith("TOPK ")).singleElement().asString()
        .matches("TOPK k=100 deals=" + TINY_DEALS + " ms=" + MILLIS);
  }

  @Test
  void run_anotherApproachDisagrees_printsTheFigureAndExits1WithoutTimes() {
    int exit = Bench.run(new String[] {"--deals", "120", "--warmups", "0", "--runs", "1", "--transition-deals", "5"},
        new PrintStream(outBytes, true, StandardCharsets.UTF_8), new PrintStream(errBytes, true, StandardCharsets.UTF_8),
        figures -> figures.withWon(figures.won() + 1));

    List<String> lines = outLines();
    assertThat(exit).isEqualTo(1);
    assertThat(lines).contains("DISAGREE metrics").doesNotContain("AGREE metrics")
        .anyMatch(l -> l.matches("DISAGREE metrics won ours=(\\d+) duckdb=\\d+"))
        .anyMatch(l -> l.matches("DISAGREE metrics won ours=(\\d+) streams=\\d+"))
        .noneMatch(l -> l.startsWith("COMPARE metrics") || l.startsWith("PARALLEL"));
    String won = lines.stream().filter(l -> l.startsWith("DISAGREE metrics won ours=")).findFirst().orElseThrow();
    Matcher m = Pattern.compile("ours=(\\d+) \\S+=(\\d+)").matcher(won);
    assertThat(m.find()).isTrue();
    assertThat(Long.parseLong(m.group(2))).isEqualTo(Long.parseLong(m.group(1)) + 1);
  }

  @Test
  void run_asOfBeforeEveryDeal_agreesOnEmptyFiguresAndRanksByScorecard() {
    int exit = run("--deals", "50", "--warmups", "0", "--runs", "1", "--transition-deals", "5", "--as-of",
        "2023-01-01T00:00:00Z");

    List<String> lines = outLines();
    assertThat(exit).isZero();
    assertThat(lines).contains("AGREE metrics")
        .anyMatch(l -> l.startsWith("scoring: no deal was closed by then"))
        .noneMatch(l -> l.startsWith("SCORING naive-bayes"))
        .anyMatch(l -> l.startsWith("SCORING scorecard"));
  }

  private String findLine(String regex) {
    return tinyLines.stream().filter(l -> l.matches(regex)).findFirst().orElse("no line matches " + regex);
  }

  @Test
  void run_withoutDeals_isAOneLineErrorAndExit2() {
    int exit = run("--seed", "7");

    assertThat(exit).isEqualTo(2);
    assertThat(errBytes.toString(StandardCharsets.UTF_8).lines()).singleElement().asString()
        .contains("Missing required option: '--deals=N'");
    assertThat(outBytes.size()).isZero();
  }

  @Test
  void run_unknownOption_isAOneLineErrorAndExit2() {
    int exit = run("--deals", "10", "--fast");

    assertThat(exit).isEqualTo(2);
    assertThat(errBytes.toString(StandardCharsets.UTF_8)).contains("Unknown option: '--fast'");
  }

  @Test
  void run_notANumber_isAOneLineErrorAndExit2() {
    int exit = run("--deals", "many");

    assertThat(exit).isEqualTo(2);
    assertThat(errBytes.toString(StandardCharsets.UTF_8)).contains("a whole number was expected but was 'many'");
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
    assertThat(outBytes.toString(StandardCharsets.UTF_8)).startsWith("Usage: bench [-h] --deals=N");
  }

  @Test
  void parse_underscoresInNumbers_areAccepted() {
    BenchOptions options = BenchOptions.parse("--deals", "1_000_000").get();

    assertThat(options.deals()).isEqualTo(1_000_000);
    assertThat(options.transitionDeals()).isEqualTo(BenchOptions.DEFAULT_TRANSITION_DEALS);
  }

  @Test
  void run_sizeAboveDeals_isAnErrorNamingTheOption() {
    int exit = run("--deals", "10", "--sizes", "5,20");

    assertThat(exit).isEqualTo(2);
    assertThat(errBytes.toString(StandardCharsets.UTF_8)).contains("--sizes must not exceed --deals 10 but has 20");
  }

  @Test
  void run_asOfNotAnInstant_isAnErrorNamingTheOption() {
    int exit = run("--deals", "10", "--as-of", "yesterday");

    assertThat(exit).isEqualTo(2);
    assertThat(errBytes.toString(StandardCharsets.UTF_8)).contains("--as-of must be an instant");
  }

  @Test
  void parse_sizesAndAsOf_areRead() {
    BenchOptions options = BenchOptions.parse("--deals", "1_000_000", "--sizes", "250_000,500000, 1000000",
        "--as-of", "2025-06-30T00:00:00Z").get();

    assertThat(options.sizes()).containsExactly(250_000, 500_000, 1_000_000);
    assertThat(options.asOf().get()).isEqualTo(java.time.Instant.parse("2025-06-30T00:00:00Z"));
  }

  @Test
  void parse_transitionDealsAboveDeals_isCappedAtDeals() {
    assertThat(BenchOptions.parse("--deals", "30", "--transition-deals", "500").get().transitionDeals())
        .isEqualTo(30);
  }

  @Test
  void run_onlyTransitionsAgainstStateless4jInRounds_comparesEachRoundAndRunsNothingElse() {
    int exit = run("--deals", "60", "--warmups", "0", "--runs", "1", "--only", "transitions", "--transition-against",
        "stateless4j", "--transition-rounds", "2");

    List<String> lines = outLines();
    assertThat(exit).isZero();
    // each round: stateless4j alone and stateless4j in a host that keeps what our deal keeps
    for (String kind : List.of("transitions", "transitions-cpu", "transitions-with-events")) {
      assertThat(lines).filteredOn(l -> l.startsWith("COMPARE " + kind + " ")).hasSize(4)
          .allMatch(l -> l.matches("COMPARE " + kind + " ours=" + MILLIS + " stateless4j(-host)?=" + MILLIS
              + " speedup=\\d+\\.\\d{2}"))
          .filteredOn(l -> l.contains(" stateless4j-host=")).hasSize(2);
    }
    assertThat(lines).filteredOn(l -> l.startsWith("COMPARE ")).hasSize(12);
    assertThat(lines).filteredOn(l -> l.matches("transitions: (ours|ours\\+events|stateless4j|stateless4j-host) drove "
        + "the lifecycles [\\d,]+ times in 1 timed runs \\(each at least 1 s and until a collection\\), [\\d,]+ "
        + "garbage collections"))
        .hasSize(8);
    assertThat(lines).contains("transitions: round 1 of 2", "transitions: round 2 of 2")
        .filteredOn(l -> l.equals("AGREE transitions")).hasSize(2);
    assertThat(lines).noneMatch(l -> l.startsWith("MEMORY ") || l.startsWith("SCORING ") || l.startsWith("TOPK ")
        || l.contains("metrics") || l.contains("spring-statemachine"));
  }

  @Test
  void run_onlyMetricsAndMemory_timesNoTransitions() {
    int exit = run("--deals", "60", "--warmups", "0", "--runs", "1", "--only", "METRICS,memory");

    assertThat(exit).isZero();
    assertThat(outLines()).anyMatch(l -> l.startsWith("COMPARE metrics "))
        .anyMatch(l -> l.startsWith("MEMORY bytes_per_deal="))
        .noneMatch(l -> l.startsWith("COMPARE transitions") || l.startsWith("SCORING "));
  }

  @Test
  void run_unknownPartOrMachine_isABadArgument() {
    assertThat(run("--deals", "60", "--only", "transitions,gc")).isEqualTo(2);
    assertThat(run("--deals", "60", "--transition-against", "squirrel")).isEqualTo(2);
    assertThat(run("--deals", "60", "--transition-rounds", "0")).isEqualTo(2);
    assertThat(errBytes.toString(StandardCharsets.UTF_8))
        .contains("--only takes metrics, transitions, scoring or memory but was 'gc'")
        .contains("--transition-against takes spring-statemachine or stateless4j but was 'squirrel'")
        .contains("--transition-rounds must be at least 1 but was 0");
  }
}
