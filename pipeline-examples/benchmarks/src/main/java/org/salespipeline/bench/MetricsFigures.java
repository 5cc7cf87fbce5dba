package org.salespipeline.bench;

import io.vavr.control.Option;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.salespipeline.core.Stage;
import org.salespipeline.metrics.DealSize;
import org.salespipeline.metrics.DurationSummary;
import org.salespipeline.metrics.FunnelStage;
import org.salespipeline.metrics.MetricsReport;
import org.salespipeline.metrics.StageTime;

/**
 * The core figures of the metrics comparison (SPEC §4, as of one instant, no window), in a form
 * each approach fills in its own way so that they can be compared figure by figure: counts and
 * money exactly, floating-point figures (days, rates) to a relative {@value #TOLERANCE}, the mean of
 * amounts and the velocity (which the report rounds to two decimals beyond the minor unit) to half
 * of that last unit more.
 *
 * <p>An undefined figure is an empty {@link Option} (or an absent map entry); two approaches agree
 * on it only if both leave it undefined.
 *
 * @param deals deals that exist at the as-of instant
 * @param open open deals
 * @param won won deals
 * @param lost lost deals
 * @param winRate won / (won + lost)
 * @param wonCycleDays sales cycle of won deals, close − created, in days
 * @param dealSize per currency code, the won priced deals' size
 * @param funnel per open stage, in stage order
 * @param timeInStage per open stage id, the completed stays in days
 * @param velocityPerDay per currency code, open × average deal size × win rate / mean cycle days
 */
