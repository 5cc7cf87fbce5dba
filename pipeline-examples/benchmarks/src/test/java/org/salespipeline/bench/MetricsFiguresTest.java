package org.salespipeline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Option;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.Deal;
import org.salespipeline.core.Pipeline;
import org.salespipeline.metrics.MetricsQuery;
import org.salespipeline.metrics.PipelineMetrics;

/** The metrics comparison's figures: each approach against ours on small data, and the comparison itself. */
class MetricsFiguresTest {

  private static final Pipeline PIPELINE = Pipeline.standard();
  /** Inside the data set's span: some deals do not exist yet, some have events after it. */
  private static final Instant MID_DATA = Instant.parse("2025-03-15T12:00:00Z");

  private static final List<Deal> DEALS = BenchDeals.standard(7).deals(300);

  private static MetricsFigures ours(Instant asOf) {
    return MetricsFigures.of(PipelineMetrics.of(PIPELINE).calculate(DEALS, MetricsQuery.asOf(asOf)));
  }

  private static Agreement compared(String other, MetricsFigures ours, MetricsFigures theirs) {
    Agreement agreement = new Agreement("metrics");
    MetricsFigures.compare(agreement, other, ours, theirs);
    return agreement;
  }

  @Test
  void streams_asOfInsideTheData_agreeWithOurs() {
    MetricsFigures ours = ours(MID_DATA);

    assertThat(ours.deals()).isBetween(1L, 299L);
    assertThat(compared("streams", ours, new StreamsMetrics(PIPELINE).calculate(DEALS, MID_DATA)).agrees()).isTrue();
  }

  @Test
  void duckdb_asOfInsideTheData_agreesWithOurs() throws SQLException {
    try (DuckDbMetrics duckdb = new DuckDbMetrics(PIPELINE)) {
      duckdb.load(DEALS);

      assertThat(compared("duckdb", ours(MID_DATA), duckdb.calculate(MID_DATA)).agrees()).isTrue();
    }
  }

  @Test
  void duckdb_load_keepsOneRowPerStay() throws SQLException {
    try (DuckDbMetrics duckdb = new DuckDbMetrics(PIPELINE)) {
      long stays = duckdb.load(DEALS);

      assertThat(stays).isEqualTo(DEALS.stream().mapToLong(deal -> deal.stays().size()).sum());
    }
  }

  @Test
  void ours_funnel_countsAddUpPerStage() {
    // SPEC §4: reached = advanced + lost + open for every open stage
    assertThat(ours(MID_DATA).funnel()).isNotEmpty()
        .allMatch(row -> row.reached() == row.advanced() + row.lost() + row.open());
  }

  @Test
  void compare_moneyOfAnotherScale_agrees() {
    MetricsFigures ours = figures(new BigDecimal("1250"), 3.25);
    MetricsFigures theirs = figures(new BigDecimal("1250.00"), 3.25 * (1 + 1e-12));

    assertThat(compared("duckdb", ours, theirs).agrees()).isTrue();
  }

  @Test
  void compare_moneyOneCentApart_disagreesNamingTheFigure() {
    Agreement agreement = compared("duckdb", figures(new BigDecimal("1250"), 3.25),
        figures(new BigDecimal("1250.01"), 3.25));

    assertThat(agreement.agrees()).isFalse();
    assertThat(printed(agreement)).contains("DISAGREE metrics deal-size USD total ours=1250 duckdb=1250.01");
  }

  @Test
  void compare_definedAgainstUndefined_disagrees() {
    MetricsFigures ours = figures(BigDecimal.ONE, 1.0);
    MetricsFigures theirs = new MetricsFigures(ours.deals(), ours.open(), ours.won(), ours.lost(), Option.none(),
        ours.wonCycleDays(), ours.dealSize(), ours.funnel(), ours.timeInStage(), ours.velocityPerDay());

    Agreement agreement = compared("streams", ours, theirs);

    assertThat(agreement.agrees()).isFalse();
    assertThat(printed(agreement)).contains("win-rate ours=0.5 streams=undefined");
  }

  @Test
  void percentile_isRType7() {
    // R: quantile(c(1, 2, 3, 4), c(0.5, 0.9), type = 7) gives 2.5 and 3.7 (Hyndman & Fan 1996, definition 7)
    assertThat(StreamsMetrics.percentile(List.of(1L, 2L, 3L, 4L), 0.5)).isEqualTo(2.5);
    assertThat(StreamsMetrics.percentile(List.of(1L, 2L, 3L, 4L), 0.9)).isCloseTo(3.7, org.assertj.core.api.Assertions.within(1e-12));
    assertThat(StreamsMetrics.percentile(List.of(42L), 0.9)).isEqualTo(42.0);
  }

  private static MetricsFigures figures(BigDecimal total, double meanDays) {
    MetricsFigures.Summary cycle = new MetricsFigures.Summary(2, Option.some(meanDays), Option.some(meanDays),
        Option.some(meanDays));
    Map<String, MetricsFigures.Size> sizes = new TreeMap<>(Map.of("USD", new MetricsFigures.Size(2, total, 625.0,
        new BigDecimal("625"))));
    return new MetricsFigures(4, 2, 1, 1, Option.some(0.5), cycle, new TreeMap<>(sizes), List.of(),
        new TreeMap<>(), new TreeMap<>(Map.of("USD", 12.5)));
  }

  private static String printed(Agreement agreement) {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    agreement.print(new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8));
    return bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
  }
}
