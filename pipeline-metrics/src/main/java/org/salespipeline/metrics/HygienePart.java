package org.salespipeline.metrics;

import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.salespipeline.core.Deal;
import org.salespipeline.core.Pipeline;
import org.salespipeline.core.Stage;

/**
 * The partial result of a hygiene review: the open deals at T with the flags each deal decides on
 * its own, and a metrics partial result as of T, whose report decides which deals are stuck. Stuck
 * needs every deal's completed stays (the 90th percentile of a stage without a rotting threshold),
 * so it is known only at the end, and it is SPEC §4's rule exactly as the metrics apply it: the
 * rule is written once, in {@link Norms}.
 */
final class HygienePart extends DealPart<HygieneReport> {

  /**
   * Worst first: more flags first, then the deal left alone longest (earliest last event), then
   * by deal id. Every open deal has a distinct id, so the order is total.
   */
  static final Comparator<FlaggedDeal> WORST_FIRST = Comparator
      .comparingInt((FlaggedDeal d) -> -d.flags().size())
      .thenComparing(FlaggedDeal::lastChangeAt)
      .thenComparing(FlaggedDeal::dealId);

  private static final double SECONDS_PER_DAY = 86_400.0;

  private final HygieneQuery hygieneQuery;
  private final LocalDate today;
  private final Instant quietSince;
  private final MetricsAccumulator metrics;
  private final List<Open> open = new ArrayList<>();

  /** An open deal at T and the flags it decides on its own. */
  private record Open(Deal deal, EnumSet<HygieneFlag> flags) {}

  HygienePart(Pipeline pipeline, HygieneQuery query) {
    super(pipeline, query);
    this.hygieneQuery = query;
    this.today = LocalDate.ofInstant(query.asOf(), query.zone());
    this.quietSince = query.asOf().minus(query.quietTime());
    this.metrics = PipelineMetrics.of(pipeline).accumulator(MetricsQuery.asOf(query.asOf()));
  }

  @Override
  void accept(Deal deal) {
    metrics.add(deal);
    Option<Deal> asOf = deal.asOf(hygieneQuery.asOf());
    if (asOf.isEmpty() || !asOf.get().isOpen()) {
      return;
    }
    Deal d = asOf.get();
    EnumSet<HygieneFlag> flags = EnumSet.noneOf(HygieneFlag.class);
    if (d.expectedClose().isEmpty()) {
      flags.add(HygieneFlag.NO_CLOSE_DATE);
    } else if (d.expectedClose().get().isBefore(today)) {
      flags.add(HygieneFlag.CLOSE_DATE_PASSED);
    }
    if (!d.lastEventAt().isAfter(quietSince)) {
      flags.add(HygieneFlag.NO_RECENT_ACTIVITY);
    }
    if (d.amount().isEmpty()) {
      flags.add(HygieneFlag.NO_AMOUNT);
    }
    if (d.owner().isBlank()) {
      flags.add(HygieneFlag.NO_OWNER);
    }
    open.add(new Open(d, flags));
  }

  @Override
  void mergeFrom(DealPart<HygieneReport> other) {
    HygienePart that = (HygienePart) other;
    metrics.merge(that.metrics);
    open.addAll(that.open);
  }

  @Override
  HygieneReport result() {
    Map<String, StuckDeal> stuck = new HashMap<>();
    for (StuckDeal s : metrics.report().stuck()) {
      stuck.put(s.dealId(), s);
    }
    List<FlaggedDeal> flagged = new ArrayList<>();
    Map<HygieneFlag, Long> total = new EnumMap<>(HygieneFlag.class);
    Map<String, long[]> byOwner = new TreeMap<>();
    long flaggedCount = 0;
    for (Open o : open) {
      Deal d = o.deal();
      StuckDeal s = stuck.get(d.id());
      EnumSet<HygieneFlag> flags = o.flags();
      if (s != null) {
        flags = EnumSet.copyOf(flags);
        flags.add(HygieneFlag.STUCK);
      }
      String owner = Grouping.label(d.owner());
      long[] counts = byOwner.computeIfAbsent(owner, k -> new long[2 + HygieneFlag.values().length]);
      counts[0]++;
      if (flags.isEmpty()) {
        continue;
      }
      flaggedCount++;
      counts[1]++;
      for (HygieneFlag flag : flags) {
        total.merge(flag, 1L, Long::sum);
        counts[2 + flag.ordinal()]++;
      }
      Instant last = d.lastEventAt();
      Duration quiet = Duration.between(last, hygieneQuery.asOf());
      String stageName = pipeline.stage(d.stageId()).map(Stage::name).getOrElse(d.stageId());
      flagged.add(new FlaggedDeal(d.id(), d.owner(), d.stageId(), stageName, d.amount(), d.expectedClose(), last,
          (quiet.getSeconds() + quiet.getNano() / 1e9) / SECONDS_PER_DAY, flags, Option.of(s)));
    }
    flagged.sort(WORST_FIRST);
    Map<String, HygieneCounts> owners = new TreeMap<>();
    byOwner.forEach((owner, c) -> {
      Map<HygieneFlag, Long> perFlag = new EnumMap<>(HygieneFlag.class);
      for (HygieneFlag flag : HygieneFlag.values()) {
        perFlag.put(flag, c[2 + flag.ordinal()]);
      }
      owners.put(owner, new HygieneCounts(c[0], c[1], perFlag));
    });
    return HygieneReport.of(pipeline.name(), hygieneQuery, new HygieneCounts(open.size(), flaggedCount, total),
        owners, flagged);
  }
}
