package org.salespipeline.scoring.plugin;

import org.salespipeline.core.Deal;
import org.salespipeline.scoring.Score;
import org.salespipeline.scoring.Scorer;
import org.salespipeline.scoring.ScoringContext;

/** A plugin whose id is not valid: discovery leaves it out and says why. */
public final class BadIdPlugin implements Scorer {

  /** Required by ServiceLoader. */
  public BadIdPlugin() {}

  @Override
  public String id() {
    return "Bad Id";
  }

  @Override
  public Score score(Deal deal, ScoringContext context) {
    return Score.of(0.1);
  }
}
