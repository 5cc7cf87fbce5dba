package org.salespipeline.scoring;

import io.vavr.control.Option;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.immutables.value.Value;
import org.salespipeline.core.Deal;
import org.salespipeline.core.internal.ValueStyle;
import org.salespipeline.scoring.internal.NaiveBayesModel;

/**
 * Frequency naive Bayes, compatible with Odoo CRM's predictive lead scoring: on the same data it
 * gives the same probabilities, so that a CRM migrating from Odoo keeps its numbers. Id
 * {@code naive-bayes}.
 *
 * <p>How it learns, as Odoo does (addons/crm, {@code crm.lead} "PLS"):
 * <ul>
 *   <li>Features are deal attributes ({@link #of(String...)}; none given means every attribute
 *       key of the closed deals). A deal's unset or blank value is skipped.</li>
 *   <li>Each closed deal counts once, won or lost, for each of its feature values, and for stages:
 *       a won deal for every open stage, a lost deal for the open stages up to (and including) the
 *       one it was lost in.</li>
 *   <li>Every observed count gets 0.1 added (smoothing), per team.</li>
 *   <li>With a {@linkplain #withTeamAttribute team attribute}, each team has its own tables; a deal
 *       of no team, or of a team with no closed deal, is scored on all teams pooled (the sum of the
 *       teams' smoothed counts, deals of no team included).</li>
 *   <li>The first open stage counts every closed deal: its won and lost counts are the priors.</li>
 * </ul>
 * Scoring an open deal: {@code S(won) = P(won) * prod P(value | won)} over its stage and feature
 * values seen in training (a stage's likelihood divides by the prior counts, a feature value's by
 * the feature's totals), likewise {@code S(lost)}; the probability is
 * {@code S(won) / (S(won) + S(lost))}, clamped to [0.0001, 0.9999] (0.01 % to 99.99 %). Odoo rounds
 * the percentage to two decimals; this scorer does not round. Won deals score 1, lost deals 0.
 *
 * <p>Multi-valued features (Odoo's tags) are read by splitting the attribute
 * ({@link #withMultiValuedFeature}); a value with fewer than the given smoothed observations (Odoo: 50)
 * is ignored.
 *
 * <p>The explanation's baseline is the prior; each piece of evidence is a factor whose contribution
 * is its share, by log-likelihood ratio, of the move from the prior to the probability; clamping is
 * a factor of its own. (Odoo's tooltip ranks the stage by {@code 1 - P(stage | lost)} instead, so
 * its order may differ.) A deal of a team also gets a {@code team} factor of no contribution, naming
 * the team and the table used (its own, or all teams pooled); a deal of no team gets none.
 *
 * <p>It learns: {@link #of} is untrained; {@link #trainedOn(ScoringContext)} returns an immutable
 * trained scorer, and {@link #trainer(ScoringContext)} the same scorer from deals given one at a
 * time. Scoring with an untrained scorer throws {@link IllegalStateException}; with one that
 * learned from no closed deal, {@link NotScorableException}. Immutable and thread-safe; equal
 * when configured alike and, if trained, by the same training (one {@link #trainedOn} call or trainer); the fast path
 * {@link #probability} allocates nothing for single-valued features.
 */
@Value.Immutable
@ValueStyle
@SuppressWarnings("exports") // the compile-only Immutables annotations are not part of the API
public abstract class NaiveBayesScorer implements Scorer {

  /** The default id of this scorer: {@code naive-bayes}. */
  public static final String ID = "naive-bayes";
  /** Least probability given to an open deal: 0.01 %. */
  public static final double MIN_PROBABILITY = 0.0001;
  /** Greatest probability given to an open deal: 99.99 %. */
  public static final double MAX_PROBABILITY = 0.9999;
  /** Odoo's least number of (smoothed) observations for a tag value to count: 50. */
  public static final double ODOO_TAG_MIN_OBSERVATIONS = 50;

  NaiveBayesScorer() {}

  /**
   * Returns an untrained scorer over attribute features.
   *
   * @param features the attribute keys to learn from, none blank; none means every attribute key
   *     of the closed deals (but the team attribute)
   * @return the untrained scorer, never null
   * @throws IllegalArgumentException if a feature is blank or repeated
   */
  public static NaiveBayesScorer of(String... features) {
    return of(List.of(Objects.requireNonNull(features, "features")));
  }

  /**
   * Returns an untrained scorer over attribute features.
   *
   * @param features the attribute keys to learn from, none blank or repeated; empty means every
   *     attribute key of the closed deals (but the team attribute)
   * @return the untrained scorer, never null
   * @throws IllegalArgumentException if a feature is blank or repeated
   */
  public static NaiveBayesScorer of(List<String> features) {
    List<String> copy = List.copyOf(Objects.requireNonNull(features, "features"));
    for (String feature : copy) {
      if (feature.isBlank()) {
        throw new IllegalArgumentException("features must not contain a blank name but were " + copy);
      }
    }
    if (copy.stream().distinct().count() != copy.size()) {
      throw new IllegalArgumentException("features must not repeat a name but were " + copy);
    }
    return ImmutableNaiveBayesScorer.builder().configuredFeatures(copy).build();
  }

