package org.salespipeline.scoring.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.salespipeline.core.Deal;
import org.salespipeline.core.DealStatus;
import org.salespipeline.core.Pipeline;
import org.salespipeline.core.Stage;

/**
 * The frequency tables of the Odoo-compatible naive Bayes scorer, learned from closed deals.
 *
 * <p>Design: training counts raw won/lost per team, per (feature, value) and per open stage, then
 * smooths every observed record by {@link #SMOOTHING} <em>per team</em> and sums the smoothed
 * records of all teams into the pooled table, exactly as Odoo stores one frequency row per team and
 * adds the rows up for its fallback. Scoring only multiplies precomputed likelihoods found in
 * hash maps, so the fast path allocates nothing for single-valued features.
 */
public final class NaiveBayesModel {

  /** Added to every observed won and lost count, as Odoo does (not 1: it weighs too much on few deals). */
  public static final double SMOOTHING = 0.1;

  private final String pipelineId;
  private final FeatureSpec[] features;
  private final @Nullable String teamAttribute;
  private final Map<String, Integer> stageIndex;
  private final List<String> stageNames;
  private final Map<String, Table> teams;
  private final Table pooled;
  private final int closedDeals;

  /**
   * How one feature is read from a deal's attributes.
   *
   * @param name the attribute key
   * @param separator the separator of a multi-valued feature, or null for a single value
   * @param minObservations a record of a multi-valued feature with fewer smoothed observations is ignored
   */
  public record FeatureSpec(String name, @Nullable String separator, double minObservations) {}

  /** The likelihoods of one team (or of all teams pooled). */
  private static final class Table {
    double priorWon;
    double priorLost;
    boolean hasPrior;
    double[] stageWon; // smoothed counts; NaN where the stage was never counted
    double[] stageLost;
    List<Map<String, double[]>> counts = new ArrayList<>(); // per feature: value -> {won, lost}, smoothed
    List<Map<String, double[]>> likelihoods = new ArrayList<>(); // per feature: value -> {P(v|won), P(v|lost)}
    double[] totalWon;
    double[] totalLost;
  }

  private NaiveBayesModel(String pipelineId, FeatureSpec[] features, @Nullable String teamAttribute,
      Map<String, Integer> stageIndex, List<String> stageNames, Map<String, Table> teams, Table pooled, int closedDeals) {
    this.pipelineId = pipelineId;
    this.features = features;
    this.teamAttribute = teamAttribute;
    this.stageIndex = stageIndex;
    this.stageNames = stageNames;
    this.teams = teams;
    this.pooled = pooled;
    this.closedDeals = closedDeals;
  }

  /**
   * Learns the tables.
   *
   * @param pipeline the pipeline of the deals
   * @param closed the closed deals to learn from
   * @param featureNames the features; empty means every attribute key of the closed deals but the team's
   * @param multiValued separator and least observations of the multi-valued features, by name
   * @param teamAttribute the attribute naming the team, or null for one pooled table
   * @return the model
   */
  public static NaiveBayesModel train(Pipeline pipeline, List<Deal> closed, List<String> featureNames,
      Map<String, FeatureSpec> multiValued, @Nullable String teamAttribute) {
    List<String> names = new ArrayList<>(featureNames);
    if (names.isEmpty()) {
      Set<String> keys = new TreeSet<>();
      for (Deal deal : closed) {
        keys.addAll(deal.attributes().keySet());
      }
      if (teamAttribute != null) {
        keys.remove(teamAttribute);
      }
      names.addAll(keys);
    }
    FeatureSpec[] specs = new FeatureSpec[names.size()];
    for (int f = 0; f < specs.length; f++) {
      specs[f] = multiValued.getOrDefault(names.get(f), new FeatureSpec(names.get(f), null, 0));
    }
    List<Stage> open = pipeline.openStages();
    Map<String, Integer> stageIndex = new HashMap<>();
    List<String> stageNames = new ArrayList<>();
    for (int i = 0; i < open.size(); i++) {
      stageIndex.put(open.get(i).id(), i);
      stageNames.add(open.get(i).name());
    }

    // raw counts per team; "" is "no team": it feeds the pooled table only, as in Odoo
    Map<String, Table> raw = new TreeMap<>();
    for (Deal deal : closed) {
      String team = teamOf(deal, teamAttribute);
      Table t = raw.computeIfAbsent(team, k -> emptyTable(open.size(), specs.length));
      boolean won = deal.status() == DealStatus.WON;
      int upTo = won ? open.size() - 1 : stageIndex.get(deal.closedFromStageId().get());
      for (int i = 0; i <= upTo; i++) {
        t.stageWon[i] = (Double.isNaN(t.stageWon[i]) ? 0 : t.stageWon[i]) + (won ? 1 : 0);
        t.stageLost[i] = (Double.isNaN(t.stageLost[i]) ? 0 : t.stageLost[i]) + (won ? 0 : 1);
      }
      for (int f = 0; f < specs.length; f++) {
        for (String value : values(deal, specs[f])) {
          double[] c = t.counts.get(f).computeIfAbsent(value, v -> new double[2]);
          c[won ? 0 : 1]++;
        }
      }
    }

    Table pooled = emptyTable(open.size(), specs.length);
    Map<String, Table> teams = new HashMap<>();
    for (Map.Entry<String, Table> entry : raw.entrySet()) {
      Table t = entry.getValue();
      smooth(t, specs);
      add(pooled, t);
      if (!entry.getKey().isEmpty()) {
        teams.put(entry.getKey(), t);
      }
    }
    for (Table t : teams.values()) {
      finish(t);
    }
    finish(pooled);
    return new NaiveBayesModel(pipeline.id(), specs, teamAttribute, Map.copyOf(stageIndex), List.copyOf(stageNames),
        Map.copyOf(teams), pooled, closed.size());
  }

