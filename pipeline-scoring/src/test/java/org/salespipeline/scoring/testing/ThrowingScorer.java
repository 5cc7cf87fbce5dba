package org.salespipeline.scoring.testing;

import java.util.Set;
import org.salespipeline.core.Deal;
import org.salespipeline.scoring.Score;
import org.salespipeline.scoring.Scorer;
import org.salespipeline.scoring.ScoringContext;

/** A stub scorer, id "throws", that throws for the listed deals and scores every other 0.5. */
public record ThrowingScorer(Set<String> dealIds) implements Scorer {

  @Override
  public String id() {
    return "throws";
  }

  @Override
  public Score score(Deal deal, ScoringContext context) {
    return Score.of(probability(deal, context));
  }

  @Override
  public double probability(Deal deal, ScoringContext context) {
    if (dealIds.contains(deal.id())) {
      throw new ArithmeticException("boom on " + deal.id());
    }
    return 0.5;
  }
}
