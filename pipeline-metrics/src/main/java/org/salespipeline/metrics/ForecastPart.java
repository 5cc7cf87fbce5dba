package org.salespipeline.metrics;

import io.vavr.control.Option;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.salespipeline.core.Deal;
import org.salespipeline.core.DealStatus;
import org.salespipeline.core.ForecastCategory;
import org.salespipeline.core.Money;
import org.salespipeline.core.Pipeline;

/**
 * The partial result of a forecast roll-up: each deal as of T in one bucket of one (period, owner)
 * cell, by its own category (not cumulative); the cumulative figures are sums of buckets, made at
 * the end.
 */
final class ForecastPart extends DealPart<ForecastReport> {

  /** The precision of ratios (attainment, coverage): 16 significant digits, as the other metrics. */
  private static final MathContext RATIO = MathContext.DECIMAL64;
  private static final int WON = 0;
  private static final int COMMIT = 1;
  private static final int BEST_CASE = 2;
  private static final int PIPELINE = 3;
  private static final int OMITTED = 4;

  private final ForecastQuery forecastQuery;
  private final Map<TrendPeriod, Map<String, FigureSum[]>> cells = new HashMap<>();
  private final Map<String, FigureSum> noCloseDate = new HashMap<>();
  private final Set<String> owners = new HashSet<>();
  private long deals;

  ForecastPart(Pipeline pipeline, ForecastQuery query) {
    super(pipeline, query);
    this.forecastQuery = query;
  }

  @Override
  void accept(Deal deal) {
    Option<Deal> asOf = deal.asOf(forecastQuery.asOf());
    if (asOf.isEmpty()) {
      return; // opened after T
    }
    Deal d = asOf.get();
    deals++;
    String owner = Grouping.label(d.owner());
    owners.add(owner);
    Money amount = d.amount().getOrNull();
    LocalDate date;
    int bucket;
    if (d.status() == DealStatus.OPEN) {
      if (d.expectedClose().isEmpty()) {
        noCloseDate.computeIfAbsent(owner, o -> new FigureSum()).add(amount);
        return;
      }
      date = d.expectedClose().get();
      bucket = bucket(d);
    } else {
      date = LocalDate.ofInstant(d.closedAt().get(), forecastQuery.zone());
      bucket = d.status() == DealStatus.WON ? WON : OMITTED;
    }
    TrendPeriod period = TrendPeriod.containing(forecastQuery.unit(), date);
    cells.computeIfAbsent(period, p -> new HashMap<>()).computeIfAbsent(owner, o -> buckets())[bucket].add(amount);
  }

  private int bucket(Deal d) {
    ForecastCategory category = forecastQuery.categoryRule().categoryOf(d, pipeline);
    if (category == null) {
      throw new IllegalArgumentException("the forecast category rule returned null for deal " + d.id());
    }
    return switch (category) {
      case COMMIT -> COMMIT;
      case BEST_CASE -> BEST_CASE;
      case PIPELINE -> PIPELINE;
      case OMITTED -> OMITTED;
      case CLOSED -> throw new IllegalArgumentException("deal " + d.id() + " is open in stage '" + d.stageId()
          + "' but the forecast category rule says CLOSED; only won deals are closed: map the stage to COMMIT,"
          + " BEST_CASE, PIPELINE or OMITTED");
    };
  }

  private static FigureSum[] buckets() {
    return new FigureSum[] {new FigureSum(), new FigureSum(), new FigureSum(), new FigureSum(), new FigureSum()};
  }

  @Override
  void mergeFrom(DealPart<ForecastReport> other) {
    ForecastPart that = (ForecastPart) other;
    that.cells.forEach((period, byOwner) -> {
      Map<String, FigureSum[]> mine = cells.computeIfAbsent(period, p -> new HashMap<>());
      byOwner.forEach((owner, sums) -> {
        FigureSum[] into = mine.computeIfAbsent(owner, o -> buckets());
        for (int i = 0; i < into.length; i++) {
          into[i].add(sums[i]);
        }
      });
    });
    that.noCloseDate.forEach((owner, sum) -> noCloseDate.computeIfAbsent(owner, o -> new FigureSum()).add(sum));
    owners.addAll(that.owners);
    deals += that.deals;
  }

