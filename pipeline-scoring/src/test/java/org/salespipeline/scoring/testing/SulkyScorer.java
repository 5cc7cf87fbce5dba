package org.salespipeline.scoring.testing;

import org.salespipeline.core.Deal;
import org.salespipeline.scoring.Score;
import org.salespipeline.scoring.Scorer;
import org.salespipeline.scoring.ScoringContext;

/**
 * A badly behaved plugin, registered through the test class path's {@code META-INF/services}: it
 * throws for deals whose id ends in an odd digit and returns NaN for ids ending in 0.
 */
public final class SulkyScorer implements Scorer {

  /** Creates the scorer; ServiceLoader needs this public constructor. */
  public SulkyScorer() {}

  @Override
  public String id() {
    return "sulky";
  }

  @Override
  public Score score(Deal deal, ScoringContext context) {
    return Score.of(probability(deal, context));
  }

  @Override
  public double probability(Deal deal, ScoringContext context) {
    int last = deal.id().charAt(deal.id().length() - 1) - '0';
    if (last % 2 == 1) {
      throw new IllegalStateException("sulking about " + deal.id());
    }
    return last == 0 ? Double.NaN : 0.5;
  }
}
