package org.salespipeline.metrics;

import java.util.Objects;
import org.salespipeline.core.Deal;
import org.salespipeline.core.ForecastCategory;
import org.salespipeline.core.Pipeline;
import org.salespipeline.core.Stage;

/**
 * {@link ForecastCategoryRule#stage()} and {@link ForecastCategoryRule#overrideOrStage()}: one
 * instance each, so that queries using them compare equal.
 */
enum StageForecastCategory implements ForecastCategoryRule {
  STAGE {
    @Override
    public String toString() {
      return "the stage's forecast category";
    }
  },
  OVERRIDE_OR_STAGE {
    @Override
    public ForecastCategory categoryOf(Deal deal, Pipeline pipeline) {
      Objects.requireNonNull(deal, "deal");
      Objects.requireNonNull(pipeline, "pipeline");
      return deal.forecastCategoryOverride().getOrElse(() -> ofStage(deal, pipeline));
    }

    @Override
    public String toString() {
      return "the deal's forecast category override, else its stage's";
    }
  };

  @Override
  public ForecastCategory categoryOf(Deal deal, Pipeline pipeline) {
    Objects.requireNonNull(deal, "deal");
    Objects.requireNonNull(pipeline, "pipeline");
    return ofStage(deal, pipeline);
  }

  private static ForecastCategory ofStage(Deal deal, Pipeline pipeline) {
    return pipeline.stage(deal.stageId()).map(Stage::forecastCategory).getOrElseThrow(() ->
        new IllegalArgumentException("deal " + deal.id() + " is in stage '" + deal.stageId() + "', which pipeline '"
            + pipeline.id() + "' does not have"));
  }
}
