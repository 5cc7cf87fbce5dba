package org.salespipeline.metrics;

import io.vavr.control.Option;
import java.time.Duration;
import org.salespipeline.core.Money;
import org.salespipeline.core.Pipeline;
import org.salespipeline.core.Stage;

/**
 * The norm of the time in each open stage: its rotting threshold, or else the 90th percentile of
 * its completed stays when there are at least {@value #MIN_STAYS} of them.
 */
final class Norms {

  static final int MIN_STAYS = 20;
  private static final double MILLIS_PER_DAY = 86_400_000.0;

  private final Pipeline pipeline;
  private final double[] normMillis;
  private final StuckDeal.Norm[] kinds;
  /**
   * The p90 of the completed stays where it is the norm, compared with ages exactly; null for a
   * threshold. Read from the stays once here: never an order statistic per open deal.
   */
  private final DurationSummary.P90Bound[] p90;

  Norms(Pipeline pipeline, DurationSummary[] completed) {
    this.pipeline = pipeline;
    int k = pipeline.openStages().size();
    this.normMillis = new double[k];
    this.kinds = new StuckDeal.Norm[k];
    this.p90 = new DurationSummary.P90Bound[k];
    for (int s = 0; s < k; s++) {
      Stage stage = pipeline.openStages().get(s);
      if (stage.rottingAfter().isDefined()) {
        Duration threshold = stage.rottingAfter().get();
        normMillis[s] = threshold.toMillis();
        kinds[s] = StuckDeal.Norm.ROTTING_THRESHOLD;
      } else if (completed[s].count() >= MIN_STAYS) {
        normMillis[s] = completed[s].percentileMillis(0.9);
        kinds[s] = StuckDeal.Norm.P90_OF_COMPLETED_STAYS;
        p90[s] = completed[s].p90Bound();
      }
    }
  }

  boolean defined(int stage) {
    return kinds[stage] != null;
  }

  /** Exactly: a whole-millisecond threshold as a long, a p90 by its exact fraction. */
  boolean beyond(int stage, long ageMillis) {
    if (!defined(stage)) {
      return false;
    }
    return p90[stage] != null ? p90[stage].exceededBy(ageMillis) : ageMillis > (long) normMillis[stage];
  }

  StuckDeal stuck(int stage, long ageMillis, String dealId, String owner, Option<Money> amount) {
    Stage s = pipeline.openStages().get(stage);
    return new StuckDeal(dealId, owner, amount, s.id(), s.name(), ageMillis / MILLIS_PER_DAY,
        normMillis[stage] / MILLIS_PER_DAY, kinds[stage]);
  }

  /** Days beyond the norm summed over the ages of the stage's open deals, in sorted runs (order-free). */
  StageExcess excess(int stage, long[][] ageRuns) {
    long sum = 0;
    long count = 0;
    long open = 0;
    for (long[] ages : ageRuns) {
      open += ages.length;
      for (int i = ages.length - 1; i >= 0 && beyond(stage, ages[i]); i--) {
        sum += ages[i];
        count++;
      }
    }
    Stage s = pipeline.openStages().get(stage);
    return new StageExcess(s.id(), s.name(), normMillis[stage] / MILLIS_PER_DAY, kinds[stage], open, count,
        (sum - count * normMillis[stage]) / MILLIS_PER_DAY);
  }
}
