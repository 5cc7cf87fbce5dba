package org.salespipeline.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.Deal;
import org.salespipeline.core.Money;
import org.salespipeline.core.NewDeal;
import org.salespipeline.core.Pipeline;

/** Every entry point's answer to null, out-of-range and inconsistent input: a clear message. */
class BadInputTest {

  private final PipelineMetrics metrics = PipelineMetrics.of(Script.SIMPLE);
  private final MetricsQuery query = MetricsQuery.asOf(Sample.AS_OF);

  @Test
  void of_nullPipeline_namesIt() {
    assertThatThrownBy(() -> PipelineMetrics.of(null)).isInstanceOf(NullPointerException.class).hasMessage("pipeline");
  }

  @Test
  void calculate_nulls_nameTheParameter() {
    assertThatThrownBy(() -> metrics.calculate((List<Deal>) null, query)).hasMessage("deals");
    assertThatThrownBy(() -> metrics.calculate(List.of(), null)).hasMessage("query");
    assertThatThrownBy(() -> metrics.accumulator(query).add(null)).hasMessage("deal");
    assertThatThrownBy(() -> MetricsQuery.asOf(null)).hasMessage("asOf");
  }

  @Test
  void calculate_duplicateId_isRejectedNamingTheDeal() {
    Deal deal = Script.open("TWICE", "a", 0).deal();
    assertThatThrownBy(() -> metrics.calculate(List.of(deal, Script.open("OTHER", "a", 0).deal(), deal), query))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("deal TWICE appears more than once");
  }

  @Test
  void merge_duplicateIdAcrossPartitions_isRejected() {
    Deal deal = Script.open("TWICE", "a", 0).deal();
    MetricsAccumulator left = metrics.accumulator(query).add(deal);
    MetricsAccumulator right = metrics.accumulator(query).add(deal);
    assertThatThrownBy(() -> left.merge(right).report()).hasMessageContaining("TWICE");
  }

  @Test
  void calculate_dealOfAnotherPipeline_isRejectedNamingBoth() {
    Deal other = Pipeline.standard().open(NewDeal.of("STD"), Script.day(0)).get().deal();
    assertThatThrownBy(() -> metrics.calculate(List.of(other), query))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("deal STD belongs to pipeline 'standard'")
        .hasMessageContaining("'simple'");
  }

  @Test
  void calculate_probabilityOutOfRange_namesTheDealAndValue() {
    List<Deal> deals = List.of(Script.open("P", "a", 0, "10", "USD").deal());
    assertThatThrownBy(() -> metrics.calculate(deals, query.withProbability(d -> 1.5)))
        .hasMessageContaining("[0, 1]").hasMessageContaining("1.5").hasMessageContaining("deal P");
    assertThatThrownBy(() -> metrics.calculate(deals, query.withProbability(d -> Double.NaN)))
        .hasMessageContaining("NaN");
  }

  @Test
  void calculate_converterWithoutRate_namesTheCurrency() {
    CurrencyConverter converter = CurrencyConverter.fixedRates(Currency.getInstance("USD"), Map.of());
    List<Deal> deals = List.of(Script.open("P", "a", 0, "10", "EUR").deal());
    assertThatThrownBy(() -> metrics.calculate(deals, query.withConverter(converter))).hasMessageContaining("EUR");
  }

  @Test
  void fixedRates_nonPositiveRate_isRejected() {
    assertThatThrownBy(() -> CurrencyConverter.fixedRates(Currency.getInstance("USD"),
        Map.of(Currency.getInstance("EUR"), BigDecimal.ZERO))).hasMessageContaining("must be positive");
  }

  @Test
  void query_emptyWindow_isRejected() {
    Instant t = Script.day(1);
    assertThatThrownBy(() -> query.withWindow(t, t)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("to must be after from");
    assertThatThrownBy(() -> query.withForecast(LocalDate.of(2025, 2, 1), LocalDate.of(2025, 1, 1)))
        .hasMessageContaining("end must be after start");
  }

  @Test
  void query_quotaWithoutPeriod_isRejectedWhenUsed() {
    MetricsQuery withQuota = query.withQuota(Money.of("100", "USD"));
    assertThatThrownBy(() -> metrics.calculate(List.of(), withQuota)).hasMessageContaining("no forecast period");
  }

  @Test
  void query_negativeQuotaOrTrials_areRejected() {
    assertThatThrownBy(() -> query.withQuota(Money.of("-1", "USD"))).hasMessageContaining("must not be negative");
    assertThatThrownBy(() -> query.withSimulation(1, 0)).hasMessageContaining("trials must be within");
  }

  @Test
  void figures_outOfRangeArguments_areRejected() {
    MetricsReport report = metrics.calculate(Sample.deals(), query);
    assertThatThrownBy(() -> report.salesCycleWon().percentileDays(1.5)).hasMessageContaining("1.5");
    assertThatThrownBy(() -> report.timeToClose().survivalAt(-1)).hasMessageContaining("-1");
    assertThatThrownBy(() -> report.transitions().count("x", "a")).hasMessageContaining("'x'");
    assertThatThrownBy(() -> report.transitions().winProbability("won")).hasMessageContaining("open stage");
    assertThat(report.funnel("nope")).isEmpty();
  }

  @Test
  void rate_inconsistentCounts_areRejected() {
    assertThatThrownBy(() -> Rate.of(3, 2)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Rate.of(0, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Rate(0.5, 0.6, 0.7, 1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void merge_sameAccumulatorOrOtherQuery_isRejected() {
    MetricsAccumulator a = metrics.accumulator(query);
    assertThatThrownBy(() -> a.merge(a)).hasMessageContaining("not this one");
    assertThatThrownBy(() -> a.merge(metrics.accumulator(MetricsQuery.asOf(Script.day(1)))))
        .hasMessageContaining("same pipeline and query");
  }

  @Test
  void calculate_dealsFarInThePastAndFuture_giveAnAnswer() {
    Deal ancient = Script.open(Script.SIMPLE, NewDeal.of("OLD").withStage("a"), -365 * 200).win(-365 * 199).deal();
    Deal future = Script.open(Script.SIMPLE, NewDeal.of("NEW").withStage("a"), 365 * 300).deal();
    MetricsReport r = metrics.calculate(List.of(ancient, future), MetricsQuery.asOf(Script.day(365 * 400)));
    assertThat(r.won()).isEqualTo(1);
    assertThat(r.salesCycleWon().meanDays().get()).isEqualTo(365.0);
    assertThat(r.open()).isEqualTo(1);
  }

  @Test
  void calculate_thousandStageChanges_giveAnAnswer() {
    Script script = Script.open("BUSY", "a", 0);
    for (int i = 1; i <= 1000; i++) {
      script.move(i % 2 == 1 ? "b" : "a", i * 0.01);
    }
    MetricsReport r = metrics.calculate(List.of(script.deal()), MetricsQuery.asOf(Script.day(20)));
    assertThat(r.transitions().total()).isEqualTo(1000);
    assertThat(r.timeInStage("a").get().completed().count()).isEqualTo(500);
  }
}