  /**
   * Returns an untrained copy with per-team tables: the attribute names the deal's team.
   *
   * @param attribute the attribute key, not blank
   * @return the untrained copy, never null
   * @throws IllegalArgumentException if the attribute is blank
   */
  public NaiveBayesScorer withTeamAttribute(String attribute) {
    Objects.requireNonNull(attribute, "attribute");
    if (attribute.isBlank()) {
      throw new IllegalArgumentException("attribute must not be blank");
    }
    return ImmutableNaiveBayesScorer.builder().from(this).teamAttribute(Option.some(attribute)).model(Option.none())
        .build();
  }

  /**
   * Returns an untrained copy in which a feature holds several values (Odoo's tags), separated
   * by a separator; a value seen fewer than {@code minObservations} times (smoothed counts, won
   * plus lost, per team) is ignored. Use {@link #ODOO_TAG_MIN_OBSERVATIONS} for Odoo's tags.
   *
   * @param feature the attribute key, not blank
   * @param separator the separator, such as {@code ","}, not empty
   * @param minObservations 0 or more
   * @return the untrained copy, never null
   * @throws IllegalArgumentException if the feature is blank, the separator empty or minObservations negative
   */
  public NaiveBayesScorer withMultiValuedFeature(String feature, String separator, double minObservations) {
    Objects.requireNonNull(feature, "feature");
    Objects.requireNonNull(separator, "separator");
    if (feature.isBlank()) {
      throw new IllegalArgumentException("feature must not be blank");
    }
    if (separator.isEmpty()) {
      throw new IllegalArgumentException("separator must not be empty");
    }
    ScoringChecks.requireWeight(minObservations, "minObservations");
    Map<String, NaiveBayesModel.FeatureSpec> copy = new LinkedHashMap<>(multiValued());
    copy.put(feature, new NaiveBayesModel.FeatureSpec(feature, separator, minObservations));
    return ImmutableNaiveBayesScorer.builder().from(this).multiValued(copy).model(Option.none()).build();
  }

  /**
   * Returns a copy with another id (trained if this is).
   *
   * @param id lower-case words joined by hyphens or dots, not null
   * @return the copy, never null
   * @throws IllegalArgumentException if the id is not of that form
   */
  public abstract NaiveBayesScorer withId(String id);

  @Override
  @Value.Default
  public String id() {
    return ID;
  }

  /** The features as configured: empty for every attribute key of the closed deals. */
  abstract List<String> configuredFeatures();

  /** The multi-valued features by name. */
  abstract Map<String, NaiveBayesModel.FeatureSpec> multiValued();

  /** The learned tables, none until trained. */
  @Value.Default
  Option<NaiveBayesModel> model() {
    return Option.none();
  }

  abstract NaiveBayesScorer withModel(Option<NaiveBayesModel> model);

  @Value.Check
  void check() {
    ScoringChecks.requireId(id(), "id");
  }

  @Override
  public boolean learns() {
    return true;
  }

  @Override
  public boolean isTrained() {
    return model().isDefined();
  }

  /**
   * Returns the features: those configured, or once trained those learned.
   *
   * @return the attribute keys, never null
   */
  public List<String> features() {
    return model().map(NaiveBayesModel::features).getOrElse(configuredFeatures());
  }

  /**
   * Returns the attribute naming the team, if per-team tables are used.
   *
   * @return the attribute key, or none
   */
  @Value.Default
  public Option<String> teamAttribute() {
    return Option.none();
  }

  /**
   * Returns how many closed deals the trained scorer learned from.
   *
   * @return the count, or none if untrained
   */
  public Option<Integer> closedDealsLearned() {
    return model().map(NaiveBayesModel::closedDeals);
  }

  @Override
  public NaiveBayesScorer trainedOn(ScoringContext context) {
    Objects.requireNonNull(context, "context");
    NaiveBayesModel learned = NaiveBayesModel.train(context.pipeline(), context.closedHistory(), configuredFeatures(),
        multiValued(), teamAttribute().getOrNull());
    return withModel(Option.some(learned));
  }

