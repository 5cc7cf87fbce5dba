package org.salespipeline.scoring.plugin;

import org.salespipeline.core.Deal;
import org.salespipeline.scoring.Score;
import org.salespipeline.scoring.Scorer;
import org.salespipeline.scoring.ScoringContext;

/** A plugin found through META-INF/services: scores every deal 0.42. */
public final class FixedScorerPlugin implements Scorer {

  /** Required by ServiceLoader. */
  public FixedScorerPlugin() {}

  @Override
  public String id() {
    return "test-fixed";
  }

  @Override
  public Score score(Deal deal, ScoringContext context) {
    return Score.of(0.42);
  }
}
