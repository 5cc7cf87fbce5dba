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
import org.salespipeline.metrics.internal.LongSamples;

/**
 * The partial result of a calculation: one pass over each deal's history, merged with other
 * partial results, finished into a {@link MetricsReport}.
 *
 * <p>Design: every figure is built from parts whose merge is exact and order-free (integer
 * counts, {@code long} millisecond sums, exact money sums, samples kept as primitive
 * arrays and sorted once at the end, lists sorted by deal id at the end). That is what makes a
 * parallel or partitioned calculation give the very same report as a sequential one. Stages are
 * indexed 0..k-1 (open stages in order, so index = order), k (won) and k+1 (lost).
 *
 * <p>Mutable and not thread-safe: a parallel stream gives each thread its own accumulator.
 */
final class Accumulator {

  /** The precision of quotients that are rates or ratios, and the least of money quotients. */
  static final MathContext DIVISION = MathContext.DECIMAL64;
  private static final long MILLIS_PER_DAY = 86_400_000L;

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
  /** Stage ids by index: events usually hold these very instances, found without hashing. */
  private final String[] stageIds;
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

  private long deals;
  private long open;
  private long won;
  private long lost;
  private long unpriced;
  private final Map<Currency, CurrencyTotals> totals = new HashMap<>();
  private final LongSamples wonCycle = LongSamples.keepingRuns();
  private final LongSamples lostCycle = LongSamples.keepingRuns();
  private final LongSamples kmEvents = new LongSamples();
  private final LongSamples kmCensored = new LongSamples();
  /** Cohort deals by furthest open stage: [2f] open, [2f + 1] lost; won deals are beyond. */
  private final long[] furthest;
  private long cohortWon;
  private final long[] transitions;
  private final LongSamples[] completed;
  private final LongSamples[] current;
  private final OpenDeals openDeals = new OpenDeals();
  private final List<ForecastEntry> forecastEntries = new ArrayList<>();
  private long forecastDeals;
  private long forecastUnpriced;

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
    this.probability = query.probability().getOrNull();
    this.converter = query.converter().getOrNull();
    this.forecastPeriod = query.forecastPeriod().getOrNull();
    this.furthest = new long[2 * k];
    this.transitions = new long[n * n];
    this.completed = new LongSamples[k];
    this.current = new LongSamples[k];
    for (int i = 0; i < k; i++) {
      completed[i] = LongSamples.keepingRuns();
      current[i] = LongSamples.keepingRuns();
    }
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

