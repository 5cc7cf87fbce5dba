package org.salespipeline.metrics;

import io.vavr.control.Option;
import java.util.ArrayList;
import java.util.List;
import org.salespipeline.core.Money;

/**
 * A partial result of {@link Accumulator}: the open deals expected to close in the forecast
 * period (how many, how many without an amount, and each priced one with its probability),
 * finished into the seeded Monte Carlo {@link Forecast}.
 *
 * <p>Mutable and not thread-safe; merging pools the deals, and the simulation orders them by id,
 * so any split gives the same forecast.
 */
final class ForecastDeals {

  long deals;
  long unpriced;
  final List<ForecastEntry> entries = new ArrayList<>();

  /** An open deal expected to close in the forecast period, with its amount and probability. */
  record ForecastEntry(String dealId, Money amount, double probability) {}

  void addUnpriced() {
    deals++;
    unpriced++;
  }

  void add(String dealId, Money amount, double probability) {
    deals++;
    entries.add(new ForecastEntry(dealId, amount, probability));
  }

  void merge(ForecastDeals other) {
    deals += other.deals;
    unpriced += other.unpriced;
    entries.addAll(other.entries);
  }

  Option<Forecast> finish(MetricsQuery query) {
    return query.forecastPeriod().map(period -> Simulation.forecast(period, deals, unpriced, entries, query.seed(),
        query.trials()));
  }

  /** The counts, written among the other counts (where the wire form has always had them). */
  void writeCountsTo(PartialResultFormat.Out out) {
    out.unsigned(deals);
    out.unsigned(unpriced);
  }

  void readCountsFrom(PartialResultFormat.In in) {
    deals = in.count("the number of deals in the forecast");
    unpriced = in.count("the number of unpriced deals in the forecast");
  }

  void writeEntriesTo(PartialResultFormat.Out out) {
    out.unsigned(entries.size());
    for (ForecastEntry entry : entries) {
      out.string(entry.dealId());
      out.money(entry.amount());
      out.raw64(Double.doubleToLongBits(entry.probability()));
    }
  }

  void readEntriesFrom(PartialResultFormat.In in) {
    int count = in.items("the number of forecast deals");
    for (int i = 0; i < count; i++) {
      String dealId = in.string("a forecast deal's id");
      Money amount = in.money("a forecast deal's amount");
      double p = Double.longBitsToDouble(in.raw64());
      in.check(p >= 0 && p <= 1, "a forecast deal's probability is " + p + ", not within [0, 1]");
      entries.add(new ForecastEntry(dealId, amount, p));
    }
  }
}
