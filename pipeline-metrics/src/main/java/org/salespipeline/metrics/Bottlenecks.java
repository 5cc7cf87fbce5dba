package org.salespipeline.metrics;

import io.vavr.control.Option;
import java.util.List;

/**
 * Where deals get stuck: the stage with the lowest conversion, the stage with the longest median
 * completed stay, and the stages ranked by the open-deal days spent beyond their norm.
 *
 * <p>Ties go to the earlier stage. Immutable and thread-safe.
 *
 * @param lowestConversion the funnel stage with the lowest conversion, or none if no stage has one
 * @param longestMedianStay the stage with the longest median completed stay, or none if no stage
 *     has a completed stay
 * @param beyondNorm the stages that have a norm, most open-deal days beyond it first
 */
public record Bottlenecks(
    Option<FunnelStage> lowestConversion, Option<StageTime> longestMedianStay, List<StageExcess> beyondNorm) {

  /**
   * Creates the value, copying the list.
   *
   * @param lowestConversion the funnel stage with the lowest conversion, or none
   * @param longestMedianStay the stage with the longest median completed stay, or none
   * @param beyondNorm the stages that have a norm, most open-deal days beyond it first
   */
  public Bottlenecks {
    beyondNorm = List.copyOf(beyondNorm);
  }
}
