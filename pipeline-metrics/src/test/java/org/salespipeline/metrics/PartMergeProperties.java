package org.salespipeline.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.salespipeline.core.testing.Theories.qt;
import static org.salespipeline.core.testing.Theories.withEdges;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Random;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.salespipeline.core.Money;
import org.salespipeline.core.Pipeline;
import org.salespipeline.core.Stage;

/**
 * Each partial result of the metrics on its own: the deals it is given, split into any number of
 * parts in any places, each part added to its own partial result, then merged one after another
 * (in order, and in reverse order), finish into exactly the figures of one partial result given
 * every deal. The deals are random, drawn from the example's seed as the accumulator hands them to
 * the part (a status, a stage, durations in milliseconds with repeats, amounts in currencies of 0,
 * 2 and 3 decimals, some with more decimals than the currency's minor unit); the edges reach no
 * deal, one deal and one part.
 */
class PartMergeProperties {

  private static final Pipeline PIPELINE = Pipeline.standard();
  private static final List<Stage> OPEN = PIPELINE.openStages();
  private static final int K = OPEN.size();
  private static final int N = K + 2;
  private static final long DAY = 86_400_000L;
  private static final List<Currency> CURRENCIES =
      List.of(Currency.getInstance("USD"), Currency.getInstance("JPY"), Currency.getInstance("BHD"));

  /** One example: the seed of its deals, how many deals, into how many parts they are split. */
  private record Example(long seed, int deals, int parts) {}

  private static Gen<Example> examples() {
    return longs().all().zip(withEdges(integers().between(0, 400), 15, 0, 1, 400),
        withEdges(integers().between(1, 12), 15, 1, 2), Example::new);
  }

  /**
   * Splits the deals into the example's parts at random places, adds each part to a new partial
   * result, merges them (forwards or backwards) and checks the finished figures against one
   * partial result given every deal.
   */
  private static <P, D> void mergedEqualsWhole(Example example, Function<Random, D> deal, Supplier<P> part,
      BiConsumer<P, D> add, BiConsumer<P, P> merge, Function<P, Object> finish) {
    Random random = new Random(example.seed());
    List<D> deals = new ArrayList<>();
    for (int i = 0; i < example.deals(); i++) {
      deals.add(deal.apply(random));
    }
    P whole = part.get();
    deals.forEach(d -> add.accept(whole, d));

    int[] cuts = new int[example.parts() + 1];
    cuts[example.parts()] = deals.size();
    for (int c = 1; c < example.parts(); c++) {
      cuts[c] = random.nextInt(deals.size() + 1);
    }
    Arrays.sort(cuts);
    List<P> parts = new ArrayList<>();
    for (int c = 0; c < example.parts(); c++) {
      P p = part.get();
      deals.subList(cuts[c], cuts[c + 1]).forEach(d -> add.accept(p, d));
      parts.add(p);
    }
    boolean backwards = random.nextBoolean();
    P merged = parts.get(backwards ? parts.size() - 1 : 0);
    for (int i = 1; i < parts.size(); i++) {
      merge.accept(merged, parts.get(backwards ? parts.size() - 1 - i : i));
    }
    assertThat(finish.apply(merged)).as("%s, merged %s", example, backwards ? "backwards" : "forwards")
        .isEqualTo(finish.apply(whole));
  }

  /** A duration in milliseconds: often a whole number of days (so that samples repeat), else any. */
  private static long millis(Random random) {
    return random.nextBoolean() ? random.nextInt(200) * DAY : (long) (random.nextDouble() * 400 * DAY);
  }

  private static Money amount(Random random) {
    Currency currency = CURRENCIES.get(random.nextInt(CURRENCIES.size()));
    int scale = currency.getDefaultFractionDigits() + (random.nextInt(8) == 0 ? 2 : 0);
    return Money.of(BigDecimal.valueOf(random.nextInt(5_000_000), scale), currency);
  }

  // ------------------------------------------------------------------------------------ counts

  private record Counted(boolean open, boolean closedInWindow, boolean won, boolean priced) {}

  @Test
  void dealCounts_mergedParts_equalTheWhole() {
    qt(0x9A27_0001L, 60).forAll(examples()).checkAssert(e -> mergedEqualsWhole(e,
        r -> new Counted(r.nextInt(3) == 0, r.nextInt(4) > 0, r.nextBoolean(), r.nextInt(5) > 0),
        DealCounts::new,
        (p, d) -> {
          if (d.open()) {
            p.addOpen(d.priced());
          } else {
            p.addClosed(d.closedInWindow(), d.won(), d.priced());
          }
        },
        DealCounts::merge,
        p -> List.of(p.deals, p.open, p.won, p.lost, p.unpriced, p.winRate())));
  }

  // ---------------------------------------------------------------------------------- durations

  private record Timed(boolean flag, long millis) {}

  @Test
  void salesCycles_mergedParts_equalTheWhole() {
    qt(0x9A27_0002L, 60).forAll(examples()).checkAssert(e -> mergedEqualsWhole(e,
        r -> new Timed(r.nextBoolean(), millis(r)),
        SalesCycles::new,
        (p, d) -> p.add(d.flag(), d.millis()),
        SalesCycles::merge,
        p -> List.of(p.finishWon(), p.finishLost(), p.won.sum(), p.lost.sum())));
  }

