package org.salespipeline.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.salespipeline.core.Deal;
import org.salespipeline.core.DealEvent;
import org.salespipeline.core.ForecastCategory;
import org.salespipeline.core.Money;
import org.salespipeline.core.testing.Theories;
import org.salespipeline.core.testing.Theories.Hits;

/**
 * Properties of SPEC §4.1 over random histories ({@link RandomHistories}): the movement identity,
 * exact for counts and for every currency's amounts, in total and per group; start and end equal to
 * what {@link Deal#asOf} says; and the three calculations equal whether computed in one pass, in
 * two merged partial results or on a parallel stream; with random forecast category overrides
 * (set, cleared, ended by stage changes, made after {@code T}), each open deal counts in the
 * category {@code Pipeline.forecastCategoryOf} gives it as of {@code T}.
 */
class RevenueProperties {

  private static final int EXAMPLES = 400;

  /** Up to 12 deals of 1 to 16 events each. */
  private static final Gen<List<List<Integer>>> DEALS =
      lists().of(lists().of(integers().between(0, 1 << 20)).ofSizeBetween(1, 16)).ofSizeBetween(0, 12);
  /** A's day (0 to 70) and half-day, B's distance in hours (1 to 40 days), the target period. */
  private static final Gen<Integer> INTERVALS = integers().between(0, 1 << 20);

  private static final List<TrendPeriod> TARGETS = List.of(TrendPeriod.parse("2025-02"),
      TrendPeriod.parse("2025-03"), TrendPeriod.parse("2025-Q1"), TrendPeriod.parse("2025-Q2"));

  static MovementQuery query(int code) {
    Instant a = Script.day(code % 71 + (code / 71 % 2) * 0.5);
    Instant b = a.plusSeconds(3600L * (1 + code / 142 % 960));
    MovementQuery query = MovementQuery.over(a, b).withGrouping(Grouping.owner());
    int target = code / (142 * 960) % 5;
    return target == 4 ? query : query.withTargetPeriod(TARGETS.get(target));
  }

  @Test
  void movement_identityHoldsForCountsAndEveryCurrency_inTotalAndPerGroup() {
    qt().withExamples(EXAMPLES).forAll(DEALS, INTERVALS).checkAssert((codes, interval) -> {
      List<Deal> deals = RandomHistories.deals(codes);
      MovementQuery query = query(interval);
      MovementReport report = PipelineMovement.of(Script.SIMPLE).calculate(deals, query);

      assertBalanced(report.total());
      report.groups().values().forEach(RevenueProperties::assertBalanced);
      for (Function<Movement, Figure> line : LINES) {
        long sum = report.groups().values().stream().mapToLong(m -> line.apply(m).count()).sum();
        assertThat(sum).isEqualTo(line.apply(report.total()).count());
      }
      assertThat(report.total().pulledIn().count()).isLessThanOrEqualTo(report.total().movedIn().count());
      assertThat(report.total().pushedOut().count()).isLessThanOrEqualTo(report.total().movedOut().count());
      if (query.targetPeriod().isEmpty()) {
        assertThat(report.total().movedIn()).isEqualTo(Figure.ZERO);
        assertThat(report.total().movedOut()).isEqualTo(Figure.ZERO);
      }
    });
  }

  @Test
  void movement_startAndEnd_areThePipelineAsOfJustBeforeAAndB() {
    qt().withExamples(EXAMPLES).forAll(DEALS, INTERVALS).checkAssert((codes, interval) -> {
      List<Deal> deals = RandomHistories.deals(codes);
      MovementQuery query = query(interval);
      Movement m = PipelineMovement.of(Script.SIMPLE).calculate(deals, query).total();

      assertThat(m.start()).isEqualTo(pipelineAsOf(deals, query, query.from().minusNanos(1)));
      assertThat(m.end()).isEqualTo(pipelineAsOf(deals, query, query.to().minusNanos(1)));
    });
  }

