package org.salespipeline.metrics;

import org.salespipeline.core.Deal;
import org.salespipeline.core.ForecastCategory;
import org.salespipeline.core.Pipeline;

/**
 * Decides the forecast category of an open deal for the {@linkplain ForecastRollup forecast
 * roll-up}: the one place where a deal's category is decided, so that a per-deal override (as
 * HubSpot and Dynamics 365 let a salesperson set one on the deal record) can be read here.
 *
 * <p>The default, {@link #stage()}, is the category of the deal's current stage, as Salesforce
 * maps each stage to a forecast category. Won and lost deals never reach a rule: the roll-up
 * counts them by their outcome. A rule must be thread-safe and return one of
 * {@link ForecastCategory#PIPELINE}, {@link ForecastCategory#BEST_CASE},
 * {@link ForecastCategory#COMMIT} or {@link ForecastCategory#OMITTED}: an open deal is never
 * {@link ForecastCategory#CLOSED}.
 */
@FunctionalInterface
public interface ForecastCategoryRule {

  /**
   * Returns the forecast category of an open deal.
   *
   * @param deal the deal as of the roll-up's as-of instant, open, not null
   * @param pipeline the deal's pipeline, not null
   * @return the category, never null, never {@link ForecastCategory#CLOSED}
   */
  ForecastCategory categoryOf(Deal deal, Pipeline pipeline);

  /**
   * Returns the rule that takes the category of the deal's current stage.
   *
   * @return the rule, never null
   */
  static ForecastCategoryRule stage() {
    return StageForecastCategory.INSTANCE;
  }
}
