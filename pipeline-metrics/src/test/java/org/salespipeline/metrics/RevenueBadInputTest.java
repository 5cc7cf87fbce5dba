package org.salespipeline.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.Deal;
import org.salespipeline.core.Money;
import org.salespipeline.core.NewDeal;
import org.salespipeline.core.Pipeline;

/**
 * The bad-input catalogue of SPEC §4.1's parameters (movement, forecast roll-up, hygiene): each
 * bad value is refused at once by an exception that names the parameter and the value, or by a
 * documented rule. The rest of the module's catalogue is {@link BadInputCatalogueTest}.
 */
class RevenueBadInputTest {

  private static final Instant A = MovementTest.A;
  private static final Instant B = MovementTest.B;
  private final PipelineMovement movement = PipelineMovement.of(RevenueSample.REVENUE);
  private final ForecastRollup rollup = ForecastRollup.of(RevenueSample.REVENUE);
  private final PipelineHygiene hygiene = PipelineHygiene.of(RevenueSample.REVENUE);

  // ---------------------------------------------------------------------------------- movement

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

  // ---------------------------------------------------------------------------------- forecast

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

  // ----------------------------------------------------------------------------------- hygiene

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
