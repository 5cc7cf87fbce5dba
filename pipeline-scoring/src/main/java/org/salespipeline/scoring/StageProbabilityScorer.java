package org.salespipeline.scoring;

import java.util.List;
import java.util.Objects;
import org.salespipeline.core.Deal;
import org.salespipeline.core.Pipeline;
import org.salespipeline.core.Stage;

/**
 * Scores a deal with its pipeline's probability, by the precedence rule of
 * {@link Pipeline#probabilityOf(Deal)}: won 1, lost 0; else the manual override if set; else the
 * default probability of the deal's stage. Id {@code stage}.
 *
 * <p>Does not learn. Immutable and thread-safe.
 */
public final class StageProbabilityScorer implements Scorer {

  /** The id of this scorer: {@code stage}. */
  public static final String ID = "stage";

  private static final StageProbabilityScorer INSTANCE = new StageProbabilityScorer();

  private StageProbabilityScorer() {}

  /**
   * Returns the scorer.
   *
   * @return the scorer, never null
   */
  public static StageProbabilityScorer of() {
    return INSTANCE;
  }

  @Override
  public String id() {
    return ID;
  }

  /**
   * {@inheritDoc}
   *
   * @throws NotScorableException if the deal is not of the context's pipeline
   */
  @Override
  public double probability(Deal deal, ScoringContext context) {
    return context.pipeline().probabilityOf(ownDeal(deal, context));
  }

  /**
   * {@inheritDoc} The one factor says where the probability came from.
   *
   * @throws NotScorableException if the deal is not of the context's pipeline
   */
  @Override
  public Score score(Deal deal, ScoringContext context) {
    Pipeline pipeline = context.pipeline();
    double p = pipeline.probabilityOf(ownDeal(deal, context));
    Stage stage = pipeline.stage(deal.stageId()).get();
    String source;
    switch (deal.status()) {
      case WON:
        source = "won";
        break;
      case LOST:
        source = "lost";
        break;
      default:
        source = deal.probabilityOverride().isDefined() ? "manual override" : "stage default";
    }
    return new Score(p, 0.0, List.of(new Factor("stage", stage.name(), p, source)));
  }

  static Deal ownDeal(Deal deal, ScoringContext context) {
    Objects.requireNonNull(deal, "deal");
    Objects.requireNonNull(context, "context");
    if (!deal.pipelineId().equals(context.pipeline().id())) {
      throw new NotScorableException("deal " + deal.id() + " runs through pipeline '" + deal.pipelineId()
          + "', not '" + context.pipeline().id() + "'");
    }
    return deal;
  }

  @Override
  public String toString() {
    return "StageProbabilityScorer[" + ID + "]";
  }
}
