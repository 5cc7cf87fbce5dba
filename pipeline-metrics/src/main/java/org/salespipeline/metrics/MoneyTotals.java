package org.salespipeline.metrics;

import io.vavr.control.Option;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.salespipeline.core.Money;

/**
 * A partial result of {@link Accumulator}: the money figures, exact per currency (won, lost and open
 * sums, won amounts for the median deal size, weighted and forecast sums), finished into the value
 * win rate, deal sizes, pipeline, velocity and coverage.
 *
 * <p>Mutable and not thread-safe; merging adds exact sums and pools the won amounts, so any split
 * gives the same figures.
 */
final class MoneyTotals {

  private static final long MILLIS_PER_DAY = 86_400_000L;

  private final BigDecimal[] stageProbability;
  private final Map<Currency, CurrencyTotals> totals = new HashMap<>();

  /** @param stageProbability the open stages' default probabilities as exact decimals */
  MoneyTotals(BigDecimal[] stageProbability) {
    this.stageProbability = stageProbability;
  }

  /** The money figures of a report; every map by currency. */
  record Figures(Map<Currency, Rate> valueWinRate, Map<Currency, Money> wonValue, Map<Currency, Money> lostValue,
      Map<Currency, DealSize> dealSize, Map<Currency, Money> openPipeline, Map<Currency, Money> weightedPipeline,
      Map<Currency, Money> velocityPerDay) {}

  void addClosed(Money amount, boolean isWon) {
    totals(amount.currency()).addClosed(amount.amount(), isWon);
  }

  /**
   * Adds an open deal's amount: weighted by its stage's probability where {@code probability} is
   * null, else by that probability.
   */
  void addOpen(Money amount, int stage, @Nullable BigDecimal probability) {
    CurrencyTotals t = totals(amount.currency());
    if (probability == null) {
      t.addOpen(amount.amount(), stage);
    } else {
      t.addOpen(amount.amount(), amount.amount().multiply(probability));
    }
  }

  /** Adds an open deal expected to close in the forecast period, weighted by its probability. */
  void addForecast(Money amount, BigDecimal weight) {
    totals(amount.currency()).addForecast(amount.amount(), amount.amount().multiply(weight));
  }

  private CurrencyTotals totals(Currency currency) {
    CurrencyTotals t = totals.get(currency);
    if (t == null) {
      t = new CurrencyTotals(currency, stageProbability);
      totals.put(currency, t);
    }
    return t;
  }

  void merge(MoneyTotals other) {
    other.totals.forEach((currency, t) -> totals(currency).merge(t));
  }

  /**
   * The money figures.
   *
   * @param counts the deal counts (for velocity's win rate)
   * @param wonCycles the sales cycles of the won deals (for velocity's mean cycle)
   */
  Figures finish(DealCounts counts, SalesCycles cycles) {
    Map<Currency, Rate> valueWinRate = new HashMap<>();
    Map<Currency, Money> wonValue = new HashMap<>();
    Map<Currency, Money> lostValue = new HashMap<>();
    Map<Currency, DealSize> dealSize = new HashMap<>();
    Map<Currency, Money> openPipeline = new HashMap<>();
    Map<Currency, Money> weightedPipeline = new HashMap<>();
    Map<Currency, Money> velocity = new HashMap<>();
    totals.forEach((currency, t) -> {
      long closed = t.wonCount + t.lostCount;
      BigDecimal wonSum = t.won.value();
      if (closed > 0) {
        BigDecimal lostSum = t.lost.value();
        wonValue.put(currency, MoneyRounding.total(wonSum, currency));
        lostValue.put(currency, MoneyRounding.total(lostSum, currency));
        BigDecimal all = wonSum.add(lostSum);
        if (all.signum() > 0) {
          valueWinRate.put(currency, Rate.ofProportion(wonSum.divide(all, Accumulator.DIVISION).doubleValue(), closed));
        }
      }
      if (t.wonCount > 0) {
        dealSize.put(currency, dealSize(currency, t, wonSum));
      }
      if (t.openCount > 0) {
        openPipeline.put(currency, MoneyRounding.total(t.open.value(), currency));
        weightedPipeline.put(currency, MoneyRounding.total(t.weighted(), currency));
      }
      velocity(t, wonSum, counts, cycles).forEach(v -> velocity.put(currency, v));
    });
    return new Figures(Maps.byCurrency(valueWinRate), Maps.byCurrency(wonValue), Maps.byCurrency(lostValue),
        Maps.byCurrency(dealSize), Maps.byCurrency(openPipeline), Maps.byCurrency(weightedPipeline),
        Maps.byCurrency(velocity));
  }

