package org.salespipeline.embedding.plugin;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.salespipeline.core.Deal;
import org.salespipeline.core.QualificationLevel;
import org.salespipeline.scoring.Factor;
import org.salespipeline.scoring.Score;
import org.salespipeline.scoring.Scorer;
import org.salespipeline.scoring.ScoringContext;

/**
 * Scores how engaged a prospect is: the level of interest the salesperson recorded, and how
 * recently anyone was in touch (the last recorded activity, measured at the context's as-of
 * instant). A deal nobody touched for a month is cooling, whatever its stage says.
 *
 * <p>Starts from an even chance (0.5); interest moves it by up to +0.20 / −0.30 and recency by up
 * to +0.15 / −0.20, so the score stays within [0, 1] and its factors add up exactly. Stateless,
 * so thread-safe. Registered for {@link java.util.ServiceLoader} under the id {@value #ID}.
 */
public final class EngagementScorer implements Scorer {

  /** The scorer's stable id. */
  public static final String ID = "engagement";

  private static final double BASELINE = 0.5;

  /** Creates the scorer; {@link java.util.ServiceLoader} needs this public constructor. */
  public EngagementScorer() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Score score(Deal deal, ScoringContext context) {
    QualificationLevel interest = deal.qualification().interest();
    long quietDays = quietDays(deal, context);
    List<Factor> factors = new ArrayList<>(2);
    factors.add(new Factor("interest", interest.name(), interestContribution(interest), "recorded interest level"));
    factors.add(new Factor("last activity", quietDays + " days ago", recencyContribution(quietDays),
        "touched within a week helps, silent for a month hurts"));
    return new Score(probability(deal, context), BASELINE, factors);
  }

  @Override
  public double probability(Deal deal, ScoringContext context) {
    double p = BASELINE + interestContribution(deal.qualification().interest())
        + recencyContribution(quietDays(deal, context));
    return Math.max(0.0, Math.min(1.0, p));
  }

  private static long quietDays(Deal deal, ScoringContext context) {
    Duration quiet = Duration.between(deal.lastActivityAt(), context.asOf());
    return Math.max(0, quiet.toDays());
  }

  private static double interestContribution(QualificationLevel interest) {
    switch (interest) {
      case YES:
        return 0.20;
      case PARTIAL:
        return 0.05;
      case NO:
        return -0.30;
      default:
        return 0.0;
    }
  }

  private static double recencyContribution(long quietDays) {
    if (quietDays <= 7) {
      return 0.15;
    }
    return quietDays <= 30 ? 0.0 : -0.20;
  }
}
