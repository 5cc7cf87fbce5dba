package org.salespipeline.metrics;

import java.util.Objects;
import org.salespipeline.core.Deal;
import org.salespipeline.core.ForecastCategory;
import org.salespipeline.core.Pipeline;
import org.salespipeline.core.Stage;

/** {@link ForecastCategoryRule#stage()}: one instance, so that queries using it compare equal. */
enum StageForecastCategory implements ForecastCategoryRule {
  INSTANCE;

  @Override
  public ForecastCategory categoryOf(Deal deal, Pipeline pipeline) {
    Objects.requireNonNull(deal, "deal");
    Objects.requireNonNull(pipeline, "pipeline");
    return pipeline.stage(deal.stageId()).map(Stage::forecastCategory).getOrElseThrow(() ->
        new IllegalArgumentException("deal " + deal.id() + " is in stage '" + deal.stageId() + "', which pipeline '"
            + pipeline.id() + "' does not have"));
  }

  @Override
  public String toString() {
    return "the stage's forecast category";
  }
}