  private static DealSize dealSize(Currency currency, CurrencyTotals t, BigDecimal wonSum) {
    BigDecimal[] middle = t.middleWonAmounts();
    BigDecimal median = middle.length == 1 ? middle[0] : middle[0].add(middle[1]).divide(BigDecimal.valueOf(2));
    return new DealSize(t.wonCount, MoneyRounding.total(wonSum, currency),
        MoneyRounding.quotient(wonSum, BigDecimal.valueOf(t.wonCount), currency),
        MoneyRounding.quotient(median, BigDecimal.ONE, currency));
  }

  /**
   * Open deals × average deal size × win rate / mean sales cycle in days, as one exact fraction
   * divided once: (open_c × wonSum_c × won × cycles × msPerDay) / (wonCount_c × (won + lost) ×
   * cycleSum), rounded once (a rate per day: two digits beyond the minor unit).
   */
  private static Option<Money> velocity(CurrencyTotals t, BigDecimal wonSum, DealCounts counts, SalesCycles cycles) {
    long cycleCount = cycles.won.size();
    long cycleSum = cycles.won.sum();
    long won = counts.won;
    long lost = counts.lost;
    if (t.wonCount == 0 || won + lost == 0 || cycleCount == 0 || cycleSum <= 0) {
      return Option.none();
    }
    BigDecimal numerator = wonSum.multiply(BigDecimal.valueOf(t.openCount)).multiply(BigDecimal.valueOf(won))
        .multiply(BigDecimal.valueOf(cycleCount)).multiply(BigDecimal.valueOf(MILLIS_PER_DAY));
    BigDecimal denominator = BigDecimal.valueOf(t.wonCount).multiply(BigDecimal.valueOf(won + lost))
        .multiply(BigDecimal.valueOf(cycleSum));
    return Option.some(MoneyRounding.quotient(numerator, denominator, t.currency));
  }

  /**
   * The coverage of a quota by the forecast.
   *
   * @param forecast whether the query has a forecast period (without one the ratios are undefined)
   */
  Coverage coverage(Money quota, boolean forecast) {
    CurrencyTotals t = totals.get(quota.currency());
    BigDecimal pipelineSum = t == null ? BigDecimal.ZERO : t.forecast.value();
    BigDecimal weighted = t == null ? BigDecimal.ZERO : t.forecastWeighted;
    boolean defined = forecast && !quota.isZero();
    return new Coverage(quota, MoneyRounding.total(pipelineSum, quota.currency()),
        MoneyRounding.total(weighted, quota.currency()),
        defined ? Option.some(pipelineSum.divide(quota.amount(), Accumulator.DIVISION).doubleValue()) : Option.none(),
        defined ? Option.some(weighted.divide(quota.amount(), Accumulator.DIVISION).doubleValue()) : Option.none());
  }

  /** The won and lost deals with an amount, for the partial result's consistency checks. */
  long[] closedCounts() {
    long won = 0;
    long lost = 0;
    for (CurrencyTotals t : totals.values()) {
      won = atMostMax(won, t.wonCount);
      lost = atMostMax(lost, t.lostCount);
    }
    return new long[] {won, lost};
  }

  private static long atMostMax(long a, long b) {
    long sum = a + b;
    return sum < 0 ? Long.MAX_VALUE : sum;
  }

  /** Every currency's totals, in currency-code order, so that equal states give equal bytes. */
  void writeTo(PartialResultFormat.Out out) {
    List<Currency> currencies = new ArrayList<>(totals.keySet());
    currencies.sort(Comparator.comparing(Currency::getCurrencyCode));
    out.unsigned(currencies.size());
    for (Currency currency : currencies) {
      out.currency(currency);
      totals.get(currency).writeTo(out);
    }
  }

  void readFrom(PartialResultFormat.In in) {
    int currencies = in.items("the number of currencies");
    String previous = "";
    for (int c = 0; c < currencies; c++) {
      Currency currency = in.currency("a currency");
      in.check(currency.getCurrencyCode().compareTo(previous) > 0, "currencies are not in ascending order");
      previous = currency.getCurrencyCode();
      totals(currency).readFrom(in);
    }
  }
}
