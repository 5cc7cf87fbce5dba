package org.salespipeline.metrics;

import org.salespipeline.core.Deal;
import org.salespipeline.core.ForecastCategory;
import org.salespipeline.core.Pipeline;

/**
 * Decides the forecast category of an open deal for the {@linkplain ForecastRollup forecast
 * roll-up}: the one place where a deal's category is decided.
 *
 * <p>The default, {@link #overrideOrStage()}, is the deal's own
 * {@linkplain Deal#forecastCategoryOverride() override} if a salesperson set one (Salesforce's
 * {@code Opportunity.ForecastCategoryName}, which may differ from what the stage implies), else
 * the category of its current stage, as Salesforce maps each stage to a forecast category;
 * {@link #stage()} ignores overrides. Won and lost deals never reach a rule: the roll-up
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
   * Returns the rule that takes the category of the deal's current stage, ignoring any override.
   *
   * @return the rule, never null
   */
  static ForecastCategoryRule stage() {
    return StageForecastCategory.STAGE;
  }

  /**
   * Returns the rule of SPEC §4.1 and the default of {@link ForecastQuery}: the deal's
   * {@linkplain Deal#forecastCategoryOverride() override} (as of the roll-up's as-of instant) if
   * one is in force, else the category of its current stage, as
   * {@link Pipeline#forecastCategoryOf(Deal)} decides for an open deal.
   *
   * @return the rule, never null
   */
  static ForecastCategoryRule overrideOrStage() {
    return StageForecastCategory.OVERRIDE_OR_STAGE;
  }
}
