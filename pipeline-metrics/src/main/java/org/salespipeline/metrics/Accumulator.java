package org.salespipeline.metrics;

import io.vavr.control.Option;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import org.jspecify.annotations.Nullable;
import org.salespipeline.core.Deal;
import org.salespipeline.core.DealEvent;
import org.salespipeline.core.DealStatus;
import org.salespipeline.core.Money;
import org.salespipeline.core.Pipeline;
import org.salespipeline.core.Stage;
import org.salespipeline.core.internal.DealCursor;

/**
 * The partial result of a calculation: one pass over each deal's history, merged with other
 * partial results, finished into a {@link MetricsReport}.
 *
 * <p>Design: the pass over each deal's history is one; what it finds goes to a set of partial
 * results, one per group of figures, each with its own add, merge and finish: {@link DealCounts},
 * {@link SalesCycles}, {@link TimeToClose}, {@link Funnel}, {@link TransitionCounts},
 * {@link StageStays}, {@link MoneyTotals}, {@link OpenDeals}, {@link ForecastDeals} and the
 * {@link IdCheck}. Every part's merge is exact and order-free (integer counts, {@code long}
 * millisecond sums, exact money sums, samples kept as primitive arrays and sorted once at the
 * end, lists sorted by deal id at the end). That is what makes a
 * parallel or partitioned calculation give the very same report as a sequential one. Stages are
 * indexed 0..k-1 (open stages in order, so index = order), k (won) and k+1 (lost).
 *
 * <p>Mutable and not thread-safe: a parallel stream gives each thread its own accumulator.
 */
final class Accumulator {

  /** The precision of quotients that are rates or ratios, and the least of money quotients. */
  static final MathContext DIVISION = MathContext.DECIMAL64;

  private final Pipeline pipeline;
  /** Reads each deal's history in place; one for all the deals this accumulator takes. */
  private @Nullable DealCursor cursor;
  private final MetricsQuery query;
  private final long asOfMs;
  private final boolean windowed;
  private final Instant from;
  private final Instant to;
  private final int k;
  private final int n;
  private final Map<String, Integer> index = new HashMap<>();
  /** Stage ids by index. */
  private final String[] stageIds;
  /**
   * The stage ids in an open-addressing table by their (cached) string hash, with their index:
   * events usually hold these very instances, found by one hash probe and an identity check, not
   * by comparing with each stage in turn (a branch per stage that the random order of stages
   * mispredicts). Equal ids of other instances fall back to {@link #index}.
   */
  private final String[] stageSlots;
  private final int[] slotStage;
  /**
   * Probabilities as the decimals they were written as: {@code BigDecimal.valueOf(double)} is the
   * shortest decimal that reads back as the double ({@code 0.1} for 0.1), where
   * {@code new BigDecimal(double)} is the double's binary value
   * ({@code 0.1000000000000000055511151231257827…}). Σ amount × probability is then an exact decimal
   * sum of exact decimal products, rounded once when the report is made.
   */
  private final BigDecimal[] stageProbability;
  private final @Nullable ToDoubleFunction<? super Deal> probability;
  private final @Nullable CurrencyConverter converter;
  private final @Nullable DateRange forecastPeriod;

  private final DealCounts counts = new DealCounts();
  private final SalesCycles cycles = new SalesCycles();
  private final TimeToClose timeToClose = new TimeToClose();
  private final Funnel funnel;
  private final TransitionCounts transitions;
  private final StageStays stays;
  private final MoneyTotals money;
  private final OpenDeals openDeals = new OpenDeals();
  private final ForecastDeals forecast = new ForecastDeals();

  private final @Nullable IdCheck ids;
  private final @Nullable Map<String, Accumulator> groups;
  private final @Nullable Map<TrendPeriod, Accumulator> trends;