  private int stageIndex(String stageId, Deal deal) {
    for (int s = 0; s < n; s++) {
      if (stageIds[s] == stageId) {
        return s;
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
        transitions[stage * n + next]++;
        if (stage < k) {
          completed[stage].add(at - entered);
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

    deals++;
    DealStatus status = d.status();
    boolean cohort = inWindow(d.createdAt());
    Money amount = d.amount().isEmpty() ? null : convert(d.amount().get(), d);
    if (status == DealStatus.OPEN) {
      open++;
      long age = asOfMs - entered;
      current[stage].add(age);
      openDeals.add(stage, age, d, amount);
      if (amount == null) {
        unpriced++;
      }
      addOpen(d, stage, amount);
      if (cohort) {
        kmCensored.add(asOfMs - created);
        furthest[2 * furthestOpen]++;
      }
    } else {
      if (inWindow(event.at(lastCloseIndex))) {
        boolean isWon = status == DealStatus.WON;
        if (isWon) {
          won++;
          wonCycle.add(lastClose - created);
        } else {
          lost++;
          lostCycle.add(lastClose - created);
        }
        if (amount == null) {
          unpriced++;
        } else {
          totals(amount.currency()).addClosed(amount.amount(), isWon);
        }
      }
      if (cohort) {
        kmEvents.add(lastClose - created);
        if (status == DealStatus.WON) {
          cohortWon++;
        } else {
          furthest[2 * furthestOpen + 1]++;
        }
      }
    }
  }

  private void addOpen(Deal d, int stage, @Nullable Money amount) {
    boolean forecast = forecastPeriod != null && d.expectedClose().exists(forecastPeriod::contains);
    if (forecast) {
      forecastDeals++;
      if (amount == null) {
        forecastUnpriced++;
      }
    }
    if (amount == null) {
      return;
    }
    CurrencyTotals t = totals(amount.currency());
    BigDecimal p = probabilityOf(d);
    if (p == null) {
      t.addOpen(amount.amount(), stage);
    } else {
      t.addOpen(amount.amount(), amount.amount().multiply(p));
    }
    if (forecast) {
      BigDecimal weight = p == null ? stageProbability[stage] : p;
      t.addForecast(amount.amount(), amount.amount().multiply(weight));
      forecastEntries.add(new ForecastEntry(d.id(), amount, weight.doubleValue()));
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

  private CurrencyTotals totals(Currency currency) {
    CurrencyTotals t = totals.get(currency);
    if (t == null) {
      t = new CurrencyTotals(currency, stageProbability);
      totals.put(currency, t);
    }
    return t;
  }

  // ----------------------------------------------------------------------------------- merging

  Accumulator merge(Accumulator other) {
    if (other == this) {
      throw new IllegalArgumentException("other must be another accumulator, not this one");
    }
    if (!other.query.equals(query) || !other.pipeline.equals(pipeline)) {
      throw new IllegalArgumentException("other must be for the same pipeline and query");
    }
    deals += other.deals;
    open += other.open;
    won += other.won;
    lost += other.lost;
    unpriced += other.unpriced;
    other.totals.forEach((currency, t) -> totals(currency).merge(t));
    wonCycle.mergeSorted(other.wonCycle);
    lostCycle.mergeSorted(other.lostCycle);
    kmEvents.mergeSorted(other.kmEvents);
    kmCensored.mergeSorted(other.kmCensored);
    for (int i = 0; i < furthest.length; i++) {
      furthest[i] += other.furthest[i];
    }
    cohortWon += other.cohortWon;
    for (int i = 0; i < transitions.length; i++) {
      transitions[i] += other.transitions[i];
    }
    for (int i = 0; i < k; i++) {
      completed[i].mergeSorted(other.completed[i]);
      current[i].mergeSorted(other.current[i]);
    }
    openDeals.addAll(other.openDeals);
    forecastEntries.addAll(other.forecastEntries);
    forecastDeals += other.forecastDeals;
    forecastUnpriced += other.forecastUnpriced;
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
    Option<Rate> winRate = won + lost == 0 ? Option.none() : Option.some(Rate.of(won, won + lost));
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
          valueWinRate.put(currency, Rate.ofProportion(wonSum.divide(all, DIVISION).doubleValue(), closed));
        }
      }
      if (t.wonCount > 0) {
        dealSize.put(currency, dealSize(currency, t, wonSum));
      }
      if (t.openCount > 0) {
        openPipeline.put(currency, MoneyRounding.total(t.open.value(), currency));
        weightedPipeline.put(currency, MoneyRounding.total(t.weighted(), currency));
      }
      velocity(t, wonSum).forEach(v -> velocity.put(currency, v));
    });

    DurationSummary[] completedSummary = new DurationSummary[k];
    List<StageTime> timeInStage = new ArrayList<>(k);
    List<FunnelStage> funnel = new ArrayList<>(k);
    for (int s = 0; s < k; s++) {
      Stage stage = pipeline.openStages().get(s);
      completedSummary[s] = DurationSummary.of(completed[s]);
      timeInStage.add(new StageTime(stage.id(), stage.name(), completedSummary[s], DurationSummary.of(current[s])));
      funnel.add(funnelStage(s, stage));
    }
    List<String> stageIds = new ArrayList<>(n);
    for (Stage stage : pipeline.openStages()) {
      stageIds.add(stage.id());
    }
    stageIds.add(pipeline.wonStage().id());
    stageIds.add(pipeline.lostStage().id());
    long[][] matrix = new long[n][n];
    for (int i = 0; i < n; i++) {
      System.arraycopy(transitions, i * n, matrix[i], 0, n);
    }

    Norms norms = new Norms(pipeline, completedSummary);
    List<StuckDeal> stuck = openDeals.stuck(norms);
    List<StageExcess> excess = new ArrayList<>();
    for (int s = 0; s < k; s++) {
      if (norms.defined(s)) {
        excess.add(norms.excess(s, current[s].runs()));
      }
    }
    excess.sort(Comparator.comparingDouble(StageExcess::daysBeyondNorm).reversed());
    Bottlenecks bottlenecks = new Bottlenecks(lowestConversion(funnel), longestMedianStay(timeInStage), excess);

    Option<Forecast> forecast = forecastPeriod == null ? Option.none()
        : Option.some(Simulation.forecast(forecastPeriod, forecastDeals, forecastUnpriced, forecastEntries,
            query.seed(), query.trials()));
    Map<Currency, Coverage> coverage = new HashMap<>();
    query.quotas().forEach((currency, quota) -> coverage.put(currency, coverage(quota)));

    Map<String, MetricsReport> groupReports = new TreeMap<>();
    if (groups != null) {
      groups.forEach((key, part) -> groupReports.put(key, part.report()));
    }
    Map<TrendPeriod, MetricsReport> trendReports = new TreeMap<>();
    if (trends != null) {
      trends.forEach((key, part) -> trendReports.put(key, part.report()));
    }
    return new MetricsReport(pipeline, query, deals, open, won, lost, unpriced, winRate, valueWinRate, wonValue,
        lostValue, dealSize, DurationSummary.of(wonCycle), DurationSummary.of(lostCycle),
        SurvivalCurve.of(kmEvents.sorted(), kmCensored.sorted()), funnel, new Transitions(stageIds, matrix, k),
        timeInStage, stuck, bottlenecks, openPipeline, weightedPipeline, forecast, velocity, coverage, groupReports,
        trendReports);
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
  private Option<Money> velocity(CurrencyTotals t, BigDecimal wonSum) {
    long cycles = wonCycle.size();
    long cycleSum = wonCycle.sum();
    if (t.wonCount == 0 || won + lost == 0 || cycles == 0 || cycleSum <= 0) {
      return Option.none();
    }
    BigDecimal numerator = wonSum.multiply(BigDecimal.valueOf(t.openCount)).multiply(BigDecimal.valueOf(won))
        .multiply(BigDecimal.valueOf(cycles)).multiply(BigDecimal.valueOf(MILLIS_PER_DAY));
    BigDecimal denominator = BigDecimal.valueOf(t.wonCount).multiply(BigDecimal.valueOf(won + lost))
        .multiply(BigDecimal.valueOf(cycleSum));
    return Option.some(MoneyRounding.quotient(numerator, denominator, t.currency));
  }

  private FunnelStage funnelStage(int s, Stage stage) {
    long reached = cohortWon;
    long advanced = cohortWon;
    long lostFromHereOn = 0;
    for (int f = s; f < k; f++) {
      long atF = furthest[2 * f] + furthest[2 * f + 1];
      reached += atF;
      if (f > s) {
        advanced += atF;
      }
      lostFromHereOn += furthest[2 * f + 1];
    }
    long lostHere = furthest[2 * s + 1];
    long openHere = furthest[2 * s];
    Option<Rate> conversion = advanced + lostHere == 0 ? Option.none()
        : Option.some(Rate.of(advanced, advanced + lostHere));
    Option<Rate> winRate = cohortWon + lostFromHereOn == 0 ? Option.none()
        : Option.some(Rate.of(cohortWon, cohortWon + lostFromHereOn));
    return new FunnelStage(stage.id(), stage.name(), reached, advanced, lostHere, openHere, conversion, winRate);
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

  private Coverage coverage(Money quota) {
    CurrencyTotals t = totals.get(quota.currency());
    BigDecimal pipelineSum = t == null ? BigDecimal.ZERO : t.forecast.value();
    BigDecimal weighted = t == null ? BigDecimal.ZERO : t.forecastWeighted;
    boolean defined = forecastPeriod != null && !quota.isZero();
    return new Coverage(quota, MoneyRounding.total(pipelineSum, quota.currency()),
        MoneyRounding.total(weighted, quota.currency()),
        defined ? Option.some(pipelineSum.divide(quota.amount(), DIVISION).doubleValue()) : Option.none(),
        defined ? Option.some(weighted.divide(quota.amount(), DIVISION).doubleValue()) : Option.none());
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
    for (long count : new long[] {deals, open, won, lost, unpriced, cohortWon, forecastDeals, forecastUnpriced}) {
      out.unsigned(count);
    }
    List<Currency> currencies = new ArrayList<>(totals.keySet());
    currencies.sort(Comparator.comparing(Currency::getCurrencyCode));
    out.unsigned(currencies.size());
    for (Currency currency : currencies) {
      out.currency(currency);
      totals.get(currency).writeTo(out);
    }
    out.samples(wonCycle);
    out.samples(lostCycle);
    out.samples(kmEvents);
    out.samples(kmCensored);
    for (long count : furthest) {
      out.unsigned(count);
    }
    for (long count : transitions) {
      out.unsigned(count);
    }
    for (int s = 0; s < k; s++) {
      out.samples(completed[s]);
      out.samples(current[s]);
    }
    openDeals.writeTo(out);
    out.unsigned(forecastEntries.size());
    for (ForecastEntry entry : forecastEntries) {
      out.string(entry.dealId());
      out.money(entry.amount());
      out.raw64(Double.doubleToLongBits(entry.probability()));
    }
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
    deals = in.count("the number of deals");
    open = in.count("the number of open deals");
    won = in.count("the number of won deals");
    lost = in.count("the number of lost deals");
    unpriced = in.count("the number of unpriced deals");
    cohortWon = in.count("the number of won deals of the cohort");
    forecastDeals = in.count("the number of deals in the forecast");
    forecastUnpriced = in.count("the number of unpriced deals in the forecast");
    int currencies = in.items("the number of currencies");
    String previous = "";
    for (int c = 0; c < currencies; c++) {
      Currency currency = in.currency("a currency");
      in.check(currency.getCurrencyCode().compareTo(previous) > 0, "currencies are not in ascending order");
      previous = currency.getCurrencyCode();
      totals(currency).readFrom(in);
    }
    in.samples(wonCycle, "the sales cycles of won deals");
    in.samples(lostCycle, "the sales cycles of lost deals");
    in.samples(kmEvents, "the times to close");
    in.samples(kmCensored, "the ages of open deals");
    for (int i = 0; i < furthest.length; i++) {
      furthest[i] = in.count("a funnel count");
    }
    for (int i = 0; i < transitions.length; i++) {
      transitions[i] = in.count("a transition count");
    }
    for (int s = 0; s < k; s++) {
      in.samples(completed[s], "the completed stays of a stage");
      in.samples(current[s], "the current stays of a stage");
    }
    openDeals.readFrom(in, k);
    int entries = in.items("the number of forecast deals");
    for (int i = 0; i < entries; i++) {
      String dealId = in.string("a forecast deal's id");
      Money amount = in.money("a forecast deal's amount");
      double p = Double.longBitsToDouble(in.raw64());
      in.check(p >= 0 && p <= 1, "a forecast deal's probability is " + p + ", not within [0, 1]");
      forecastEntries.add(new ForecastEntry(dealId, amount, p));
    }
    if (ids != null) {
      ids.readFrom(in);
      in.check(ids.size() >= deals, deals + " deals but " + ids.size() + " deal ids");
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
      grouped = atMostMax(grouped, part.deals);
    }
    in.check(grouped == deals, deals + " deals but " + grouped + " in the groups");
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
    in.check(open <= deals && won <= deals - open && lost <= deals - open - won && unpriced <= deals,
        "the open, won, lost and unpriced counts exceed the deals");
    in.check(wonCycle.size() == won && lostCycle.size() == lost, "the sales cycles do not match the won and lost counts");
    long currentStays = 0;
    for (int s = 0; s < k; s++) {
      currentStays += current[s].size();
    }
    in.check(openDeals.size() == open && currentStays == open, "the open deals do not match the open count");
    long cohort = cohortWon;
    for (long count : furthest) {
      cohort = atMostMax(cohort, count);
    }
    in.check(kmEvents.size() + (long) kmCensored.size() == cohort, "the times to close do not match the funnel");
    in.check(forecastUnpriced <= forecastDeals && forecastEntries.size() <= forecastDeals,
        "the forecast deals do not add up");
    long wonInTotals = 0;
    long lostInTotals = 0;
    for (CurrencyTotals t : totals.values()) {
      wonInTotals = atMostMax(wonInTotals, t.wonCount);
      lostInTotals = atMostMax(lostInTotals, t.lostCount);
    }
    in.check(wonInTotals <= won && lostInTotals <= lost, "the won and lost amounts exceed the won and lost deals");
  }

  /** The sum of two counts, or {@code Long.MAX_VALUE} where it would overflow (and fail a check). */
  private static long atMostMax(long a, long b) {
    long sum = a + b;
    return sum < 0 ? Long.MAX_VALUE : sum;
  }

  /** An open deal expected to close in the forecast period, with its amount and probability. */
  record ForecastEntry(String dealId, Money amount, double probability) {}
}
