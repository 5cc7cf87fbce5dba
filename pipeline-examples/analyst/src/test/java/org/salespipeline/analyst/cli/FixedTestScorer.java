package org.salespipeline.analyst.cli;

import java.util.List;
import org.salespipeline.core.Deal;
import org.salespipeline.scoring.Factor;
import org.salespipeline.scoring.Score;
import org.salespipeline.scoring.Scorer;
import org.salespipeline.scoring.ScoringContext;

/**
 * A scorer plugin on the test class path (listed in {@code META-INF/services}), to show that
 * {@code prioritize --scorer} finds plugins by id: every deal scores 0.42.
 */
public final class FixedTestScorer implements Scorer {

  /** The plugin's id. */
  public static final String ID = "fixed-test";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Score score(Deal deal, ScoringContext context) {
    return new Score(0.42, 0.0, List.of(new Factor("fixed", "", 0.42, "the test plugin")));
  }
}