  @Test
  void timeToClose_mergedParts_equalTheWhole() {
    qt(0x9A27_0003L, 60).forAll(examples()).checkAssert(e -> mergedEqualsWhole(e,
        r -> new Timed(r.nextBoolean(), millis(r)),
        TimeToClose::new,
        (p, d) -> {
          if (d.flag()) {
            p.addClosed(d.millis());
          } else {
            p.addOpen(d.millis());
          }
        },
        TimeToClose::merge,
        p -> List.of(p.finish(), p.subjects())));
  }

  private record Stay(boolean completed, int stage, long millis) {}

  @Test
  void stageStays_mergedParts_equalTheWhole() {
    qt(0x9A27_0004L, 60).forAll(examples()).checkAssert(e -> mergedEqualsWhole(e,
        r -> new Stay(r.nextInt(3) > 0, r.nextInt(K), millis(r)),
        () -> new StageStays(K),
        (p, d) -> {
          if (d.completed()) {
            p.addCompleted(d.stage(), d.millis());
          } else {
            p.addCurrent(d.stage(), d.millis());
          }
        },
        StageStays::merge,
        p -> List.of(p.finish(OPEN), p.currentCount())));
  }

  // ------------------------------------------------------------------------------ stage counts

  private record Reached(int outcome, int furthest) {}

  @Test
  void funnel_mergedParts_equalTheWhole() {
    qt(0x9A27_0005L, 60).forAll(examples()).checkAssert(e -> mergedEqualsWhole(e,
        r -> new Reached(r.nextInt(3), r.nextInt(K)),
        () -> new Funnel(K),
        (p, d) -> {
          if (d.outcome() == 0) {
            p.addOpen(d.furthest());
          } else {
            p.addClosed(d.outcome() == 1, d.furthest());
          }
        },
        Funnel::merge,
        p -> List.of(p.finish(OPEN), p.cohort())));
  }

  private record Move(int from, int to) {}

  @Test
  void transitionCounts_mergedParts_equalTheWhole() {
    List<String> stageIds = new ArrayList<>();
    OPEN.forEach(s -> stageIds.add(s.id()));
    stageIds.add(PIPELINE.wonStage().id());
    stageIds.add(PIPELINE.lostStage().id());
    qt(0x9A27_0006L, 60).forAll(examples()).checkAssert(e -> mergedEqualsWhole(e,
        r -> new Move(r.nextInt(N), r.nextInt(N)),
        () -> new TransitionCounts(N),
        (p, d) -> p.add(d.from(), d.to()),
        TransitionCounts::merge,
        p -> p.finish(stageIds)));
  }

  // ------------------------------------------------------------------------------------- money

  /** kind: 0 won, 1 lost, 2 open at its stage's probability, 3 open at its own, 4 open in the forecast too. */
  private record Priced(int kind, Money amount, int stage, BigDecimal probability) {}

  @Test
  void moneyTotals_mergedParts_equalTheWhole() {
    BigDecimal[] stageProbability = new BigDecimal[K];
    for (int s = 0; s < K; s++) {
      stageProbability[s] = BigDecimal.valueOf(OPEN.get(s).probability());
    }
    DealCounts counts = new DealCounts();
    counts.addClosed(true, true, true);
    counts.addClosed(true, false, true);
    SalesCycles cycles = new SalesCycles();
    cycles.add(true, 30 * DAY);
    qt(0x9A27_0007L, 60).forAll(examples()).checkAssert(e -> mergedEqualsWhole(e,
        r -> new Priced(r.nextInt(5), amount(r), r.nextInt(K), BigDecimal.valueOf(r.nextInt(101), 2)),
        () -> new MoneyTotals(stageProbability),
        (p, d) -> {
          switch (d.kind()) {
            case 0, 1 -> p.addClosed(d.amount(), d.kind() == 0);
            case 2 -> p.addOpen(d.amount(), d.stage(), null);
            case 3 -> p.addOpen(d.amount(), d.stage(), d.probability());
            default -> {
              p.addOpen(d.amount(), d.stage(), d.probability());
              p.addForecast(d.amount(), d.probability());
            }
          }
        },
        MoneyTotals::merge,
        p -> {
          List<Object> figures = new ArrayList<>();
          figures.add(p.finish(counts, cycles));
          for (Currency currency : CURRENCIES) {
            figures.add(p.coverage(Money.of(BigDecimal.valueOf(1_000_000), currency), true));
          }
          figures.add(List.of(p.closedCounts()[0], p.closedCounts()[1]));
          return figures;
        }));
  }

  private record Expected(int id, boolean priced, Money amount, double probability) {}

  @Test
  void forecastDeals_mergedParts_equalTheWhole() {
    MetricsQuery query = MetricsQuery.asOf(Instant.parse("2025-06-30T00:00:00Z"))
        .withForecast(LocalDate.of(2025, 7, 1), LocalDate.of(2025, 10, 1))
        .withSimulation(11, 50);
    qt(0x9A27_0008L, 40).forAll(examples()).checkAssert(e -> {
      int[] next = {0};
      mergedEqualsWhole(e,
          r -> new Expected(next[0]++, r.nextInt(6) > 0, amount(r), r.nextInt(101) / 100.0),
          ForecastDeals::new,
          (p, d) -> {
            if (d.priced()) {
              p.add(String.format("D%05d", d.id()), d.amount(), d.probability());
            } else {
              p.addUnpriced();
            }
          },
          ForecastDeals::merge,
          p -> p.finish(query));
    });
  }
}
