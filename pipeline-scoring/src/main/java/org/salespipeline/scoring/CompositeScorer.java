package org.salespipeline.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.salespipeline.core.Deal;

/**
 * A weighted blend of other scorers: {@code sum(weight * probability) / sum(weight)}. Id
 * {@code composite} unless given.
 *
 * <pre>{@code
 * Scorer blend = CompositeScorer.builder()
 *     .add(QualificationScorecard.bant(), 1)
 *     .add(NaiveBayesScorer.of("source", "segment"), 2)
 *     .build();
 * }</pre>
 *
 * <p>It learns if any part learns: {@link #trainedOn} trains every part, and {@link #trainer}
 * trains every part with the part's own trainer, one deal at a time. The explanation blends
 * the parts' explanations: the baseline is the weighted baseline, each part's factors are scaled by
 * its weight share and named {@code part-id/factor}. A part's failure is the blend's failure.
 * Immutable and thread-safe if its parts are.
 */
public final class CompositeScorer implements Scorer {

  /** The default id of this scorer: {@code composite}. */
  public static final String ID = "composite";

  private final String id;
  private final Scorer[] parts;
  private final double[] shares;
  private final double[] weights;

  private CompositeScorer(String id, Scorer[] parts, double[] weights) {
    this.id = id;
    this.parts = parts;
    this.weights = weights;
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    this.shares = new double[weights.length];
    for (int i = 0; i < weights.length; i++) {
      shares[i] = weights[i] / total;
    }
  }

  /**
   * Starts building a blend.
   *
   * @return a new builder, never null
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String id() {
    return id;
  }

  /**
   * Returns the parts, in the order added.
   *
   * @return the scorers, never empty
   */
  public List<Scorer> parts() {
    return List.of(parts);
  }

  /**
   * Returns the weight of each part, in the order added.
   *
   * @return the weights, never empty
   */
  public List<Double> weights() {
    List<Double> list = new ArrayList<>();
    for (double w : weights) {
      list.add(w);
    }
    return List.copyOf(list);
  }

  @Override
  public boolean learns() {
    for (Scorer part : parts) {
      if (part.learns()) {
        return true;
      }
    }
    return false;
  }

  @Override
  public boolean isTrained() {
    for (Scorer part : parts) {
      if (!part.isTrained()) {
        return false;
      }
    }
    return true;
  }

  @Override
  public CompositeScorer trainedOn(ScoringContext context) {
    Objects.requireNonNull(context, "context");
    Scorer[] trained = new Scorer[parts.length];
    for (int i = 0; i < parts.length; i++) {
      trained[i] = Objects.requireNonNull(parts[i].trainedOn(context),
          () -> "scorer '" + id + "': a part returned null from trainedOn");
    }
    return new CompositeScorer(id, trained, weights);
  }

  /**
   * Returns a trainer that gives each deal to a trainer of each part ({@link Scorer#trainer}) and
   * blends the parts it trained: a blend of learners that count as the deals come
   * ({@link HistoricalWinRateScorer}, {@link NaiveBayesScorer}) holds no deal, a part with the
   * default trainer keeps the closed deals for itself alone. The scorer it gives is the one
   * {@link #trainedOn} gives over the same deals.
   *
   * @param context the pipeline and the as-of instant; its history, if any, is learned from first;
   *     not null
   * @return a new trainer, never null
   */
  @Override
  public ScorerTrainer trainer(ScoringContext context) {
    Objects.requireNonNull(context, "context");
    ScorerTrainer[] trainers = new ScorerTrainer[parts.length];
    for (int i = 0; i < parts.length; i++) {
      trainers[i] = Objects.requireNonNull(parts[i].trainer(context),
          () -> "scorer '" + id + "': a part returned null from trainer");
    }
    return new Training(context, trainers);
  }

  /** The parts' trainers, each given every deal closed at the as-of instant. */
  private final class Training extends OneTimeTrainer<CompositeScorer> {

    private final ScorerTrainer[] trainers;

    Training(ScoringContext context, ScorerTrainer[] trainers) {
      super(context);
      this.trainers = trainers;
    }

