package org.salespipeline.metrics;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The forecast's Monte Carlo simulation: in each trial every deal is won independently with its
 * probability, and the trial's revenue per currency is the exact sum of the won amounts.
 *
 * <p>Deals are visited in deal-id order with one {@link SplittableRandom} seeded by the query, so
 * the same deals and seed give the same numbers however the input was split. Amounts are added as
 * unscaled {@code long}s at the currency's largest scale when their total fits (exact and fast),
 * as {@link BigDecimal}s otherwise. Percentiles are type 7, computed exactly (the interpolation
 * between two trials can fall between two minor units); every figure is then rounded once to the
 * currency's minor unit.
 */
final class Simulation {

  private static final BigDecimal[] LEVELS = {new BigDecimal("0.1"), new BigDecimal("0.5"), new BigDecimal("0.9")};

  private Simulation() {}

  static Forecast forecast(DateRange period, long deals, long unpriced, List<ForecastDeals.ForecastEntry> entries,
      long seed, int trials) {
    List<ForecastDeals.ForecastEntry> sorted = new ArrayList<>(entries);
    sorted.sort(Comparator.comparing(ForecastDeals.ForecastEntry::dealId));
    Map<Currency, Integer> currencyIndex = new TreeMap<>(Comparator.comparing(Currency::getCurrencyCode));
    for (ForecastDeals.ForecastEntry e : sorted) {
      currencyIndex.putIfAbsent(e.amount().currency(), 0);
    }
    Currency[] currencies = currencyIndex.keySet().toArray(new Currency[0]);
    for (int c = 0; c < currencies.length; c++) {
      currencyIndex.put(currencies[c], c);
    }
    int[] scale = new int[currencies.length];
    BigDecimal[] pipeline = new BigDecimal[currencies.length];
    BigDecimal[] expected = new BigDecimal[currencies.length];
    long[] count = new long[currencies.length];
    Arrays.fill(pipeline, BigDecimal.ZERO);
    Arrays.fill(expected, BigDecimal.ZERO);
    int[] currencyOf = new int[sorted.size()];
    double[] probability = new double[sorted.size()];
    for (int i = 0; i < sorted.size(); i++) {
      ForecastDeals.ForecastEntry e = sorted.get(i);
      int c = currencyIndex.get(e.amount().currency());
      currencyOf[i] = c;
      probability[i] = e.probability();
      scale[c] = Math.max(scale[c], e.amount().amount().scale());
      pipeline[c] = pipeline[c].add(e.amount().amount());
      expected[c] = expected[c].add(e.amount().amount().multiply(BigDecimal.valueOf(e.probability())));
      count[c]++;
    }
    boolean fitsLong = true;
    for (int c = 0; c < currencies.length; c++) {
      fitsLong &= pipeline[c].setScale(scale[c]).unscaledValue().bitLength() < 63;
    }
    BigDecimal[][] levels = fitsLong
        ? simulateLong(sorted, currencyOf, probability, scale, currencies.length, seed, trials)
        : simulateDecimal(sorted, currencyOf, probability, currencies.length, seed, trials);
    Map<Currency, CurrencyForecast> byCurrency = new HashMap<>();
    for (int c = 0; c < currencies.length; c++) {
      Currency currency = currencies[c];
      byCurrency.put(currency, new CurrencyForecast(count[c], MoneyRounding.total(pipeline[c], currency),
          MoneyRounding.total(expected[c], currency), MoneyRounding.total(levels[c][0], currency),
          MoneyRounding.total(levels[c][1], currency), MoneyRounding.total(levels[c][2], currency)));
    }
    return new Forecast(period, deals, unpriced, trials, seed, byCurrency);
  }

  private static BigDecimal[][] simulateLong(List<ForecastDeals.ForecastEntry> entries, int[] currencyOf,
      double[] probability, int[] scale, int currencies, long seed, int trials) {
    long[] unscaled = new long[entries.size()];
    for (int i = 0; i < unscaled.length; i++) {
      unscaled[i] = entries.get(i).amount().amount().setScale(scale[currencyOf[i]]).unscaledValue().longValueExact();
    }
    long[][] sums = new long[currencies][trials];
    SplittableRandom random = new SplittableRandom(seed);
    for (int t = 0; t < trials; t++) {
      for (int i = 0; i < unscaled.length; i++) {
        if (random.nextDouble() < probability[i]) {
          sums[currencyOf[i]][t] += unscaled[i];
        }
      }
    }
    BigDecimal[][] levels = new BigDecimal[currencies][];
    for (int c = 0; c < currencies; c++) {
      Arrays.sort(sums[c]);
      BigDecimal[] values = new BigDecimal[trials];
      for (int t = 0; t < trials; t++) {
        values[t] = new BigDecimal(BigInteger.valueOf(sums[c][t]), scale[c]);
      }
      levels[c] = levels(values);
    }
    return levels;
  }

  private static BigDecimal[][] simulateDecimal(List<ForecastDeals.ForecastEntry> entries, int[] currencyOf,
      double[] probability, int currencies, long seed, int trials) {
    BigDecimal[][] sums = new BigDecimal[currencies][trials];
    for (BigDecimal[] row : sums) {
      Arrays.fill(row, BigDecimal.ZERO);
    }
    SplittableRandom random = new SplittableRandom(seed);
    for (int t = 0; t < trials; t++) {
      for (int i = 0; i < entries.size(); i++) {
        if (random.nextDouble() < probability[i]) {
          sums[currencyOf[i]][t] = sums[currencyOf[i]][t].add(entries.get(i).amount().amount());
        }
      }
    }
    BigDecimal[][] levels = new BigDecimal[currencies][];
    for (int c = 0; c < currencies; c++) {
      Arrays.sort(sums[c]);
      levels[c] = levels(sums[c]);
    }
    return levels;
  }

  /** P10, P50, P90 of sorted values, type 7, exact: x[lo] + (h - lo)(x[lo + 1] - x[lo]). */
  private static BigDecimal[] levels(BigDecimal[] sorted) {
    BigDecimal[] result = new BigDecimal[LEVELS.length];
    for (int l = 0; l < LEVELS.length; l++) {
      BigDecimal h = BigDecimal.valueOf(sorted.length - 1L).multiply(LEVELS[l]);
      int lo = h.intValue();
      BigDecimal fraction = h.subtract(BigDecimal.valueOf(lo));
      result[l] = lo + 1 >= sorted.length ? sorted[lo]
          : sorted[lo].add(fraction.multiply(sorted[lo + 1].subtract(sorted[lo])));
    }
    return result;
  }
}