  /**
   * Returns a trainer that counts the closed deals as they come, holding no deal (its tables grow
   * with the teams and distinct attribute values, not with the deals): the same scorer as
   * {@link #trainedOn} over the same deals, to the last bit of every probability.
   *
   * @param context the pipeline and the as-of instant; its history is learned from first; not null
   * @return a new trainer, never null
   */
  @Override
  public ScorerTrainer trainer(ScoringContext context) {
    Objects.requireNonNull(context, "context");
    NaiveBayesModel.Trainer counts = new NaiveBayesModel.Trainer(context.pipeline(), configuredFeatures(),
        multiValued(), teamAttribute().getOrNull());
    context.closedHistory().forEach(counts::add);
    return new OneTimeTrainer<NaiveBayesScorer>(context) {
      @Override
      void learn(Deal closed) {
        counts.add(closed);
      }

      @Override
      NaiveBayesScorer build() {
        return withModel(Option.some(counts.model()));
      }
    };
  }

  @Override
  public double probability(Deal deal, ScoringContext context) {
    NaiveBayesModel m = checked(deal, context);
    if (deal.status().isClosed()) {
      return deal.status().closedProbability().get();
    }
    double p = m.rawProbability(deal);
    if (Double.isNaN(p)) {
      throw noPrior(deal);
    }
    return clamp(p);
  }

  @Override
  public Score score(Deal deal, ScoringContext context) {
    NaiveBayesModel m = checked(deal, context);
    if (!deal.isOpen()) {
      double p = probability(deal, context);
      return new Score(p, p, List.of(new Factor("status", deal.status().name(), 0.0, "closed")));
    }
    double raw = m.rawProbability(deal);
    if (Double.isNaN(raw)) {
      throw noPrior(deal);
    }
    double p = clamp(raw);
    NaiveBayesModel.Explanation explanation = m.explain(deal);
    double prior = explanation.prior();
    double sumLogRatio = 0;
    for (NaiveBayesModel.Evidence e : explanation.evidence()) {
      sumLogRatio += e.logRatio();
    }
    // each piece of evidence gets the share of (raw - prior) its log-likelihood ratio carries; near a zero
    // sum the first-order slope prior * (1 - prior) avoids cancellation
    double slope = Math.abs(sumLogRatio) < 1e-6 ? prior * (1 - prior) : (raw - prior) / sumLogRatio;
    List<Factor> factors = new ArrayList<>();
    // The team is not evidence: it picks the table, so its factor contributes nothing and is there to
    // say which table was used, like the team name Odoo's tooltip shows next to the criteria
    // (crm.lead prepare_pls_tooltip_data: "team_name: name of lead team if any"). A deal of no team
    // shows none, as Odoo does.
    String team = teamAttribute().map(deal.attributes()::get).getOrNull();
    if (team != null && !team.isBlank()) {
      factors.add(new Factor("team", team, 0.0,
          explanation.team().isEmpty() ? "no table of its own: all teams pooled" : "the team's own table"));
    }
    for (NaiveBayesModel.Evidence e : explanation.evidence()) {
      factors.add(new Factor(e.name(), e.value(), slope * e.logRatio(), String.format(Locale.ROOT,
          "won %.1f of %.1f, lost %.1f of %.1f", e.wonCount(), e.wonTotal(), e.lostCount(), e.lostTotal())));
    }
    if (p != raw) {
      factors.add(new Factor("clamp", "", p - raw, "held within [0.01 %, 99.99 %]"));
    }
    double explained = prior;
    for (Factor f : factors) {
      explained += f.contribution();
    }
    if (Math.abs(explained - p) > 1e-6) {
      throw new IllegalStateException("bug: naive Bayes explanation adds up to " + explained + ", not " + p);
    }
    return new Score(p, prior, factors);
  }

  private static double clamp(double p) {
    return Math.max(MIN_PROBABILITY, Math.min(MAX_PROBABILITY, p));
  }

  private NaiveBayesModel checked(Deal deal, ScoringContext context) {
    Objects.requireNonNull(deal, "deal");
    Objects.requireNonNull(context, "context");
    NaiveBayesModel m = model().getOrNull();
    if (m == null) {
      throw new IllegalStateException("scorer '" + id() + "' is not trained: call trainedOn(context) first");
    }
    if (!m.pipelineId().equals(deal.pipelineId())) {
      throw new NotScorableException("scorer '" + id() + "' was trained on pipeline '" + m.pipelineId()
          + "', but deal " + deal.id() + " runs through '" + deal.pipelineId() + "'");
    }
    return m;
  }

  private NotScorableException noPrior(Deal deal) {
    return new NotScorableException("scorer '" + id() + "' learned from no closed deal"
        + (teamAttribute().isEmpty() ? "" : " of deal " + deal.id() + "'s team or of any team"));
  }

  @Override
  public String toString() {
    return "NaiveBayesScorer[" + id() + ", features " + features() + teamAttribute().map(t -> ", team " + t).getOrElse("")
        + model().map(m -> ", trained on " + m.closedDeals() + " closed deals]").getOrElse(", untrained]");
  }
}
