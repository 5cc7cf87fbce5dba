package org.salespipeline.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.salespipeline.core.testing.Theories.qt;
import static org.salespipeline.core.testing.Theories.withEdges;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.Deal;
import org.salespipeline.core.Pipeline;
import org.salespipeline.core.RottingClock;
import org.salespipeline.core.Stage;
import org.salespipeline.core.TransitionPolicy;
import org.salespipeline.core.testing.DealGenerator;

/**
 * Urgency's rotting weight agrees with {@link Pipeline#isRotting} on generated deals (skips, backward
 * moves, reopens), although it decides from a deal's own instants where they suffice and reads the
 * history only in between.
 */
class UrgencyProperties {

  private static final Urgency ROT = Urgency.of(0, 30, 0.5);

  /** The standard pipeline with a rotting threshold on every open stage, on either clock. */
  private static Pipeline rotting(RottingClock clock) {
    Pipeline standard = Pipeline.standard();
    Pipeline.Builder builder = Pipeline.builder(standard.id(), standard.name())
        .policy(standard.policy().withRottingClock(clock))
        .wonStage(standard.wonStage()).lostStage(standard.lostStage());
    List<Stage> open = standard.openStages();
    for (int i = 0; i < open.size(); i++) {
      builder.openStage(open.get(i).withRottingAfter(Duration.ofDays(5L + 7L * i)));
    }
    return builder.build();
  }

  @Test
  void rottingWeight_isPipelinesIsRotting() {
    // days reach the first day (nothing rotting yet) and the last
    qt(0x5C0_0030L, 30).forAll(longs().all(), withEdges(integers().between(0, 420), 10, 0, 420), booleans().all())
        .checkAssert(UrgencyProperties::rottingWeight);
  }

  private static void rottingWeight(long seed, int day, boolean onStageEntry) {
    Pipeline pipeline = rotting(onStageEntry ? RottingClock.STAGE_ENTRY : RottingClock.LAST_ACTIVITY);
    List<Deal> deals = DealGenerator.of(pipeline, seed).deals(80);
    Instant asOf = Instant.parse("2025-01-01T00:00:00Z").plus(Duration.ofDays(day));

    for (Deal deal : deals) {
      assertThat(ROT.multiplier(deal, pipeline, asOf)).as("%s as given", deal.id())
          .isEqualTo(pipeline.isRotting(deal, asOf) ? 1.5 : 1.0);
      for (Deal then : deal.asOf(asOf)) {
        assertThat(ROT.multiplier(then, pipeline, asOf)).as("%s as of %s", deal.id(), asOf)
            .isEqualTo(pipeline.isRotting(then, asOf) ? 1.5 : 1.0);
      }
    }
  }
}
