package org.salespipeline.spark;

import java.util.ArrayList;
import java.util.List;
import org.salespipeline.core.Pipeline;
import org.salespipeline.core.Stage;
import org.salespipeline.history.HistoryPipeline;

/**
 * The recipe of a pipeline that can be rebuilt from its stage names: one built by
 * {@link HistoryPipeline} (what the stage-history tools use), or {@link Pipeline#standard()}.
 */
record ShippedPipeline(boolean standard, List<String> openStageNames, String wonName, String lostName)
    implements Recipe<Pipeline> {

  private static final long serialVersionUID = 1L;

  /** The recipe of a pipeline, or an exception saying to pass a recipe of one's own. */
  static Recipe<Pipeline> of(Pipeline pipeline) {
    if (pipeline.equals(Pipeline.standard())) {
      return new ShippedPipeline(true, List.of(), "", "");
    }
    List<String> names = new ArrayList<>();
    for (Stage stage : pipeline.openStages()) {
      names.add(stage.name());
    }
    ShippedPipeline recipe = new ShippedPipeline(false, List.copyOf(names), pipeline.wonStage().name(),
        pipeline.lostStage().name());
    Pipeline rebuilt;
    try {
      rebuilt = recipe.get();
    } catch (IllegalArgumentException e) {
      rebuilt = null;
    }
    if (!pipeline.equals(rebuilt)) {
      throw new IllegalArgumentException("pipeline '" + pipeline.id() + "' cannot be sent to the executors as it is:"
          + " only Pipeline.standard() and pipelines of HistoryPipeline are rebuilt from their stage names; pass a"
          + " Recipe<Pipeline> that builds it (a static factory's method reference)");
    }
    return recipe;
  }

  @Override
  public Pipeline get() {
    return standard ? Pipeline.standard() : HistoryPipeline.of(openStageNames, wonName, lostName);
  }
}
