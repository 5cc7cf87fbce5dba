package org.salespipeline.metrics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.salespipeline.metrics.internal.LongSamples;

/**
 * Exact money sums of one currency, and the won amounts for the median.
 *
 * <p>Sums are {@link ExactSum}s. The weighted pipeline of deals weighted by their stage's default
 * probability is kept as the sum of their amounts per stage, multiplied by the probability once at
 * the end: Σ amount × p<sub>stage</sub> = Σ<sub>stage</sub> p<sub>stage</sub> × Σ amount, exactly,
 * in decimal arithmetic. Won amounts are kept as unscaled {@code long}s at the currency's scale
 * (sorted like any other sample), or as {@link BigDecimal}s once an amount has more decimals or
 * too many digits.
 */
final class CurrencyTotals {

  final Currency currency;
  private final int scale;
  private final BigDecimal[] stageProbability;
  long wonCount;
  final ExactSum won;
  private final LongSamples wonUnscaled = new LongSamples(false);
  private @Nullable List<BigDecimal> wonDecimals;
  long lostCount;
  final ExactSum lost;
  long openCount;
  final ExactSum open;
  /** Amounts of open deals weighted by their stage's default probability, per stage. */
  private final ExactSum[] openByStage;
  /** Σ amount × probability of open deals with an override or weighted by the caller's function. */
  private BigDecimal weightedOther = BigDecimal.ZERO;
  final ExactSum forecast;
  BigDecimal forecastWeighted = BigDecimal.ZERO;

  /** @param stageProbability the default probability of each open stage, by stage index */
  CurrencyTotals(Currency currency, BigDecimal[] stageProbability) {
    this.currency = currency;
    this.scale = Math.max(0, currency.getDefaultFractionDigits());
    this.stageProbability = stageProbability;
    this.won = new ExactSum(scale);
    this.lost = new ExactSum(scale);
    this.open = new ExactSum(scale);
    this.forecast = new ExactSum(scale);
    this.openByStage = new ExactSum[stageProbability.length];
  }

  void addClosed(BigDecimal amount, boolean isWon) {
    if (isWon) {
      wonCount++;
      won.add(amount);
      addWonAmount(amount);
    } else {
      lostCount++;
      lost.add(amount);
    }
  }

  /** An open deal weighted by its stage's default probability. */
  void addOpen(BigDecimal amount, int stage) {
    openCount++;
    open.add(amount);
    ExactSum atStage = openByStage[stage];
    if (atStage == null) {
      atStage = new ExactSum(scale);
      openByStage[stage] = atStage;
    }
    atStage.add(amount);
  }

  /** An open deal weighted by another probability: its override or the caller's function. */
  void addOpen(BigDecimal amount, BigDecimal weighted) {
    openCount++;
    open.add(amount);
    weightedOther = weightedOther.add(weighted);
  }

  void addForecast(BigDecimal amount, BigDecimal weighted) {
    forecast.add(amount);
    forecastWeighted = forecastWeighted.add(weighted);
  }

  BigDecimal weighted() {
    BigDecimal weighted = weightedOther;
    for (int s = 0; s < openByStage.length; s++) {
      if (openByStage[s] != null) {
        weighted = weighted.add(openByStage[s].value().multiply(stageProbability[s]));
      }
    }
    return weighted;
  }

  private void addWonAmount(BigDecimal amount) {
    long units = wonDecimals == null ? ExactSum.unitsOf(amount, scale) : ExactSum.NO_UNITS;
    if (units == ExactSum.NO_UNITS) {
      decimals().add(amount);
    } else {
      wonUnscaled.add(units);
    }
  }

  private List<BigDecimal> decimals() {
    List<BigDecimal> decimals = wonDecimals;
    if (decimals == null) {
      decimals = new ArrayList<>(wonUnscaled.size() + 1);
      for (long u : wonUnscaled.sorted()) {
        decimals.add(BigDecimal.valueOf(u, scale));
      }
      wonDecimals = decimals;
    }
    return decimals;
  }