record MetricsFigures(
    long deals,
    long open,
    long won,
    long lost,
    Option<Double> winRate,
    Summary wonCycleDays,
    SortedMap<String, Size> dealSize,
    List<FunnelRow> funnel,
    SortedMap<String, Summary> timeInStage,
    SortedMap<String, Double> velocityPerDay) {

  /** Relative tolerance of floating-point figures. */
  static final double TOLERANCE = 1e-9;

  MetricsFigures {
    Objects.requireNonNull(winRate, "winRate");
    Objects.requireNonNull(wonCycleDays, "wonCycleDays");
    dealSize = new TreeMap<>(dealSize);
    funnel = List.copyOf(funnel);
    timeInStage = new TreeMap<>(timeInStage);
    velocityPerDay = new TreeMap<>(velocityPerDay);
  }

  /**
   * Count, mean, median and 90th percentile (type 7) of durations in days; all but the count empty
   * when there are none.
   */
  record Summary(long count, Option<Double> mean, Option<Double> median, Option<Double> p90) {

    static final Summary EMPTY = new Summary(0, Option.none(), Option.none(), Option.none());

    static Summary of(DurationSummary summary) {
      return new Summary(summary.count(), summary.meanDays(), summary.medianDays(), summary.p90Days());
    }
  }

  /** The size of won priced deals in one currency; the mean may be a rounded quotient. */
  record Size(long count, BigDecimal total, double mean, BigDecimal median) {}

  /** One open stage of the funnel. */
  record FunnelRow(String stageId, long reached, long advanced, long lost, long open) {}

  /** Our report's figures. */
  static MetricsFigures of(MetricsReport report) {
    SortedMap<String, Size> sizes = new TreeMap<>();
    report.dealSize().forEach((currency, size) -> sizes.put(currency.getCurrencyCode(), size(size)));
    List<FunnelRow> funnel = report.funnel().stream().map(MetricsFigures::row).toList();
    SortedMap<String, Summary> stays = new TreeMap<>();
    for (StageTime stage : report.timeInStage()) {
      stays.put(stage.stageId(), Summary.of(stage.completed()));
    }
    SortedMap<String, Double> velocity = new TreeMap<>();
    report.velocityPerDay().forEach((currency, money) -> velocity.put(currency.getCurrencyCode(),
        money.amount().doubleValue()));
    return new MetricsFigures(report.deals(), report.open(), report.won(), report.lost(),
        report.winRate().map(rate -> rate.value()), Summary.of(report.salesCycleWon()), sizes, funnel, stays, velocity);
  }

  private static Size size(DealSize size) {
    return new Size(size.count(), size.total().amount(), size.mean().amount().doubleValue(), size.median().amount());
  }

  private static FunnelRow row(FunnelStage stage) {
    return new FunnelRow(stage.stageId(), stage.reached(), stage.advanced(), stage.lost(), stage.open());
  }

  /** Time-in-stage map with an empty summary for every open stage that has no completed stay. */
  static SortedMap<String, Summary> everyStage(List<Stage> openStages, Map<String, Summary> found) {
    SortedMap<String, Summary> all = new TreeMap<>();
    for (Stage stage : openStages) {
      all.put(stage.id(), found.getOrDefault(stage.id(), Summary.EMPTY));
    }
    return all;
  }

  /** A copy with one more won deal: a disagreement the tests inject. */
  MetricsFigures withWon(long value) {
    return new MetricsFigures(deals, open, value, lost, winRate, wonCycleDays, dealSize, funnel, timeInStage,
        velocityPerDay);
  }

  /** Makes no change: what the harness applies to the other approaches' figures. */
  static UnaryOperator<MetricsFigures> unchanged() {
    return UnaryOperator.identity();
  }

  /** Records into the agreement every figure on which the other approach differs from ours. */
  static void compare(Agreement agreement, String other, MetricsFigures ours, MetricsFigures theirs) {
    agreement.compare("deals", other, ours.deals(), theirs.deals())
        .compare("open", other, ours.open(), theirs.open())
        .compare("won", other, ours.won(), theirs.won())
        .compare("lost", other, ours.lost(), theirs.lost());
    compare(agreement, "win-rate", other, ours.winRate(), theirs.winRate());
    compare(agreement, "sales-cycle-won", other, ours.wonCycleDays(), theirs.wonCycleDays());

    sameKeys(agreement, "deal-size currencies", other, ours.dealSize().keySet(), theirs.dealSize().keySet());
    ours.dealSize().forEach((currency, size) -> {
      Size their = theirs.dealSize().get(currency);
      if (their != null) {
        String figure = "deal-size " + currency;
        agreement.compare(figure + " count", other, size.count(), their.count());
        money(agreement, figure + " total", other, size.total(), their.total());
        quotient(agreement, figure + " mean", other, currency, size.mean(), their.mean());
        money(agreement, figure + " median", other, size.median(), their.median());
      }
    });

    agreement.compare("funnel stages", other, ours.funnel().size(), theirs.funnel().size());
    for (int i = 0; i < Math.min(ours.funnel().size(), theirs.funnel().size()); i++) {
      FunnelRow o = ours.funnel().get(i);
      FunnelRow t = theirs.funnel().get(i);
      String figure = "funnel " + o.stageId();
      agreement.compare(figure + " stage", other, o.stageId(), t.stageId())
          .compare(figure + " reached", other, o.reached(), t.reached())
          .compare(figure + " advanced", other, o.advanced(), t.advanced())
          .compare(figure + " lost", other, o.lost(), t.lost())
          .compare(figure + " open", other, o.open(), t.open());
    }

    sameKeys(agreement, "time-in-stage stages", other, ours.timeInStage().keySet(), theirs.timeInStage().keySet());
    ours.timeInStage().forEach((stage, summary) -> {
      Summary their = theirs.timeInStage().get(stage);
      if (their != null) {
        compare(agreement, "time-in-stage " + stage, other, summary, their);
      }
    });

    sameKeys(agreement, "velocity currencies", other, ours.velocityPerDay().keySet(),
        theirs.velocityPerDay().keySet());
    ours.velocityPerDay().forEach((currency, velocity) -> {
      Double their = theirs.velocityPerDay().get(currency);
      if (their != null) {
        quotient(agreement, "velocity " + currency, other, currency, velocity, their);
      }
    });
  }

  /**
   * A mean of money or a velocity: ours is rounded half-even to two decimals beyond the currency's
   * minor unit (SPEC §4), so it agrees when within half of that unit, plus the relative tolerance.
   */
  private static void quotient(Agreement agreement, String figure, String other, String currency, double ours,
      double theirs) {
    int digits = Math.max(0, java.util.Currency.getInstance(currency).getDefaultFractionDigits()) + 2;
    double halfUnit = 0.5 * Math.pow(10, -digits);
    double scale = Math.max(1.0, Math.max(Math.abs(ours), Math.abs(theirs)));
    if (Math.abs(ours - theirs) > halfUnit + TOLERANCE * scale) {
      agreement.differ(figure, other, Double.toString(ours), Double.toString(theirs));
    }
  }

  private static void compare(Agreement agreement, String figure, String other, Summary ours, Summary theirs) {
    agreement.compare(figure + " count", other, ours.count(), theirs.count());
    compare(agreement, figure + " mean", other, ours.mean(), theirs.mean());
    compare(agreement, figure + " median", other, ours.median(), theirs.median());
    compare(agreement, figure + " p90", other, ours.p90(), theirs.p90());
  }

  private static void compare(Agreement agreement, String figure, String other, Option<Double> ours,
      Option<Double> theirs) {
    if (ours.isDefined() && theirs.isDefined()) {
      agreement.compare(figure, other, ours.get(), theirs.get(), TOLERANCE);
    } else if (ours.isDefined() != theirs.isDefined()) {
      agreement.differ(figure, other, ours.map(String::valueOf).getOrElse("undefined"),
          theirs.map(String::valueOf).getOrElse("undefined"));
    }
  }

  /** Money agrees when the amounts are equal, whatever their scale (12.50 = 12.5). */
  private static void money(Agreement agreement, String figure, String other, BigDecimal ours, BigDecimal theirs) {
    if (ours.compareTo(theirs) != 0) {
      agreement.differ(figure, other, ours.toPlainString(), theirs.toPlainString());
    }
  }

  private static void sameKeys(Agreement agreement, String figure, String other, Set<String> ours,
      Set<String> theirs) {
    agreement.compare(figure, other, ours, theirs);
  }
}
