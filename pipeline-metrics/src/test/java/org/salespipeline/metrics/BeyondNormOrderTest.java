package org.salespipeline.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.Deal;
import org.salespipeline.core.NewDeal;
import org.salespipeline.core.Pipeline;
import org.salespipeline.core.Stage;

/**
 * The bottlenecks' stages beyond their norm come most days beyond it first, not in the pipeline's
 * order: here the later stage is further beyond.
 */
class BeyondNormOrderTest {

  @Test
  void stagesBeyondTheirNorm_mostDaysFirst() {
    Pipeline pipeline = Pipeline.builder("rotting", "Rotting")
        .openStage(Stage.open("a", "A").withProbability(0.2).withRottingAfter(Duration.ofDays(20)))
        .openStage(Stage.open("b", "B").withProbability(0.5).withRottingAfter(Duration.ofDays(10)))
        .wonStage(Stage.won("won", "Won"))
        .lostStage(Stage.lost("lost", "Lost"))
        .build();
    // as of day 50: D1 has been 50 days in a (30 beyond its 20), D2 50 days in b (40 beyond its 10)
    List<Deal> deals = List.of(
        Script.open(pipeline, NewDeal.of("D1").withStage("a"), 0).deal(),
        Script.open(pipeline, NewDeal.of("D2").withStage("b"), 0).deal());

    Bottlenecks b = PipelineMetrics.of(pipeline).calculate(deals, MetricsQuery.asOf(Script.day(50))).bottlenecks();

    assertThat(b.beyondNorm()).extracting(StageExcess::stageId).containsExactly("b", "a");
    assertThat(b.beyondNorm()).extracting(StageExcess::daysBeyondNorm).containsExactly(40.0, 30.0);
  }
}