    @Override
    void learn(Deal closed) {
      for (ScorerTrainer trainer : trainers) {
        trainer.add(closed);
      }
    }

    @Override
    CompositeScorer build() {
      Scorer[] trained = new Scorer[trainers.length];
      for (int i = 0; i < trainers.length; i++) {
        trained[i] = Objects.requireNonNull(trainers[i].trained(),
            () -> "scorer '" + id + "': a part's trainer returned null from trained");
      }
      return new CompositeScorer(id, trained, weights);
    }
  }

  @Override
  public double probability(Deal deal, ScoringContext context) {
    double p = 0;
    for (int i = 0; i < parts.length; i++) {
      p += shares[i] * checked(parts[i], parts[i].probability(deal, context), deal);
    }
    return Math.max(0.0, Math.min(1.0, p));
  }

  @Override
  public Score score(Deal deal, ScoringContext context) {
    double p = 0;
    double baseline = 0;
    List<Factor> factors = new ArrayList<>();
    for (int i = 0; i < parts.length; i++) {
      Score part = Objects.requireNonNull(parts[i].score(deal, context),
          () -> "scorer '" + id + "': a part returned a null score");
      p += shares[i] * part.probability();
      baseline += shares[i] * part.baseline();
      for (Factor f : part.factors()) {
        factors.add(new Factor(parts[i].id() + "/" + f.name(), f.value(), shares[i] * f.contribution(),
            f.note().isEmpty() ? String.format(Locale.ROOT, "weight %.2f", shares[i])
                : f.note() + String.format(Locale.ROOT, "; weight %.2f", shares[i])));
      }
    }
    return new Score(Math.max(0.0, Math.min(1.0, p)), Math.max(0.0, Math.min(1.0, baseline)), factors);
  }

  private double checked(Scorer part, double p, Deal deal) {
    if (!(p >= 0.0 && p <= 1.0)) {
      throw new IllegalStateException("scorer '" + id + "': part '" + part.id() + "' returned " + p + " for deal "
          + deal.id() + ", not a probability within [0, 1]");
    }
    return p;
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("CompositeScorer[").append(id);
    for (int i = 0; i < parts.length; i++) {
      text.append(i == 0 ? ": " : ", ").append(parts[i].id()).append(" x ").append(weights[i]);
    }
    return text.append(']').toString();
  }

  /** Builds a {@link CompositeScorer}. Not thread-safe; build once and share the scorer. */
  public static final class Builder {
    private String id = ID;
    private final List<Scorer> parts = new ArrayList<>();
    private final List<Double> weights = new ArrayList<>();

    private Builder() {}

    /**
     * Sets the id of the blend.
     *
     * @param scorerId lower-case words joined by hyphens or dots, not null
     * @return this builder
     * @throws IllegalArgumentException if the id is not of that form
     */
    public Builder id(String scorerId) {
      this.id = ScoringChecks.requireId(scorerId, "scorerId");
      return this;
    }

    /**
     * Adds a part with its weight.
     *
     * @param scorer the part, not null
     * @param weight its relative weight, finite and greater than 0
     * @return this builder
     * @throws IllegalArgumentException if the weight is not finite and positive
     */
    public Builder add(Scorer scorer, double weight) {
      Objects.requireNonNull(scorer, "scorer");
      if (!(weight > 0) || Double.isInfinite(weight)) {
        throw new IllegalArgumentException("weight of scorer '" + SafeScoring.safeId(scorer)
            + "' must be finite and greater than 0 but was " + weight);
      }
      parts.add(scorer);
      weights.add(weight);
      return this;
    }

    /**
     * Builds the blend.
     *
     * @return the scorer, never null
     * @throws IllegalArgumentException if no part was added
     */
    public CompositeScorer build() {
      if (parts.isEmpty()) {
        throw new IllegalArgumentException("a composite scorer needs at least one part");
      }
      double[] w = new double[weights.size()];
      for (int i = 0; i < w.length; i++) {
        w[i] = weights.get(i);
      }
      return new CompositeScorer(id, parts.toArray(new Scorer[0]), w);
    }
  }
}
