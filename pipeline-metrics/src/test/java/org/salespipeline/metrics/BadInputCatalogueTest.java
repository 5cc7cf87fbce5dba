package org.salespipeline.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.Deal;
import org.salespipeline.core.Money;
import org.salespipeline.core.NewDeal;
import org.salespipeline.core.Pipeline;

/**
 * The bad-input catalogue of pipeline-metrics (SPEC §4, §8): every entry point's answer to null,
 * out-of-range, inconsistent and extreme input is exact: an exception naming the problem, or a
 * correct answer; never NaN, never a silent wrong figure. SPEC §4.1's parameters (movement,
 * forecast roll-up, hygiene) are at the end: each bad value is refused at once by an exception that
 * names the parameter and the value, or by a documented rule. Random pipelines are in
 * {@link MetricsProperties}; parallel use in {@link ConcurrencyTest}.
 */
class BadInputCatalogueTest {

  private static final Instant A = MovementTest.A;
  private static final Instant B = MovementTest.B;
  private final PipelineMetrics metrics = PipelineMetrics.of(Script.SIMPLE);
  private final MetricsQuery query = MetricsQuery.asOf(Sample.AS_OF);
  private final PipelineMovement movement = PipelineMovement.of(RevenueSample.REVENUE);
  private final ForecastRollup rollup = ForecastRollup.of(RevenueSample.REVENUE);
  private final PipelineHygiene hygiene = PipelineHygiene.of(RevenueSample.REVENUE);

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
  void calculate_everyIdTwice_namesTheSmallestInOnePassOverTheIds() {
    List<Deal> twice = new java.util.ArrayList<>();
    for (int i = 20_000; i > 0; i--) {
      Deal deal = Script.open("D" + i, "a", 0).deal();
      twice.add(deal);
      twice.add(deal);
    }
    assertThatThrownBy(() -> metrics.calculate(twice, query)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("deal D1 appears more than once");
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
    MetricsQuery withQuota = query.withQuota(Money.parse("100", "USD"));
    assertThatThrownBy(() -> metrics.calculate(List.of(), withQuota)).hasMessageContaining("no forecast period");
  }

  @Test
  void query_negativeQuotaOrTrials_areRejected() {
    assertThatThrownBy(() -> query.withQuota(Money.parse("-1", "USD"))).hasMessageContaining("must not be negative");
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
  void calculate_tenThousandStageChanges_everyStayCounted() {
    Script script = Script.open("BUSY", "a", 0);
    for (int i = 1; i <= 10_000; i++) {
      script.move(i % 2 == 1 ? "b" : "a", i * 0.01);
    }
    MetricsReport r = metrics.calculate(List.of(script.deal()), MetricsQuery.asOf(Script.day(200)));
    assertThat(r.transitions().total()).isEqualTo(10_000);
    assertThat(r.transitions().count("a", "b")).isEqualTo(5_000);
    assertThat(r.timeInStage("a").get().completed().count()).isEqualTo(5_000);
    assertThat(r.timeInStage("b").get().completed().medianDays()).isEqualTo(Option.some(0.01));
    assertThat(r.timeInStage("a").get().current().meanDays()).isEqualTo(Option.some(100.0));
  }

  // ------------------------------------------------------------------ empty and single-deal data sets

  @Test
  void calculate_noDeals_everyRateAndAverageIsEmpty_everyCountZero() {
    MetricsReport r = metrics.calculate(List.of(), query.withGrouping(Grouping.owner())
        .withForecast(LocalDate.of(2025, 4, 1), LocalDate.of(2025, 5, 1)).withQuota(Money.parse("100", "USD")));

    assertThat(List.of(r.deals(), r.open(), r.won(), r.lost(), r.unpriced())).containsOnly(0L);
    assertThat(r.winRate()).isEmpty();
    assertThat(r.kmMedianDaysToClose()).isEmpty();
    assertThat(r.salesCycleWon().meanDays()).isEmpty();
    assertThat(r.salesCycleLost().p90Days()).isEmpty();
    assertThat(r.averageDealSize()).isEmpty();
    assertThat(r.valueWinRate()).isEmpty();
    assertThat(r.velocityPerDay()).isEmpty();
    assertThat(r.weightedPipeline()).isEmpty();
    assertThat(r.stuck()).isEmpty();
    assertThat(r.groups()).isEmpty();
    assertThat(r.funnel()).hasSize(3).allSatisfy(f -> {
      assertThat(f.reached()).isZero();
      assertThat(f.conversion()).isEmpty();
    });
    assertThat(r.transitions().winProbability("a")).isEmpty();
    assertThat(r.timeToClose().steps()).isEmpty();
    assertThat(r.toString()).contains("Simple").doesNotContain("NaN");
  }

  @Test
  void calculate_singleWonDeal_exactFigures_intervalStillWithinBounds() {
    Deal deal = Script.open("ONE", "a", 0, "250.50", "EUR").move("c", 4).win(10).deal();

    MetricsReport r = metrics.calculate(List.of(deal), query);

    assertThat(r.won()).isEqualTo(1);
    assertThat(r.winRate().get().value()).isEqualTo(1.0);
    assertThat(r.winRate().get().lower()).isBetween(0.0, 1.0);
    assertThat(r.averageDealSize()).containsExactly(Map.entry(Currency.getInstance("EUR"), Money.parse("250.50", "EUR")));
    assertThat(r.medianDealSize()).containsExactly(Map.entry(Currency.getInstance("EUR"), Money.parse("250.50", "EUR")));
    assertThat(r.salesCycleWon().medianDays()).isEqualTo(Option.some(10.0));
    assertThat(r.salesCycleWon().p90Days()).isEqualTo(Option.some(10.0));
    assertThat(r.kmMedianDaysToClose()).isEqualTo(Option.some(10.0));
    assertThat(r.funnel("b").get().reached()).as("a skipped stage counts as passed").isEqualTo(1);
    assertThat(r.transitions().winProbability("a")).isEqualTo(Option.some(1.0));
    assertThat(r.toString()).doesNotContain("NaN");
  }

  @Test
  void calculate_singleOpenDeal_noClosedDeal_ratesEmpty_pipelineWeighted() {
    Deal deal = Script.open("ONE", "b", 0, "100", "USD").deal();

    MetricsReport r = metrics.calculate(List.of(deal), query);

    assertThat(r.winRate()).isEmpty();
    assertThat(r.kmMedianDaysToClose()).as("no deal closed: the curve never falls to one half").isEmpty();
    assertThat(r.weightedPipeline()).containsExactly(Map.entry(Currency.getInstance("USD"), Money.parse("30.00", "USD")));
    assertThat(r.stuck()).singleElement().satisfies(s -> assertThat(s.dealId()).isEqualTo("ONE"));
    assertThat(r.velocityPerDay()).isEmpty();
  }

  // ------------------------------------------------------------------ mixed and extreme amounts

  @Test
  void calculate_mixedCurrencies_neverAdded_eachCurrencyOnItsOwn() {
    List<Deal> deals = List.of(Script.open("U", "a", 0, "100", "USD").win(5).deal(),
        Script.open("E", "a", 0, "300", "EUR").win(5).deal(), Script.open("J", "a", 0, "5000", "JPY").lose(5).deal(),
        Script.open("N", "a", 0).win(5).deal());

    MetricsReport r = metrics.calculate(deals, query);

    assertThat(r.wonValue()).containsOnly(Map.entry(Currency.getInstance("USD"), Money.parse("100", "USD")),
        Map.entry(Currency.getInstance("EUR"), Money.parse("300", "EUR")), Map.entry(Currency.getInstance("JPY"),
            Money.parse("0", "JPY")));
    assertThat(r.lostValue()).containsOnly(Map.entry(Currency.getInstance("JPY"), Money.parse("5000", "JPY")),
        Map.entry(Currency.getInstance("USD"), Money.parse("0", "USD")), Map.entry(Currency.getInstance("EUR"),
            Money.parse("0", "EUR")));
    assertThat(r.valueWinRate().get(Currency.getInstance("JPY")).value()).isZero();
    assertThat(r.winRate().get().value()).as("counts do not depend on currency").isEqualTo(0.75);
    assertThat(r.unpriced()).as("the won deal without an amount is counted, never valued").isEqualTo(1);
  }

  @Test
  void calculate_mixedCurrenciesWithAConverter_areAddedInTheTarget() {
    CurrencyConverter toUsd = CurrencyConverter.fixedRates(Currency.getInstance("USD"),
        Map.of(Currency.getInstance("EUR"), new BigDecimal("1.1")));
    List<Deal> deals = List.of(Script.open("U", "a", 0, "100", "USD").win(5).deal(),
        Script.open("E", "a", 0, "300", "EUR").win(5).deal());

    MetricsReport r = metrics.calculate(deals, query.withConverter(toUsd));

    assertThat(r.wonValue()).containsExactly(Map.entry(Currency.getInstance("USD"), Money.parse("430", "USD")));
  }

  @Test
  void calculate_enormousAmounts_exactSums_forecastOnTheExactPath() {
    String huge = "9".repeat(900);
    List<Deal> deals = List.of(Script.open("W1", "a", 0, huge, "USD").win(10).deal(),
        Script.open("W2", "a", 0, huge, "USD").win(20).deal(),
        Script.open("O1", "c", 0, huge, "USD").expectedClose("2025-04-15", 0).deal());
    BigDecimal nines = new BigDecimal(huge);

    MetricsReport r = metrics.calculate(deals, query.withForecast(LocalDate.of(2025, 4, 1), LocalDate.of(2025, 5, 1))
        .withSimulation(1, 100));

    Currency usd = Currency.getInstance("USD");
    assertThat(r.wonValue().get(usd).amount()).isEqualByComparingTo(nines.multiply(BigDecimal.valueOf(2)));
    assertThat(r.averageDealSize().get(usd).amount()).as("a mean is exact to the cent however many digits")
        .isEqualByComparingTo(nines);
    assertThat(r.medianDealSize().get(usd).amount()).isEqualByComparingTo(nines);
    assertThat(r.weightedPipeline().get(usd).amount()).isEqualByComparingTo(nines.multiply(new BigDecimal("0.6")));
    assertThat(r.forecast().get().byCurrency().get(usd).pipeline().amount()).isEqualByComparingTo(nines);
    assertThat(r.velocityPerDay().get(usd).amount().signum()).isPositive();
    assertThat(r.toString()).doesNotContain("NaN").doesNotContain("Infinity");
  }

  @Test
  void calculate_zeroAmounts_areZeroNotUnpriced() {
    MetricsReport r = metrics.calculate(List.of(Script.open("Z", "a", 0, "0", "USD").win(3).deal()), query);

    assertThat(r.averageDealSize().get(Currency.getInstance("USD"))).isEqualTo(Money.parse("0", "USD"));
    assertThat(r.valueWinRate()).as("0 / 0 is undefined, not NaN").isEmpty();
  }

  // ------------------------------------------------------------------ instants at the edges of time

  @Test
  void query_asOfBeyondTheSupportedYears_isRejectedNamingTheRange() {
    assertThatThrownBy(() -> MetricsQuery.asOf(Instant.MAX)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("asOf must be within -9999-01-01T00:00:00Z and 9999-12-31T23:59:59.999999999Z but was "
            + Instant.MAX);
    assertThatThrownBy(() -> query.withAsOf(Instant.MIN)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("but was " + Instant.MIN);
    assertThat(MetricsQuery.asOf(MetricsQuery.LATEST).asOf()).isEqualTo(MetricsQuery.LATEST);
  }

  @Test
  void calculate_dealCreatedAtInstantMin_isRejectedNamingTheDeal() {
    Deal ancient = Script.SIMPLE.open(NewDeal.of("ANCIENT"), Instant.MIN).get().deal();

    assertThatThrownBy(() -> metrics.calculate(List.of(ancient), query)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("deal ANCIENT was created at " + Instant.MIN
            + ", before the earliest instant metrics compute with (-9999-01-01T00:00:00Z)");
  }

  @Test
  void calculate_eventsAtInstantMaxAfterAsOf_areIgnoredAsNotYetHappened() {
    Deal deal = Script.open("LATER", "a", 0, "10", "USD").deal();
    Deal wonAtTheEndOfTime = Script.SIMPLE.win(deal, Instant.MAX).get().deal();
    Deal openedAtTheEndOfTime = Script.SIMPLE.open(NewDeal.of("NEVER"), Instant.MAX).get().deal();

    MetricsReport r = metrics.calculate(List.of(wonAtTheEndOfTime, openedAtTheEndOfTime), query);

    assertThat(r.deals()).isEqualTo(1);
    assertThat(r.open()).isEqualTo(1);
    assertThat(r.won()).isZero();
  }

  @Test
  void calculate_windowFromInstantMinToInstantMax_equalsNoWindow() {
    MetricsReport whole = metrics.calculate(Sample.deals(), query);
    MetricsReport windowed = metrics.calculate(Sample.deals(), query.withWindow(Instant.MIN, Instant.MAX));

    assertThat(windowed.winRate()).isEqualTo(whole.winRate());
    assertThat(windowed.funnel()).isEqualTo(whole.funnel());
    assertThat(windowed.transitions()).isEqualTo(whole.transitions());
    assertThat(windowed.timeInStage()).isEqualTo(whole.timeInStage());
    assertThat(windowed.salesCycleWon()).isEqualTo(whole.salesCycleWon());
  }

  @Test
  void calculate_dealsAtTheEdgesOfTheSupportedYears_exactDurations() {
    Instant first = MetricsQuery.EARLIEST;
    Deal deal = Script.SIMPLE.win(Script.SIMPLE.open(NewDeal.of("LONG"), first).get().deal(), MetricsQuery.LATEST)
        .get().deal();

    MetricsReport r = metrics.calculate(List.of(deal), MetricsQuery.asOf(MetricsQuery.LATEST));

    double days = java.time.Duration.between(first, MetricsQuery.LATEST).toMillis() / 86_400_000.0;
    assertThat(r.salesCycleWon().meanDays()).isEqualTo(Option.some(days));
    assertThat(days).isGreaterThan(7_300_000); // twenty thousand years
  }

  @Test
  void trends_dealFromYearMinus9999_perWeek_isRejectedNamingTheDealAndTheRemedy() {
    Deal ancient = Script.SIMPLE.open(NewDeal.of("ANCIENT"), MetricsQuery.EARLIEST).get().deal();
    MetricsQuery weekly = query.withTrends(CalendarUnit.WEEK, java.time.ZoneOffset.UTC);

    assertThatThrownBy(() -> metrics.calculate(List.of(ancient, Script.open("NEW", "a", 0).deal()), weekly))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("deal ANCIENT was created at -9999-01-01T00:00:00Z: a trend per week from then to")
        .hasMessageContaining("would have 627,3")
        .hasMessageContaining("more than the 10,000 a trend may have; bound the trend with a window (withWindow)");
  }

  @Test
  void trends_dealFromYearMinus9999_withinAWindow_hasTheWindowsPeriodsOnlyAndCountsTheDealInEach() {
    Deal ancient = Script.SIMPLE.open(NewDeal.of("ANCIENT"), MetricsQuery.EARLIEST).get().deal();
    MetricsQuery quarterly = MetricsQuery.asOf(Instant.parse("2025-01-01T00:00:00Z"))
        .withWindow(Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2025-01-01T00:00:00Z"))
        .withTrends(CalendarUnit.QUARTER, java.time.ZoneOffset.UTC);

    MetricsReport r = metrics.calculate(List.of(ancient), quarterly);

    assertThat(r.trends().keySet()).extracting(TrendPeriod::label)
        .containsExactly("2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4");
    assertThat(r.trends().values()).allSatisfy(period -> assertThat(period.open()).isEqualTo(1));
  }

  @Test
  void trends_dealFromYear1200_perQuarter_fitsTheLimit() {
    Deal old = Script.SIMPLE.open(NewDeal.of("OLD"), Instant.parse("1200-01-01T00:00:00Z")).get().deal();

    MetricsReport r = metrics.calculate(List.of(old), query.withTrends(CalendarUnit.QUARTER, java.time.ZoneOffset.UTC));

    assertThat(r.trends()).hasSize((2025 - 1200) * 4 + 2); // 1200-Q1 to 2025-Q2, the quarter of T
    assertThat(r.trends().values()).allSatisfy(period -> assertThat(period.open()).isEqualTo(1));
  }

  // ------------------------------------------------------------------ inconsistent definitions and functions

  @Test
  void calculate_dealOfAnotherDefinitionWithTheSameId_isRejectedNamingTheStage() {
    Pipeline impostor = Pipeline.builder("simple", "Simple").openStage(org.salespipeline.core.Stage.open("x", "X"))
        .wonStage(org.salespipeline.core.Stage.won("won", "Won")).lostStage(org.salespipeline.core.Stage.lost("lost", "Lost"))
        .build();
    Deal deal = impostor.open(NewDeal.of("IMP"), Script.day(0)).get().deal();

    assertThatThrownBy(() -> metrics.calculate(List.of(deal), query)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("IMP").hasMessageContaining("'x'");
  }

  @Test
  void calculate_probabilityFunctionReturningInfinity_isRejectedNamingTheDeal() {
    List<Deal> deals = List.of(Script.open("P", "a", 0, "10", "USD").deal());

    assertThatThrownBy(() -> metrics.calculate(deals, query.withProbability(d -> Double.POSITIVE_INFINITY)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("deal P").hasMessageContaining("Infinity");
    assertThatThrownBy(() -> metrics.calculate(deals, query.withProbability(d -> -0.0001)))
        .hasMessageContaining("-1.0E-4");
  }

  @Test
  void calculate_groupingKeyNull_isNamed() {
    Grouping broken = Grouping.of("broken", d -> null);

    assertThatThrownBy(() -> metrics.calculate(Sample.deals(), query.withGrouping(broken)))
        .hasMessageContaining("broken");
  }

  // ------------------------------------------------------------------ SPEC §4.1: movement

  @Test
  void movement_bBeforeA_isRefusedNamingBoth() {
    assertThatThrownBy(() -> MovementQuery.over(B, A)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("to must be after from " + B + " but was " + A);
  }

  @Test
  void movement_emptyInterval_isRefused() {
    assertThatThrownBy(() -> MovementQuery.over(A, A)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("to must be after from");
  }

  @Test
  void movement_nulls_nameTheParameter() {
    assertThatThrownBy(() -> MovementQuery.over(null, B)).isInstanceOf(NullPointerException.class).hasMessage("from");
    assertThatThrownBy(() -> MovementQuery.over(A, null)).hasMessage("to");
    assertThatThrownBy(() -> MovementQuery.over(A, B).withTargetPeriod(null)).hasMessage("period");
    assertThatThrownBy(() -> MovementQuery.over(A, B).withGrouping(null)).hasMessage("grouping");
    assertThatThrownBy(() -> PipelineMovement.of(null)).hasMessage("pipeline");
    assertThatThrownBy(() -> movement.calculate((List<Deal>) null, MovementQuery.over(A, B))).hasMessage("deals");
    assertThatThrownBy(() -> movement.calculate(List.of(), null)).hasMessage("query");
    assertThatThrownBy(() -> movement.accumulator(MovementQuery.over(A, B)).add(null)).hasMessage("deal");
    assertThatThrownBy(() -> movement.accumulator(MovementQuery.over(A, B)).merge(null)).hasMessage("other");
  }

  @Test
  void movement_weekAsTargetPeriod_isRefused() {
    TrendPeriod week = TrendPeriod.containing(CalendarUnit.WEEK, java.time.LocalDate.of(2025, 3, 3));

    assertThatThrownBy(() -> MovementQuery.over(A, B).withTargetPeriod(week))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("period must be a month or a quarter but was week 2025-W10");
  }

  @Test
  void targetPeriod_unparseable_isRefusedNamingTheText() {
    for (String bad : List.of("2025-13", "2025-Q5", "Q3", "2025-3", "2025-W10", "")) {
      assertThatThrownBy(() -> TrendPeriod.parse(bad)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("'" + bad + "'");
    }
    assertThat(TrendPeriod.parse(" 2025-q3 ")).isEqualTo(TrendPeriod.parse("2025-Q3"));
    assertThatThrownBy(() -> TrendPeriod.parse(null)).hasMessage("text");
  }

  @Test
  void movement_dealOfAnotherPipeline_andRepeatedIds_areRefusedNamingTheDeal() {
    Deal other = Pipeline.standard().open(NewDeal.of("STD"), Script.day(0)).get().deal();
    Deal twice = RevenueSample.open("TWICE", "a", 0, "ana", "1", "USD", "").deal();

    assertThatThrownBy(() -> movement.calculate(List.of(other), MovementQuery.over(A, B)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("deal STD belongs to pipeline 'standard'");
    assertThatThrownBy(() -> movement.calculate(List.of(twice, twice), MovementQuery.over(A, B)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("deal TWICE appears more than once");
  }

  @Test
  void partialResults_ofAnotherQueryOrTheSameOne_doNotMerge() {
    PartialResult<MovementReport> part = movement.accumulator(MovementQuery.over(A, B));

    assertThatThrownBy(() -> part.merge(movement.accumulator(MovementQuery.over(A, B.plusSeconds(1)))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same calculation, pipeline and query");
    assertThatThrownBy(() -> part.merge(part)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not this one");
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  @Test
  void partialResults_ofAnotherPipelineOrCalculation_doNotMerge() {
    MovementQuery query = MovementQuery.over(A, B);
    PartialResult<MovementReport> part = movement.accumulator(query);
    PartialResult<MovementReport> otherPipeline = PipelineMovement.of(Script.SIMPLE).accumulator(query);
    PartialResult raw = hygiene.accumulator(HygieneQuery.asOf(B));

    assertThatThrownBy(() -> part.merge(otherPipeline)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("same calculation, pipeline and query");
    assertThatThrownBy(() -> part.merge(raw)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("same calculation, pipeline and query");
  }

  // ------------------------------------------------------------------ SPEC §4.1: forecast roll-up

  @Test
  void forecast_quotaForAnUnknownOwner_isRefusedNamingTheOwnerAndTheOwners() {
    ForecastQuery query = ForecastQuery.of(ForecastRollupTest.T, CalendarUnit.MONTH, ZoneId.of("UTC"))
        .withQuota(TrendPeriod.parse("2025-03"), "dan", Money.parse("100", "USD"));

    assertThatThrownBy(() -> rollup.calculate(ForecastRollupTest.deals(), query))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("quotas has a quota for owner 'dan' in 2025-03, who owns none of the deals")
        .hasMessageContaining("[ana, bo, cy]");
  }

  @Test
  void forecast_unknownZoneId_isRefusedNamingIt() {
    assertThatThrownBy(() -> ForecastQuery.of(ForecastRollupTest.T, CalendarUnit.MONTH, "Mars/Olympus_Mons"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("zoneId must be a time zone such as Europe/Paris or +02:00 but was 'Mars/Olympus_Mons'")
        .hasCauseInstanceOf(DateTimeException.class);
    assertThatThrownBy(() -> ForecastQuery.of(ForecastRollupTest.T, CalendarUnit.MONTH, "+25:00"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'+25:00'");
    assertThatThrownBy(() -> ForecastQuery.of(ForecastRollupTest.T, CalendarUnit.MONTH, (String) null))
        .hasMessage("zoneId");
  }

  @Test
  void forecast_weekUnit_isRefused() {
    assertThatThrownBy(() -> ForecastQuery.of(ForecastRollupTest.T, CalendarUnit.WEEK, ZoneId.of("UTC")))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("unit must be MONTH or QUARTER but was WEEK");
  }

  @Test
  void forecast_badQuotas_areRefusedNamingTheProblem() {
    ForecastQuery months = ForecastQuery.of(ForecastRollupTest.T, CalendarUnit.MONTH, ZoneId.of("UTC"));
    TrendPeriod march = TrendPeriod.parse("2025-03");

    assertThatThrownBy(() -> months.withQuota(TrendPeriod.parse("2025-Q1"), "ana", Money.parse("1", "USD")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("quotas must be for periods of a month, the roll-up's unit, but has one for 2025-Q1");
    assertThatThrownBy(() -> months.withQuota(march, "ana", Money.parse("-1", "USD")))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("amount must not be negative but was -1.00 USD");
    assertThatThrownBy(() -> months.withQuota(march, " ", Money.parse("1", "USD")))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("owner must not be blank but was ' '");
    assertThatThrownBy(() -> months.withQuota(march, "ana", Money.parse("1", "USD"))
        .withQuota(march, "ana", Money.parse("2", "USD")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("quotas has two quotas in USD for owner 'ana' in 2025-03");
    assertThat(months.withQuota(march, "ana", Money.parse("1", "USD")).withQuota(march, "ana", Money.parse("2", "EUR"))
        .quotas()).hasSize(2);
    assertThatThrownBy(() -> months.withQuota(null, "ana", Money.parse("1", "USD"))).hasMessage("period");
    assertThatThrownBy(() -> months.withCategoryRule(null)).hasMessage("categoryRule");
    assertThatThrownBy(() -> ForecastQuery.of(null, CalendarUnit.MONTH, ZoneId.of("UTC"))).hasMessage("asOf");
    assertThatThrownBy(() -> ForecastQuery.of(ForecastRollupTest.T, null, ZoneId.of("UTC"))).hasMessage("unit");
    assertThatThrownBy(() -> ForecastQuery.of(ForecastRollupTest.T, CalendarUnit.MONTH, (ZoneId) null))
        .hasMessage("zone");
  }

  @Test
  void forecast_ruleReturningNull_isRefusedNamingTheDeal() {
    ForecastQuery query = ForecastQuery.of(ForecastRollupTest.T, CalendarUnit.MONTH, ZoneId.of("UTC"))
        .withCategoryRule((deal, pipeline) -> null);

    assertThatThrownBy(() -> rollup.calculate(ForecastRollupTest.deals(), query))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("returned null for deal F3");
  }

  // ------------------------------------------------------------------ SPEC §4.1: hygiene

  @Test
  void hygiene_quietDaysBelowOne_isRefused() {
    assertThatThrownBy(() -> HygieneQuery.asOf(HygieneTest.T).withQuietDays(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("quietDays must be at least 1 but was 0");
    assertThatThrownBy(() -> HygieneQuery.asOf(HygieneTest.T).withQuietDays(-3))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("quietDays must be at least 1 but was -3");
  }

  @Test
  void hygiene_asOfOutOfRange_andNulls_areRefusedNamingThem() {
    assertThatThrownBy(() -> HygieneQuery.asOf(Instant.MAX)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("asOf must be within");
    assertThatThrownBy(() -> HygieneQuery.asOf(null)).hasMessage("asOf");
    assertThatThrownBy(() -> HygieneQuery.asOf(HygieneTest.T).withZone(null)).hasMessage("zone");
    assertThatThrownBy(() -> hygiene.calculate(List.of(), null)).hasMessage("query");
  }

  @Test
  void hygiene_repeatedId_isRefusedNamingIt() {
    Deal twice = RevenueSample.open("TWICE", "a", 0, "ana", "1", "USD", "").deal();

    assertThatThrownBy(() -> hygiene.calculate(List.of(twice, twice), HygieneQuery.asOf(HygieneTest.T)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("deal TWICE appears more than once");
  }

  @Test
  void emptyInput_givesEmptyResults() {
    assertThat(movement.calculate(List.of(), MovementQuery.over(A, B)).total().end()).isEqualTo(Figure.ZERO);
    ForecastReport forecast = rollup.calculate(List.of(),
        ForecastQuery.of(ForecastRollupTest.T, CalendarUnit.QUARTER, ZoneId.of("UTC")));
    assertThat(forecast.periods()).isEmpty();
    assertThat(forecast.noCloseDate()).isEqualTo(Figure.ZERO);
    HygieneReport review = hygiene.calculate(List.of(), HygieneQuery.asOf(HygieneTest.T));
    assertThat(review.deals()).isEmpty();
    assertThat(review.total().openDeals()).isZero();
  }

  @Test
  void figure_inconsistentParts_areRefused() {
    assertThatThrownBy(() -> new Figure(-1, java.util.Map.of())).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("count must not be negative but was -1");
    assertThatThrownBy(() -> new Figure(1, java.util.Map.of(Currency.getInstance("EUR"), Money.parse("1", "USD"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maps EUR to 1.00 USD");
  }
}
