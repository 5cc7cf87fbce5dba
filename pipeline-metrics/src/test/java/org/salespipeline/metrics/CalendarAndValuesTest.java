package org.salespipeline.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.salespipeline.core.Money;

/**
 * Calendar periods of the trends and the small value types of the report, checked by hand (the
 * mutation tests found them covered only by the random properties).
 */
class CalendarAndValuesTest {

  @ParameterizedTest
  @CsvSource({
      "WEEK,    2025-01-01, 2024-12-30, 2025-01-06, 2025-W01",
      "WEEK,    2025-03-09, 2025-03-03, 2025-03-10, 2025-W10",
      "MONTH,   2025-02-28, 2025-02-01, 2025-03-01, 2025-02",
      "QUARTER, 2025-05-17, 2025-04-01, 2025-07-01, 2025-Q2",
      "QUARTER, 2025-12-31, 2025-10-01, 2026-01-01, 2025-Q4"})
  void period_containingADate_startEndAndLabel(CalendarUnit unit, LocalDate date, LocalDate start, LocalDate end,
      String label) {
    TrendPeriod period = TrendPeriod.containing(unit, date);

    assertThat(period.start()).isEqualTo(start);
    assertThat(period.end()).isEqualTo(end);
    assertThat(period.label()).isEqualTo(label);
    assertThat(period.toString()).isEqualTo(label);
    assertThat(period.next().start()).isEqualTo(end);
    assertThat(period.compareTo(period.next())).isNegative();
    assertThat(period.next().compareTo(period)).isPositive();
  }

  @Test
  void period_notOneWholeUnit_isRefused() {
    assertThatThrownBy(() -> new TrendPeriod(CalendarUnit.MONTH, LocalDate.of(2025, 1, 2), LocalDate.of(2025, 2, 2)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be one MONTH");
  }

  @Test
  void window_containsFromButNotTo() {
    Window window = new Window(Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2025-02-01T00:00:00Z"));

    assertThat(window.contains(window.from())).isTrue();
    assertThat(window.contains(window.to())).isFalse();
    assertThat(window.contains(window.from().minusNanos(1))).isFalse();
    assertThat(window.toString()).isEqualTo("[2025-01-01T00:00:00Z, 2025-02-01T00:00:00Z)");
    assertThat(new DateRange(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 2, 1)).toString())
        .isEqualTo("[2025-01-01, 2025-02-01)");
  }

  @Test
  void rate_bounds_allAndNoneAccepted_beyondRefused() {
    assertThat(Rate.of(5, 5).value()).isEqualTo(1.0);
    assertThat(Rate.of(0, 5).value()).isEqualTo(0.0);
    assertThat(Rate.ofProportion(1.0, 1).upper()).isEqualTo(1.0);
    assertThat(Rate.ofProportion(0.0, 1).lower()).isEqualTo(0.0);
    assertThatThrownBy(() -> Rate.of(-1, 5)).hasMessageContaining("-1");
    assertThatThrownBy(() -> Rate.ofProportion(0.5, 0)).hasMessage("trials must be positive but was 0");
  }

  @Test
  void transitions_equalityAndText() {
    PipelineMetrics metrics = PipelineMetrics.of(Script.SIMPLE);
    Transitions all = metrics.calculate(Sample.deals(), MetricsQuery.asOf(Sample.AS_OF)).transitions();
    Transitions again = metrics.calculate(Sample.deals(), MetricsQuery.asOf(Sample.AS_OF)).transitions();
    Transitions fewer = metrics.calculate(Sample.deals().subList(0, 2), MetricsQuery.asOf(Sample.AS_OF)).transitions();

    assertThat(again).isEqualTo(all).hasSameHashCodeAs(all);
    assertThat(fewer).isNotEqualTo(all);
    assertThat(all.stageIds()).containsExactly("a", "b", "c", "won", "lost");
    assertThat(all.toString()).contains("a").isEqualTo(again.toString());
    assertThat(metrics.pipeline()).isEqualTo(Script.SIMPLE);
    assertThat(metrics.toString()).isEqualTo("PipelineMetrics of simple");
  }

  @Test
  void collector_quotaWithoutPeriod_isRefusedAtOnce() {
    MetricsQuery query = MetricsQuery.asOf(Sample.AS_OF).withQuota(Money.parse("1", "USD"));

    assertThatThrownBy(() -> PipelineMetrics.of(Script.SIMPLE).collector(query))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no forecast period");
  }

  @Test
  void duplicateIdsWithEqualHashes_areStillTold() {
    // "Aa" and "BB" share String.hashCode; the check must still compare the ids themselves
    List<org.salespipeline.core.Deal> deals = List.of(Script.open("Aa", "a", 0).deal(), Script.open("BB", "a", 0).deal());

    assertThat(PipelineMetrics.of(Script.SIMPLE).calculate(deals, MetricsQuery.asOf(Sample.AS_OF)).deals()).isEqualTo(2);
    assertThat(IdCheck.hash("Aa")).isNotEqualTo(IdCheck.hash("BB"));
    assertThat(IdCheck.hash("Aa") >>> 32).isEqualTo(IdCheck.hash("BB") >>> 32);
  }
}