  Accumulator(Pipeline pipeline, MetricsQuery query, boolean top) {
    this.pipeline = pipeline;
    this.query = query;
    this.asOfMs = query.asOf().toEpochMilli();
    this.windowed = query.window().isDefined();
    this.from = query.window().map(Window::from).getOrElse(Instant.MIN);
    this.to = query.window().map(Window::to).getOrElse(Instant.MAX);
    List<Stage> openStages = pipeline.openStages();
    this.k = openStages.size();
    this.n = k + 2;
    this.stageProbability = new BigDecimal[k];
    for (int i = 0; i < k; i++) {
      index.put(openStages.get(i).id(), i);
      stageProbability[i] = BigDecimal.valueOf(openStages.get(i).probability());
    }
    index.put(pipeline.wonStage().id(), k);
    index.put(pipeline.lostStage().id(), k + 1);
    this.stageIds = new String[n];
    index.forEach((id, i) -> stageIds[i] = id);
    int slots = Integer.highestOneBit(4 * n - 1) << 1;
    this.stageSlots = new String[slots];
    this.slotStage = new int[slots];
    for (int s = 0; s < n; s++) {
      int slot = slot(stageIds[s]);
      while (stageSlots[slot] != null) {
        slot = (slot + 1) & (slots - 1);
      }
      stageSlots[slot] = stageIds[s];
      slotStage[slot] = s;
    }
    this.probability = query.probability().getOrNull();
    this.converter = query.converter().getOrNull();
    this.forecastPeriod = query.forecastPeriod().getOrNull();
    this.funnel = new Funnel(k);
    this.transitions = new TransitionCounts(n);
    this.stays = new StageStays(k);
    this.money = new MoneyTotals(stageProbability);
    this.ids = top ? new IdCheck() : null;
    this.groups = top && query.grouping().isDefined() ? new HashMap<>() : null;
    this.trends = top && query.trends().isDefined() ? new HashMap<>() : null;
  }

  // ------------------------------------------------------------------------------------ adding

  void add(Deal deal) {
    if (!deal.pipelineId().equals(pipeline.id())) {
      throw new IllegalArgumentException("deal " + deal.id() + " belongs to pipeline '" + deal.pipelineId()
          + "' but the metrics are for pipeline '" + pipeline.id() + "'; calculate each pipeline on its own");
    }
    if (ids != null) {
      ids.add(deal.id());
    }
    Option<Deal> asOf = deal.asOf(query.asOf());
    if (asOf.isEmpty()) {
      return; // opened after T: it does not exist yet
    }
    Deal d = asOf.get();
    if (d.createdAt().isBefore(MetricsQuery.EARLIEST)) {
      throw new IllegalArgumentException("deal " + d.id() + " was created at " + d.createdAt()
          + ", before the earliest instant metrics compute with (" + MetricsQuery.EARLIEST + ")");
    }
    accept(d);
    if (groups != null) {
      String key = query.grouping().get().keyOf(d);
      groups.computeIfAbsent(key, g -> new Accumulator(pipeline, query.part(query.asOf(), query.window().getOrNull()), false))
          .accept(d);
    }
    if (trends != null) {
      addToTrends(deal, d.createdAt());
    }
  }