  /** The middle won amount, or the two middle ones of an even count. */
  BigDecimal[] middleWonAmounts() {
    int m = (int) (wonCount / 2);
    boolean odd = wonCount % 2 == 1;
    if (wonDecimals == null) {
      long[] sorted = wonUnscaled.sorted();
      return odd ? new BigDecimal[] {BigDecimal.valueOf(sorted[m], scale)}
          : new BigDecimal[] {BigDecimal.valueOf(sorted[m - 1], scale), BigDecimal.valueOf(sorted[m], scale)};
    }
    BigDecimal[] sorted = wonDecimals.toArray(new BigDecimal[0]);
    Arrays.sort(sorted);
    return odd ? new BigDecimal[] {sorted[m]} : new BigDecimal[] {sorted[m - 1], sorted[m]};
  }

  void merge(CurrencyTotals o) {
    wonCount += o.wonCount;
    won.add(o.won);
    if (wonDecimals == null && o.wonDecimals == null) {
      wonUnscaled.mergeSorted(o.wonUnscaled);
    } else {
      decimals().addAll(o.decimals());
    }
    lostCount += o.lostCount;
    lost.add(o.lost);
    openCount += o.openCount;
    open.add(o.open);
    for (int s = 0; s < openByStage.length; s++) {
      if (o.openByStage[s] != null) {
        if (openByStage[s] == null) {
          openByStage[s] = new ExactSum(scale);
        }
        openByStage[s].add(o.openByStage[s]);
      }
    }
    weightedOther = weightedOther.add(o.weightedOther);
    forecast.add(o.forecast);
    forecastWeighted = forecastWeighted.add(o.forecastWeighted);
  }

  // ------------------------------------------------------------------------------ wire form

  void writeTo(PartialResultFormat.Out out) {
    out.unsigned(wonCount);
    won.writeTo(out);
    out.flag(wonDecimals != null);
    if (wonDecimals == null) {
      out.samples(wonUnscaled);
    } else {
      out.unsigned(wonDecimals.size());
      for (BigDecimal amount : wonDecimals) {
        out.decimal(amount);
      }
    }
    out.unsigned(lostCount);
    lost.writeTo(out);
    out.unsigned(openCount);
    open.writeTo(out);
    for (ExactSum atStage : openByStage) {
      out.flag(atStage != null);
      if (atStage != null) {
        atStage.writeTo(out);
      }
    }
    out.decimal(weightedOther);
    forecast.writeTo(out);
    out.decimal(forecastWeighted);
  }

  void readFrom(PartialResultFormat.In in) {
    wonCount = in.count("a won count");
    won.readFrom(in, "a won sum");
    if (in.flag()) {
      int count = in.items("the number of won amounts");
      List<BigDecimal> decimals = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        BigDecimal amount = in.decimal("a won amount");
        in.check(amount.signum() >= 0, "a won amount is negative");
        decimals.add(amount);
      }
      wonDecimals = decimals;
      in.check(count == wonCount, "a currency has " + wonCount + " won deals but " + count + " won amounts");
    } else {
      in.samples(wonUnscaled, "the won amounts");
      in.check(wonUnscaled.size() == wonCount,
          "a currency has " + wonCount + " won deals but " + wonUnscaled.size() + " won amounts");
    }
    lostCount = in.count("a lost count");
    lost.readFrom(in, "a lost sum");
    openCount = in.count("an open count");
    open.readFrom(in, "an open sum");
    for (int s = 0; s < openByStage.length; s++) {
      if (in.flag()) {
        openByStage[s] = new ExactSum(scale);
        openByStage[s].readFrom(in, "an open sum of a stage");
      }
    }
    weightedOther = in.decimal("a weighted sum");
    forecast.readFrom(in, "a forecast sum");
    forecastWeighted = in.decimal("a weighted forecast sum");
    in.check(weightedOther.signum() >= 0 && forecastWeighted.signum() >= 0, "a weighted sum is negative");
    in.check(wonAmounts().compareTo(won.value()) == 0, "a currency's won sum is not the sum of its won amounts");
    in.check(lostCount > 0 || lost.value().signum() == 0, "a currency has a lost sum but no lost deal");
    in.check(openCount > 0 || open.value().signum() == 0 && weighted().signum() == 0,
        "a currency has an open sum but no open deal");
  }

  private BigDecimal wonAmounts() {
    ExactSum sum = new ExactSum(scale);
    if (wonDecimals == null) {
      for (long units : wonUnscaled.sorted()) {
        sum.add(BigDecimal.valueOf(units, scale));
      }
    } else {
      wonDecimals.forEach(sum::add);
    }
    return sum.value();
  }
}