  @Override
  ForecastReport result() {
    for (Quota quota : forecastQuery.quotas()) {
      if (!owners.contains(quota.owner())) {
        throw new IllegalArgumentException("quotas has a quota for owner '" + quota.owner() + "' in " + quota.period()
            + ", who owns none of the deals as of " + forecastQuery.asOf() + "; the owners are " + new TreeSet<>(owners));
      }
    }
    Set<TrendPeriod> periods = new TreeSet<>(cells.keySet());
    forecastQuery.quotas().forEach(q -> periods.add(q.period()));
    List<PeriodForecast> rollup = new ArrayList<>();
    for (TrendPeriod period : periods) {
      Map<String, FigureSum[]> byOwner = new TreeMap<>(cells.getOrDefault(period, Map.of()));
      Map<String, Map<Currency, Money>> quotas = new HashMap<>();
      Map<Currency, Money> teamQuota = new HashMap<>();
      for (Quota q : forecastQuery.quotas()) {
        if (q.period().equals(period)) {
          byOwner.computeIfAbsent(q.owner(), o -> buckets());
          quotas.computeIfAbsent(q.owner(), o -> new HashMap<>()).put(q.amount().currency(), q.amount());
          teamQuota.merge(q.amount().currency(), q.amount(), Money::plus);
        }
      }
      FigureSum[] team = buckets();
      Map<String, ForecastFigures> owned = new TreeMap<>();
      byOwner.forEach((owner, sums) -> {
        for (int i = 0; i < team.length; i++) {
          team[i].add(sums[i]);
        }
        owned.put(owner, figures(sums, quotas.getOrDefault(owner, Map.of()), Set.of()));
      });
      // a currency in which an owner without a quota won or has pipeline: no team ratio in it
      Set<Currency> partial = PeriodForecast.ownersWithoutQuota(teamQuota.keySet(), owned).keySet();
      rollup.add(new PeriodForecast(period, figures(team, teamQuota, partial), owned));
    }
    Map<String, Figure> noDate = new TreeMap<>();
    FigureSum allNoDate = new FigureSum();
    noCloseDate.forEach((owner, sum) -> {
      noDate.put(owner, sum.figure());
      allNoDate.add(sum);
    });
    return ForecastReport.of(pipeline.name(), forecastQuery, deals, rollup, allNoDate.figure(), noDate);
  }

  /** The figures of buckets against a quota; no ratio in the currencies of {@code partial}. */
  private static ForecastFigures figures(FigureSum[] b, Map<Currency, Money> quota, Set<Currency> partial) {
    Figure closedWon = b[WON].figure();
    Figure pipeline = FigureSum.total(b[COMMIT], b[BEST_CASE], b[PIPELINE]);
    Map<Currency, Double> attainment = new HashMap<>();
    Map<Currency, Double> coverage = new HashMap<>();
    quota.forEach((currency, q) -> {
      if (partial.contains(currency)) {
        return;
      }
      BigDecimal won = closedWon.amount(currency).amount();
      if (q.amount().signum() > 0) {
        attainment.put(currency, won.divide(q.amount(), RATIO).doubleValue());
      }
      BigDecimal remaining = q.amount().subtract(won);
      if (remaining.signum() > 0) {
        coverage.put(currency, pipeline.amount(currency).amount().divide(remaining, RATIO).doubleValue());
      }
    });
    return new ForecastFigures(closedWon, FigureSum.total(b[WON], b[COMMIT]),
        FigureSum.total(b[WON], b[COMMIT], b[BEST_CASE]), pipeline, b[OMITTED].figure(), quota, attainment, coverage);
  }
}