  private static Table emptyTable(int stages, int featureCount) {
    Table t = new Table();
    t.stageWon = new double[stages];
    t.stageLost = new double[stages];
    java.util.Arrays.fill(t.stageWon, Double.NaN);
    java.util.Arrays.fill(t.stageLost, Double.NaN);
    for (int f = 0; f < featureCount; f++) {
      t.counts.add(new HashMap<>());
    }
    return t;
  }

  /** Adds the smoothing to every observed record and drops the thin records of multi-valued features. */
  private static void smooth(Table t, FeatureSpec[] specs) {
    for (int i = 0; i < t.stageWon.length; i++) {
      if (!Double.isNaN(t.stageWon[i])) {
        t.stageWon[i] += SMOOTHING;
        t.stageLost[i] += SMOOTHING;
      }
    }
    for (int f = 0; f < specs.length; f++) {
      double least = specs[f].minObservations();
      t.counts.get(f).values().forEach(c -> {
        c[0] += SMOOTHING;
        c[1] += SMOOTHING;
      });
      t.counts.get(f).values().removeIf(c -> c[0] + c[1] < least);
    }
  }

  private static void add(Table into, Table t) {
    for (int i = 0; i < t.stageWon.length; i++) {
      if (!Double.isNaN(t.stageWon[i])) {
        into.stageWon[i] = (Double.isNaN(into.stageWon[i]) ? 0 : into.stageWon[i]) + t.stageWon[i];
        into.stageLost[i] = (Double.isNaN(into.stageLost[i]) ? 0 : into.stageLost[i]) + t.stageLost[i];
      }
    }
    for (int f = 0; f < t.counts.size(); f++) {
      for (Map.Entry<String, double[]> e : t.counts.get(f).entrySet()) {
        double[] c = into.counts.get(f).computeIfAbsent(e.getKey(), v -> new double[2]);
        c[0] += e.getValue()[0];
        c[1] += e.getValue()[1];
      }
    }
  }

  /** Computes priors, totals and likelihoods. The first open stage counts every closed deal: its counts are the priors. */
  private static void finish(Table t) {
    t.hasPrior = !Double.isNaN(t.stageWon[0]) && t.stageWon[0] > 0 && t.stageLost[0] > 0;
    t.priorWon = t.hasPrior ? t.stageWon[0] : 0;
    t.priorLost = t.hasPrior ? t.stageLost[0] : 0;
    int n = t.counts.size();
    t.totalWon = new double[n];
    t.totalLost = new double[n];
    for (int f = 0; f < n; f++) {
      Map<String, double[]> likelihood = new HashMap<>();
      for (double[] c : t.counts.get(f).values()) {
        t.totalWon[f] += c[0];
        t.totalLost[f] += c[1];
      }
      if (t.totalWon[f] > 0 && t.totalLost[f] > 0) {
        for (Map.Entry<String, double[]> e : t.counts.get(f).entrySet()) {
          likelihood.put(e.getKey(), new double[] {e.getValue()[0] / t.totalWon[f], e.getValue()[1] / t.totalLost[f]});
        }
      }
      t.likelihoods.add(likelihood);
    }
  }

  private static String teamOf(Deal deal, @Nullable String teamAttribute) {
    if (teamAttribute == null) {
      return "";
    }
    String team = deal.attributes().get(teamAttribute);
    return team == null || team.isBlank() ? "" : team;
  }

  /** The values of a feature on a deal: none if unset or blank (Odoo skips empty values). */
  private static Set<String> values(Deal deal, FeatureSpec spec) {
    String value = deal.attributes().get(spec.name());
    if (value == null || value.isBlank()) {
      return Set.of();
    }
    if (spec.separator() == null) {
      return Set.of(value);
    }
    Set<String> parts = new LinkedHashSet<>();
    for (String part : value.split(java.util.regex.Pattern.quote(spec.separator()), -1)) {
      String trimmed = part.strip();
      if (!trimmed.isEmpty()) {
        parts.add(trimmed);
      }
    }
    return parts;
  }

