package org.salespipeline.scoring;

import java.util.Set;
import org.salespipeline.core.Deal;

/** Misbehaving and trivial scorers for tests. */
final class TestScorers {

  private TestScorers() {}

  /** Returns a fixed value, even an invalid one, on both paths (the score path checks it like a plugin would not). */
  record Constant(String id, double value) implements Scorer {
    @Override
    public Score score(Deal deal, ScoringContext context) {
      return Score.of(value);
    }

    @Override
    public double probability(Deal deal, ScoringContext context) {
      return value;
    }
  }

  /** Throws for the listed deals, scores 0.5 otherwise. */
  record ThrowsFor(Set<String> dealIds) implements Scorer {
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
}