  @Test
  void allThree_mergedAndParallel_equalOnePass() {
    qt().withExamples(200).forAll(DEALS, INTERVALS, integers().between(0, 12)).checkAssert((codes, interval, cut) -> {
      List<Deal> deals = RandomHistories.deals(codes);
      int split = Math.min(cut, deals.size());
      List<Deal> left = deals.subList(0, split);
      List<Deal> right = deals.subList(split, deals.size());

      PipelineMovement movement = PipelineMovement.of(Script.SIMPLE);
      MovementQuery mq = query(interval);
      MovementReport whole = movement.calculate(deals, mq);
      assertThat(movement.accumulator(mq).addAll(right).merge(movement.accumulator(mq).addAll(left)).result())
          .isEqualTo(whole);
      assertThat(movement.calculate(parallel(deals), mq)).isEqualTo(whole);

      ForecastRollup rollup = ForecastRollup.of(Script.SIMPLE);
      ForecastQuery fq = ForecastQuery.of(mq.to(), interval % 2 == 0 ? CalendarUnit.MONTH : CalendarUnit.QUARTER,
          ZoneId.of("America/New_York"));
      ForecastReport forecast = rollup.calculate(deals, fq);
      assertThat(rollup.accumulator(fq).addAll(right).merge(rollup.accumulator(fq).addAll(left)).result())
          .isEqualTo(forecast);
      assertThat(rollup.calculate(parallel(deals), fq)).isEqualTo(forecast);

      PipelineHygiene hygiene = PipelineHygiene.of(Script.SIMPLE);
      HygieneQuery hq = HygieneQuery.asOf(mq.to()).withQuietDays(1 + interval % 20);
      HygieneReport review = hygiene.calculate(deals, hq);
      assertThat(hygiene.accumulator(hq).addAll(right).merge(hygiene.accumulator(hq).addAll(left)).result())
          .isEqualTo(review);
      assertThat(hygiene.calculate(parallel(deals), hq)).isEqualTo(review);
    });
  }

  @Test
  void forecast_everyDealInOnePeriodOrWithoutCloseDate_andCategoriesCumulative() {
    qt().withExamples(EXAMPLES).forAll(DEALS, INTERVALS).checkAssert((codes, interval) -> {
      List<Deal> deals = RandomHistories.deals(codes);
      Instant t = query(interval).to();
      ForecastReport report = ForecastRollup.of(Script.SIMPLE).calculate(deals,
          ForecastQuery.of(t, interval % 2 == 0 ? CalendarUnit.MONTH : CalendarUnit.QUARTER, ZoneId.of("Asia/Tokyo")));

      long placed = report.noCloseDate().count();
      for (PeriodForecast p : report.periods()) {
        ForecastFigures f = p.team();
        placed += f.closedWon().count() + f.pipeline().count() + f.omitted().count();
        assertThat(f.closedWon().count()).isLessThanOrEqualTo(f.commit().count());
        assertThat(f.commit().count()).isLessThanOrEqualTo(f.bestCase().count());
        long owners = p.owners().values().stream().mapToLong(o -> o.bestCase().count()).sum();
        assertThat(owners).isEqualTo(f.bestCase().count());
      }
      long existing = deals.stream().filter(d -> d.asOf(t).isDefined()).count();
      assertThat(report.deals()).isEqualTo(existing);
      assertThat(placed).isEqualTo(existing);
    });
  }

  @Test
  void forecast_withRandomOverrides_eachOpenDealCountsInItsOverrideElseItsStagesCategory() {
    // the oracle: Pipeline.forecastCategoryOf of each deal as of T, counted per period by hand
    Hits hits = new Hits("an override in force at T", "an override ended by a stage change", "an override after T");
    Theories.qt(0x19F0CA57L, EXAMPLES).forAll(DEALS, INTERVALS).checkAssert((codes, interval) -> {
      List<Deal> deals = RandomHistories.deals(codes);
      Instant t = query(interval).to();
      CalendarUnit unit = interval % 2 == 0 ? CalendarUnit.MONTH : CalendarUnit.QUARTER;
      ZoneId zone = ZoneId.of("Asia/Tokyo");
      ForecastReport report = ForecastRollup.of(Script.SIMPLE).calculate(deals, ForecastQuery.of(t, unit, zone));

      Map<TrendPeriod, long[]> expected = new java.util.TreeMap<>();
      for (Deal deal : deals) {
        hits.record("an override after T", deal.forecastCategoryOverride().isDefined() && deal.asOf(t).isDefined()
            && deal.lastEventAt().isAfter(t) && deal.asOf(t).get().forecastCategoryOverride().isEmpty());
        for (Deal d : deal.asOf(t)) {
          hits.record("an override in force at T", d.forecastCategoryOverride().isDefined());
          hits.record("an override ended by a stage change", d.isOpen() && d.forecastCategoryOverride().isEmpty()
              && d.history().stream().anyMatch(e -> e instanceof DealEvent.ForecastCategoryOverridden o
                  && o.forecastCategory().isDefined()));
          java.time.LocalDate date = d.isOpen() ? d.expectedClose().getOrNull()
              : java.time.LocalDate.ofInstant(d.closedAt().get(), zone);
          if (date != null) {
            expected.computeIfAbsent(TrendPeriod.containing(unit, date), p -> new long[ForecastCategory.values().length])
                [Script.SIMPLE.forecastCategoryOf(d).ordinal()]++;
          }
        }
      }
      Map<TrendPeriod, long[]> actual = new java.util.TreeMap<>();
      for (PeriodForecast p : report.periods()) {
        ForecastFigures f = p.team();
        long[] byCategory = new long[ForecastCategory.values().length];
        byCategory[ForecastCategory.CLOSED.ordinal()] = f.closedWon().count();
        byCategory[ForecastCategory.COMMIT.ordinal()] = f.commit().count() - f.closedWon().count();
        byCategory[ForecastCategory.BEST_CASE.ordinal()] = f.bestCase().count() - f.commit().count();
        byCategory[ForecastCategory.PIPELINE.ordinal()] = f.pipeline().count()
            - (f.bestCase().count() - f.closedWon().count());
        byCategory[ForecastCategory.OMITTED.ordinal()] = f.omitted().count();
        actual.put(p.period(), byCategory);
      }
      assertThat(actual.keySet()).isEqualTo(expected.keySet());
      expected.forEach((period, counts) -> assertThat(actual.get(period)).as("%s", period).containsExactly(counts));
    });
    hits.requireAll();
  }