  private void addToTrends(Deal deal, Instant created) {
    CalendarUnit unit = query.trends().get();
    ZoneId zone = query.zone();
    Instant first = windowed && created.isBefore(from) ? from : created;
    Instant last = windowed && !to.isAfter(query.asOf()) ? to.minusNanos(1) : query.asOf();
    if (last.isBefore(first)) {
      return;
    }
    TrendPeriod period = TrendPeriod.containing(unit, LocalDate.ofInstant(first, zone));
    LocalDate lastDay = LocalDate.ofInstant(last, zone);
    long periods = unit.periodsThrough(period.start(), lastDay);
    if (periods > MetricsQuery.MAX_TREND_PERIODS) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, "deal %s was created at %s: a trend per %s from"
          + " then to %s would have %,d periods, more than the %,d a trend may have; bound the trend with a window"
          + " (withWindow) or use a longer calendar unit", deal.id(), created, unit.name().toLowerCase(Locale.ROOT),
          lastDay, periods, MetricsQuery.MAX_TREND_PERIODS));
    }
    while (!period.start().isAfter(lastDay)) {
      trends.computeIfAbsent(period, this::trendAccumulator).add(deal);
      period = period.next();
    }
  }

  private Accumulator trendAccumulator(TrendPeriod period) {
    Instant start = period.start().atStartOfDay(query.zone()).toInstant();
    Instant end = period.end().atStartOfDay(query.zone()).toInstant();
    Instant partAsOf = end.minusNanos(1).isBefore(query.asOf()) ? end.minusNanos(1) : query.asOf();
    Window window = query.window().getOrNull();
    Instant from = window != null && window.from().isAfter(start) ? window.from() : start;
    Instant to = window != null && window.to().isBefore(end) ? window.to() : end;
    return new Accumulator(pipeline, query.part(partAsOf, new Window(from, to)), false);
  }

  /** Exact to the nanosecond: durations are kept in milliseconds, window edges are not rounded. */
  private boolean inWindow(Instant at) {
    return !windowed || !at.isBefore(from) && at.isBefore(to);
  }

  /** {@link #inWindow(Instant)} for the event the cursor is on. */
  private boolean inWindow(DealCursor event) {
    return !windowed || event.compareAt(from) >= 0 && event.compareAt(to) < 0;
  }

  private int slot(String stageId) {
    int h = stageId.hashCode();
    return (h ^ (h >>> 16)) & (stageSlots.length - 1);
  }

  private int stageIndex(String stageId, Deal deal) {
    for (int slot = slot(stageId); ; slot = (slot + 1) & (stageSlots.length - 1)) {
      String id = stageSlots[slot];
      if (id == stageId) {
        return slotStage[slot];
      }
      if (id == null) {
        break;
      }
    }
    Integer i = index.get(stageId);
    if (i == null) {
      throw new IllegalArgumentException("deal " + deal.id() + " entered stage '" + stageId + "', which pipeline '"
          + pipeline.id() + "' does not have");
    }
    return i;
  }

  /** One pass over the history of a deal as of T, reading it in place (no event objects). */
  private void accept(Deal d) {
    long created = d.createdAt().toEpochMilli();
    DealCursor event = cursor == null ? (cursor = DealCursor.of(d)) : cursor.on(d);
    int stage = stageIndex(Objects.requireNonNull(event.enteredStage()), d);
    long entered = created;
    int furthestOpen = stage;
    long lastClose = Long.MIN_VALUE;
    int lastCloseIndex = -1;
    while (event.next()) {
      String to = event.enteredStage();
      if (to == null) {
        continue;
      }
      int i = event.index();
      int next = stageIndex(to, d);
      long at = event.epochMilli();
      if (inWindow(event)) {
        transitions.add(stage, next);
        if (stage < k) {
          stays.addCompleted(stage, at - entered);
        }
      }
      stage = next;
      entered = at;
      if (next < k) {
        furthestOpen = Math.max(furthestOpen, next);
      } else {
        lastClose = at;
        lastCloseIndex = i;
      }
    }

    DealStatus status = d.status();
    boolean cohort = !windowed || inWindow(d.createdAt());
    Money amount = d.amount().isEmpty() ? null : convert(d.amount().get(), d);
    if (status == DealStatus.OPEN) {
      long age = asOfMs - entered;
      counts.addOpen(amount != null);
      stays.addCurrent(stage, age);
      openDeals.add(stage, age, d, amount);
      addOpen(d, stage, amount);
      if (cohort) {
        timeToClose.addOpen(asOfMs - created);
        funnel.addOpen(furthestOpen);
      }
    } else {
      boolean isWon = status == DealStatus.WON;
      boolean closedInWindow = inWindow(event.at(lastCloseIndex));
      counts.addClosed(closedInWindow, isWon, amount != null);
      if (closedInWindow) {
        cycles.add(isWon, lastClose - created);
        if (amount != null) {
          money.addClosed(amount, isWon);
        }
      }
      if (cohort) {
        timeToClose.addClosed(lastClose - created);
        funnel.addClosed(isWon, furthestOpen);
      }
    }
  }

  private void addOpen(Deal d, int stage, @Nullable Money amount) {
    boolean inForecast = forecastPeriod != null && d.expectedClose().exists(forecastPeriod::contains);
    if (amount == null) {
      if (inForecast) {
        forecast.addUnpriced();
      }
      return;
    }
    BigDecimal p = probabilityOf(d);
    money.addOpen(amount, stage, p);
    if (inForecast) {
      BigDecimal weight = p == null ? stageProbability[stage] : p;
      money.addForecast(amount, weight);
      forecast.add(d.id(), amount, weight.doubleValue());
    }
  }

  /** The probability of an open deal, or null where its stage's default applies. */
  private @Nullable BigDecimal probabilityOf(Deal d) {
    if (probability == null) {
      Option<Double> override = d.probabilityOverride();
      return override.isEmpty() ? null : BigDecimal.valueOf(override.get());
    }
    double p = probability.applyAsDouble(d);
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("the probability function must return a value within [0, 1] but returned "
          + p + " for deal " + d.id());
    }
    return BigDecimal.valueOf(p);
  }

  private Money convert(Money amount, Deal d) {
    if (converter == null) {
      return amount;
    }
    Money converted = converter.convert(amount);
    if (converted == null || !converted.currency().equals(converter.target())) {
      throw new IllegalArgumentException("the currency converter must return an amount in " + converter.target()
          + " but returned " + converted + " for " + amount + " of deal " + d.id());
    }
    return converted;
  }

  // ----------------------------------------------------------------------------------- merging

  Accumulator merge(Accumulator other) {
    if (other == this) {
      throw new IllegalArgumentException("other must be another accumulator, not this one");
    }
    if (!other.query.equals(query) || !other.pipeline.equals(pipeline)) {
      throw new IllegalArgumentException("other must be for the same pipeline and query");
    }
    counts.merge(other.counts);
    cycles.merge(other.cycles);
    timeToClose.merge(other.timeToClose);
    funnel.merge(other.funnel);
    transitions.merge(other.transitions);
    stays.merge(other.stays);
    money.merge(other.money);
    openDeals.addAll(other.openDeals);
    forecast.merge(other.forecast);
    if (ids != null && other.ids != null) {
      ids.addAll(other.ids);
    }
    if (groups != null && other.groups != null) {
      other.groups.forEach((key, part) -> groups.merge(key, part, Accumulator::merge));
    }
    if (trends != null && other.trends != null) {
      other.trends.forEach((key, part) -> trends.merge(key, part, Accumulator::merge));
    }
    return this;
  }

  // ---------------------------------------------------------------------------------- finishing

  MetricsReport finish() {
    if (ids != null) {
      ids.check();
    }
    return report();
  }

  private MetricsReport report() {
    List<Stage> openStages = pipeline.openStages();
    List<FunnelStage> funnelStages = funnel.finish(openStages);
    List<StageTime> timeInStage = stays.finish(openStages);
    DurationSummary[] completed = new DurationSummary[k];
    for (int s = 0; s < k; s++) {
      completed[s] = timeInStage.get(s).completed();
    }
    Norms norms = new Norms(pipeline, completed);
    List<StageExcess> excess = new ArrayList<>();
    for (int s = 0; s < k; s++) {
      if (norms.defined(s)) {
        excess.add(norms.excess(s, stays.currentRuns(s)));
      }
    }
    excess.sort(Comparator.comparingDouble(StageExcess::daysBeyondNorm).reversed());
    MoneyTotals.Figures moneyFigures = money.finish(counts, cycles);
    Map<Currency, Coverage> coverage = new HashMap<>();
    query.quotas().forEach((currency, quota) -> coverage.put(currency, money.coverage(quota, forecastPeriod != null)));
    Map<String, MetricsReport> groupReports = new TreeMap<>();
    if (groups != null) {
      groups.forEach((key, part) -> groupReports.put(key, part.report()));
    }
    Map<TrendPeriod, MetricsReport> trendReports = new TreeMap<>();
    if (trends != null) {
      trends.forEach((key, part) -> trendReports.put(key, part.report()));
    }
    return ImmutableMetricsReport.builder()
        .pipelineName(pipeline.name())
        .query(query)
        .deals(counts.deals)
        .open(counts.open)
        .won(counts.won)
        .lost(counts.lost)
        .unpriced(counts.unpriced)
        .winRate(counts.winRate())
        .valueWinRate(moneyFigures.valueWinRate())
        .wonValue(moneyFigures.wonValue())
        .lostValue(moneyFigures.lostValue())
        .dealSize(moneyFigures.dealSize())
        .salesCycleWon(cycles.finishWon())
        .salesCycleLost(cycles.finishLost())
        .timeToClose(timeToClose.finish())
        .funnel(funnelStages)
        .transitions(transitions.finish(stageIds()))
        .timeInStage(timeInStage)
        .stuckDeals(new MetricsReport.StuckDeals(openDeals.stuck(norms)))
        .bottlenecks(new Bottlenecks(lowestConversion(funnelStages), longestMedianStay(timeInStage), excess))
        .openPipeline(moneyFigures.openPipeline())
        .weightedPipeline(moneyFigures.weightedPipeline())
        .forecast(forecast.finish(query))
        .velocityPerDay(moneyFigures.velocityPerDay())
        .coverage(Maps.byCurrency(coverage))
        .groups(groupReports)
        .trends(trendReports)
        .build();
  }

  /** The stage ids by index: the open stages in order, won, lost. */
  private List<String> stageIds() {
    List<String> ids = new ArrayList<>(n);
    for (Stage stage : pipeline.openStages()) {
      ids.add(stage.id());
    }
    ids.add(pipeline.wonStage().id());
    ids.add(pipeline.lostStage().id());
    return ids;
  }

  private static Option<FunnelStage> lowestConversion(List<FunnelStage> funnel) {
    FunnelStage lowest = null;
    for (FunnelStage stage : funnel) {
      if (stage.conversion().isDefined()
          && (lowest == null || stage.conversion().get().value() < lowest.conversion().get().value())) {
        lowest = stage;
      }
    }
    return Option.of(lowest);
  }

  private static Option<StageTime> longestMedianStay(List<StageTime> stages) {
    StageTime longest = null;
    for (StageTime stage : stages) {
      if (stage.completed().medianDays().isDefined()
          && (longest == null || stage.completed().medianDays().get() > longest.completed().medianDays().get())) {
        longest = stage;
      }
    }
    return Option.of(longest);
  }

  // ------------------------------------------------------------------------------ wire form

  byte[] toBytes() {
    return PartialResultFormat.write(this, pipeline, query);
  }

  /** Reads a partial result written by {@link #toBytes()} for this pipeline and query. */
  static Accumulator fromBytes(byte[] bytes, Pipeline pipeline, MetricsQuery query) {
    Accumulator accumulator = new Accumulator(pipeline, query, true);
    PartialResultFormat.read(bytes, accumulator, pipeline, query);
    return accumulator;
  }

  /** Every field of the partial result; hash maps in key order, so that equal states give equal bytes. */
  void writeTo(PartialResultFormat.Out out) {
    counts.writeTo(out);
    funnel.writeWonTo(out);
    forecast.writeCountsTo(out);
    money.writeTo(out);
    cycles.writeTo(out);
    timeToClose.writeTo(out);
    funnel.writeStagesTo(out);
    transitions.writeTo(out);
    stays.writeTo(out);
    openDeals.writeTo(out);
    forecast.writeEntriesTo(out);
    if (ids != null) {
      ids.writeTo(out);
    }
    if (groups != null) {
      out.unsigned(groups.size());
      for (Map.Entry<String, Accumulator> group : new TreeMap<>(groups).entrySet()) {
        out.string(group.getKey());
        group.getValue().writeTo(out);
      }
    }
    if (trends != null) {
      out.unsigned(trends.size());
      for (Map.Entry<TrendPeriod, Accumulator> trend : new TreeMap<>(trends).entrySet()) {
        out.signed(trend.getKey().start().toEpochDay());
        trend.getValue().writeTo(out);
      }
    }
  }

  /** Fills this new, empty accumulator with what {@link #writeTo} wrote, checking it as it goes. */
  void readFrom(PartialResultFormat.In in) {
    counts.readFrom(in);
    funnel.readWonFrom(in);
    forecast.readCountsFrom(in);
    money.readFrom(in);
    cycles.readFrom(in);
    timeToClose.readFrom(in);
    funnel.readStagesFrom(in);
    transitions.readFrom(in);
    stays.readFrom(in);
    openDeals.readFrom(in, k);
    forecast.readEntriesFrom(in);
    if (ids != null) {
      ids.readFrom(in);
      in.check(ids.size() >= counts.deals, counts.deals + " deals but " + ids.size() + " deal ids");
    }
    if (groups != null) {
      readGroups(in);
    }
    if (trends != null) {
      readTrends(in);
    }
    checkCounts(in);
  }

  private void readGroups(PartialResultFormat.In in) {
    int count = in.items("the number of groups");
    String previous = null;
    long grouped = 0;
    for (int g = 0; g < count; g++) {
      String key = in.string("a group");
      in.check(previous == null || key.compareTo(previous) > 0, "groups are not in ascending order");
      previous = key;
      Accumulator part = new Accumulator(pipeline, query.part(query.asOf(), query.window().getOrNull()), false);
      part.readFrom(in);
      groups.put(key, part);
      grouped = atMostMax(grouped, part.counts.deals);
    }
    in.check(grouped == counts.deals, counts.deals + " deals but " + grouped + " in the groups");
  }

  private void readTrends(PartialResultFormat.In in) {
    int count = in.items("the number of trend periods");
    TrendPeriod previous = null;
    for (int t = 0; t < count; t++) {
      long day = in.signed();
      in.check(day >= LocalDate.MIN.toEpochDay() && day <= LocalDate.MAX.toEpochDay(), "a trend period starts on no date");
      LocalDate start = LocalDate.ofEpochDay(day);
      TrendPeriod period;
      Accumulator part;
      try {
        period = TrendPeriod.containing(query.trends().get(), start);
        part = trendAccumulator(period);
      } catch (DateTimeException | ArithmeticException e) {
        throw PartialResultFormat.corrupted("a trend period starts on " + start + ", beyond any period");
      }
      in.check(period.start().equals(start), "a trend period starts on " + start + ", not at the start of a period");
      in.check(previous == null || period.compareTo(previous) > 0, "trend periods are not in ascending order");
      previous = period;
      part.readFrom(in);
      trends.put(period, part);
    }
  }

  /** Counts that must agree whatever the deals were: a partial result that breaks one is not sound. */
  private void checkCounts(PartialResultFormat.In in) {
    long deals = counts.deals;
    long open = counts.open;
    long won = counts.won;
    long lost = counts.lost;
    in.check(open <= deals && won <= deals - open && lost <= deals - open - won && counts.unpriced <= deals,
        "the open, won, lost and unpriced counts exceed the deals");
    in.check(cycles.won.size() == won && cycles.lost.size() == lost,
        "the sales cycles do not match the won and lost counts");
    in.check(openDeals.size() == open && stays.currentCount() == open, "the open deals do not match the open count");
    in.check(timeToClose.subjects() == funnel.cohort(), "the times to close do not match the funnel");
    in.check(forecast.unpriced <= forecast.deals && forecast.entries.size() <= forecast.deals,
        "the forecast deals do not add up");
    long[] priced = money.closedCounts();
    in.check(priced[0] <= won && priced[1] <= lost, "the won and lost amounts exceed the won and lost deals");
  }

  /** The sum of two counts, or {@code Long.MAX_VALUE} where it would overflow (and fail a check). */
  private static long atMostMax(long a, long b) {
    long sum = a + b;
    return sum < 0 ? Long.MAX_VALUE : sum;
  }
}