  // ------------------------------------------------------------------------------------ scoring

  /**
   * Returns the pipeline the model was trained on.
   *
   * @return the pipeline id
   */
  public String pipelineId() {
    return pipelineId;
  }

  /**
   * Returns the features the model uses.
   *
   * @return the feature names in order
   */
  public List<String> features() {
    List<String> names = new ArrayList<>();
    for (FeatureSpec spec : features) {
      names.add(spec.name());
    }
    return names;
  }

  /**
   * Returns how many closed deals the model learned from.
   *
   * @return the count
   */
  public int closedDeals() {
    return closedDeals;
  }

  /**
   * Returns the teams with their own table.
   *
   * @return the team names, sorted
   */
  public Set<String> teams() {
    return new TreeSet<>(teams.keySet());
  }

  private Table tableOf(Deal deal) {
    if (teamAttribute == null) {
      return pooled;
    }
    String team = deal.attributes().get(teamAttribute);
    if (team == null) {
      return pooled;
    }
    Table t = teams.get(team);
    return t == null ? pooled : t;
  }

  /**
   * Returns the unclamped probability of an open deal, or NaN if its table has no prior (no closed deal).
   *
   * @param deal an open deal of the model's pipeline
   * @return the probability, or NaN
   */
  public double rawProbability(Deal deal) {
    Table t = tableOf(deal);
    if (!t.hasPrior) {
      return Double.NaN;
    }
    double won = t.priorWon / (t.priorWon + t.priorLost);
    double lost = t.priorLost / (t.priorWon + t.priorLost);
    Integer stage = stageIndex.get(deal.stageId());
    if (stage != null && !Double.isNaN(t.stageWon[stage])) {
      won *= t.stageWon[stage] / t.priorWon;
      lost *= t.stageLost[stage] / t.priorLost;
    }
    Map<String, String> attributes = deal.attributes();
    for (int f = 0; f < features.length; f++) {
      FeatureSpec spec = features[f];
      String value = attributes.get(spec.name());
      if (value == null) {
        continue; // a blank value was never learned, so it is not found below: skipped as Odoo does
      }
      Map<String, double[]> likelihood = t.likelihoods.get(f);
      if (spec.separator() == null) {
        double[] l = likelihood.get(value);
        if (l != null) {
          won *= l[0];
          lost *= l[1];
        }
      } else {
        for (String part : values(deal, spec)) {
          double[] l = likelihood.get(part);
          if (l != null) {
            won *= l[0];
            lost *= l[1];
          }
        }
      }
    }
    return won / (won + lost);
  }

  /**
   * One piece of evidence: a feature value (or the stage) and its likelihoods.
   *
   * @param name the feature, or {@code stage}
   * @param value the deal's value
   * @param wonCount the smoothed won count of the value
   * @param wonTotal the won total it is divided by
   * @param lostCount the smoothed lost count
   * @param lostTotal the lost total it is divided by
   */
  public record Evidence(String name, String value, double wonCount, double wonTotal, double lostCount,
      double lostTotal) {
    /**
     * Returns the log-likelihood ratio, ln(P(value | won) / P(value | lost)).
     *
     * @return the ratio's logarithm
     */
    public double logRatio() {
      return Math.log((wonCount / wonTotal) / (lostCount / lostTotal));
    }
  }

  /**
   * The explanation of a deal's probability: its table's prior and the evidence used.
   *
   * @param team the team whose table was used, or empty for the pooled table
   * @param prior the prior probability of winning
   * @param evidence the evidence multiplied in
   */
  public record Explanation(String team, double prior, List<Evidence> evidence) {}

  /**
   * Explains a deal's probability.
   *
   * @param deal an open deal whose table has a prior
   * @return the explanation
   */
  public Explanation explain(Deal deal) {
    Table t = tableOf(deal);
    String team = t == pooled ? "" : deal.attributes().get(teamAttribute);
    List<Evidence> evidence = new ArrayList<>();
    Integer stage = stageIndex.get(deal.stageId());
    if (stage != null && !Double.isNaN(t.stageWon[stage])) {
      evidence.add(new Evidence("stage", stageNames.get(stage), t.stageWon[stage], t.priorWon, t.stageLost[stage],
          t.priorLost));
    }
    for (int f = 0; f < features.length; f++) {
      if (t.likelihoods.get(f).isEmpty()) {
        continue;
      }
      for (String value : values(deal, features[f])) {
        double[] c = t.counts.get(f).get(value);
        if (c != null) {
          evidence.add(new Evidence(features[f].name(), value, c[0], t.totalWon[f], c[1], t.totalLost[f]));
        }
      }
    }
    return new Explanation(team == null ? "" : team, t.priorWon / (t.priorWon + t.priorLost), evidence);
  }
}