  @Test
  void hygiene_worstFirst_andCountsAddUp() {
    qt().withExamples(EXAMPLES).forAll(DEALS, INTERVALS).checkAssert((codes, interval) -> {
      List<Deal> deals = RandomHistories.deals(codes);
      Instant t = query(interval).to();
      HygieneReport report = PipelineHygiene.of(Script.SIMPLE).calculate(deals,
          HygieneQuery.asOf(t).withQuietDays(1 + interval % 10));

      assertThat(report.deals()).isSortedAccordingTo(HygienePart.WORST_FIRST);
      assertThat(report.deals()).hasSize((int) report.total().flaggedDeals());
      long open = deals.stream().filter(d -> d.asOf(t).exists(Deal::isOpen)).count();
      assertThat(report.total().openDeals()).isEqualTo(open);
      assertThat(report.owners().values().stream().mapToLong(HygieneCounts::openDeals).sum()).isEqualTo(open);
      for (HygieneFlag flag : HygieneFlag.values()) {
        assertThat(report.owners().values().stream().mapToLong(c -> c.count(flag)).sum())
            .isEqualTo(report.total().count(flag))
            .isEqualTo(report.deals().stream().filter(d -> d.has(flag)).count());
      }
    });
  }

  private static final List<Function<Movement, Figure>> LINES = List.of(Movement::start, Movement::created,
      Movement::movedIn, Movement::pulledIn, Movement::movedOut, Movement::pushedOut, Movement::reopened,
      Movement::won, Movement::lost, Movement::increased, Movement::decreased, Movement::end);

  static void assertBalanced(Movement m) {
    assertThat(m.start().count() + m.created().count() + m.movedIn().count() + m.reopened().count()
        - m.won().count() - m.lost().count() - m.movedOut().count()).isEqualTo(m.end().count());
    Set<Currency> currencies = new HashSet<>();
    for (Function<Movement, Figure> line : LINES) {
      currencies.addAll(line.apply(m).amount().keySet());
    }
    for (Currency c : currencies) {
      BigDecimal sum = a(m.start(), c).add(a(m.created(), c)).add(a(m.movedIn(), c)).add(a(m.reopened(), c))
          .subtract(a(m.won(), c)).subtract(a(m.lost(), c)).subtract(a(m.movedOut(), c))
          .add(a(m.increased(), c)).subtract(a(m.decreased(), c));
      assertThat(sum).as("%s in %s", c, m).isEqualByComparingTo(a(m.end(), c));
    }
  }

  private static BigDecimal a(Figure f, Currency c) {
    return f.amount(c).amount();
  }

  /** The pipeline as {@link Deal#asOf} sees it at an instant: an independent oracle of start and end. */
  private static Figure pipelineAsOf(List<Deal> deals, MovementQuery query, Instant at) {
    long count = 0;
    Map<Currency, Money> sums = new java.util.HashMap<>();
    for (Deal deal : deals) {
      for (Deal d : deal.asOf(at)) {
        boolean in = d.isOpen() && (query.targetPeriod().isEmpty()
            || d.expectedClose().exists(date -> !date.isBefore(query.targetPeriod().get().start())
                && date.isBefore(query.targetPeriod().get().end())));
        if (in) {
          count++;
          d.amount().forEach(money -> sums.merge(money.currency(), money, Money::plus));
        }
      }
    }
    return new Figure(count, sums);
  }

  private static java.util.stream.Stream<Deal> parallel(List<Deal> deals) {
    List<Deal> copy = new ArrayList<>(deals);
    return copy.parallelStream();
  }
}
