package org.salespipeline.scoring.testing;

import org.salespipeline.core.Deal;
import org.salespipeline.scoring.Score;
import org.salespipeline.scoring.Scorer;
import org.salespipeline.scoring.ScoringContext;

/**
 * A stub scorer that gives every deal the same value, even an invalid one, on both paths; the
 * tests' one constant scorer. As a plugin (listed in a test class path's {@code META-INF/services})
 * it is {@value #ID} and scores 0.42.
 */
public class FixedScorer implements Scorer {

  /** The id of the plugin form. */
  public static final String ID = "test-fixed";

  private final String id;
  private final double value;

  /** The plugin form: {@value #ID}, 0.42; ServiceLoader needs this public constructor. */
  public FixedScorer() {
    this(ID, 0.42);
  }

  /**
   * A scorer with this id that answers this value, unchecked.
   *
   * @param id the scorer id
   * @param value the probability it answers, NaN and out-of-range values included
   */
  public FixedScorer(String id, double value) {
    this.id = id;
    this.value = value;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public Score score(Deal deal, ScoringContext context) {
    return Score.of(value);
  }

  @Override
  public double probability(Deal deal, ScoringContext context) {
    return value;
  }

  /** A plugin whose id is not valid ("Bad Id"): discovery leaves it out and says why. */
  public static final class BadId extends FixedScorer {

    /** ServiceLoader needs this public constructor. */
    public BadId() {
      super("Bad Id", 0.1);
    }
  }
}
