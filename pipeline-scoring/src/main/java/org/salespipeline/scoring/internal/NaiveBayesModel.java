package org.salespipeline.scoring.internal;

import java.util.ArrayList;
import java.util.Arrays;
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
import org.salespipeline.core.internal.DealCursor;

/**
 * The frequency tables of the Odoo-compatible naive Bayes scorer, learned from closed deals.
 *
 * <p>Design: training counts raw won/lost per team, per (feature, value) and per open stage, then
 * smooths every observed record by {@link #SMOOTHING} <em>per team</em> and sums the smoothed
 * records of all teams into the pooled table, exactly as Odoo stores one frequency row per team and
 * adds the rows up for its fallback.
 *
 * <p>Scoring ({@link #rawProbability}) runs millions of times, so training also lays the tables out
 * for it: every feature value seen in training gets a dense number ({@link StringIndex}, shared by all
 * teams), each table holds its likelihoods in arrays by that number (1.0 where the table never saw
 * the value: multiplying by it changes nothing), and the prior times the stage likelihood is kept per
 * stage. A deal then costs one attribute lookup per feature, one index probe per value and two
 * multiplications, with nothing allocated for single-valued features. The products are taken in
 * the formula's order (prior, stage, then the features in order), so a probability does not depend
 * on this layout to the last bit. The count maps stay for {@link #explain}.
 */
public final class NaiveBayesModel {


  /** Added to every observed won and lost count, as Odoo does (not 1: it weighs too much on few deals). */
  public static final double SMOOTHING = 0.1;

  private final String pipelineId;
  private final FeatureSpec[] features;
  private final String[] featureNames; // features[f].name(), read on the fast path
  private final boolean[] multiValued;
  private final StringIndex[] values; // per feature: value -> number, over all tables
  private final @Nullable String teamAttribute;
  private final StringIndex teamIndex; // team -> position in teamTables
  private final Table[] teamTables;
  private final String[] stageIds; // open stages in order; the last slot of Table.startWon is "no such stage"
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
    // the fast path's layout (see the class comment), set by layOut
    double[] startWon = new double[0]; // by stage, then one for a stage the model does not know
    double[] startLost = new double[0];
    double[] valueWon = new double[0]; // by value number; 1.0 where this table has no likelihood
    double[] valueLost = new double[0];
  }

  private NaiveBayesModel(String pipelineId, FeatureSpec[] features, @Nullable String teamAttribute,
      List<String> stageIds, List<String> stageNames, Map<String, Table> teams, Table pooled, int closedDeals) {
    this.pipelineId = pipelineId;
    this.features = features;
    this.teamAttribute = teamAttribute;
    this.stageIds = stageIds.toArray(new String[0]);
    Map<String, Integer> byId = new HashMap<>();
    for (int i = 0; i < stageIds.size(); i++) {
      byId.put(stageIds.get(i), i);
    }
    this.stageIndex = Map.copyOf(byId);
    this.stageNames = stageNames;
    this.teams = teams;
    this.pooled = pooled;
    this.closedDeals = closedDeals;
    this.featureNames = new String[features.length];
    this.multiValued = new boolean[features.length];
    this.values = new StringIndex[features.length];
    int firstId = 0;
    for (int f = 0; f < features.length; f++) {
      featureNames[f] = features[f].name();
      multiValued[f] = features[f].separator() != null;
      Set<String> seen = new TreeSet<>(pooled.likelihoods.get(f).keySet());
      for (Table t : teams.values()) {
        seen.addAll(t.likelihoods.get(f).keySet());
      }
      values[f] = new StringIndex(List.copyOf(seen), firstId);
      firstId += seen.size();
    }
    List<String> teamNames = List.copyOf(new TreeSet<>(teams.keySet()));
    this.teamIndex = new StringIndex(teamNames, 0);
    this.teamTables = new Table[teamNames.size()];
    for (int i = 0; i < teamTables.length; i++) {
      teamTables[i] = teams.get(teamNames.get(i));
      layOut(teamTables[i], firstId);
    }
    layOut(pooled, firstId);
  }

  /** Fills a table's arrays for the fast path, with the very operations rawProbability used to do per deal. */
  private void layOut(Table t, int valueCount) {
    int stages = stageIds.length;
    t.startWon = new double[stages + 1];
    t.startLost = new double[stages + 1];
    if (t.hasPrior) {
      double won = t.priorWon / (t.priorWon + t.priorLost);
      double lost = t.priorLost / (t.priorWon + t.priorLost);
      for (int s = 0; s < stages; s++) {
        boolean counted = !Double.isNaN(t.stageWon[s]);
        t.startWon[s] = counted ? won * (t.stageWon[s] / t.priorWon) : won;
        t.startLost[s] = counted ? lost * (t.stageLost[s] / t.priorLost) : lost;
      }
      t.startWon[stages] = won;
      t.startLost[stages] = lost;
    }
    t.valueWon = new double[valueCount];
    t.valueLost = new double[valueCount];
    Arrays.fill(t.valueWon, 1.0);
    Arrays.fill(t.valueLost, 1.0);
    for (int f = 0; f < features.length; f++) {
      for (Map.Entry<String, double[]> e : t.likelihoods.get(f).entrySet()) {
        int id = values[f].idOf(e.getKey());
        t.valueWon[id] = e.getValue()[0];
        t.valueLost[id] = e.getValue()[1];
      }
    }
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
    Trainer trainer = new Trainer(pipeline, featureNames, multiValued, teamAttribute);
    for (Deal deal : closed) {
      trainer.add(deal);
    }
    return trainer.model();
  }

  /**
   * Counts closed deals one at a time, holding only the counts, and then learns the tables from
   * them: {@link #train} adds each deal of its list to one.
   *
   * <p>Design: the raw counts are whole numbers kept in doubles (exact far beyond any number of
   * deals), so the order in which deals come changes no count; a feature's counts are kept by its
   * name, as its values come, because without configured features the features are only known
   * once every deal has been seen (every attribute key, in name order). Smoothing, the pooled table
   * and the likelihoods are computed from the counts at the end, as they always were.
   */
  public static final class Trainer {

    private final Pipeline pipeline;
    private final List<Stage> open;
    private final Map<String, Integer> stageIndex = new HashMap<>();
    private final List<String> featureNames;
    private final Map<String, FeatureSpec> multiValued;
    private final @Nullable String teamAttribute;
    /** Raw counts per team; "" is "no team": it feeds the pooled table only, as in Odoo. */
    private final Map<String, RawTable> raw = new TreeMap<>();
    /** Every attribute key of the closed deals but the team's, when no feature is configured. */
    private final Set<String> keys = new TreeSet<>();
    private int closedDeals;

    /** The counts of one team before smoothing: per stage, and per feature name then value. */
    private static final class RawTable {
      final double[] stageWon;
      final double[] stageLost;
      final Map<String, Map<String, double[]>> counts = new HashMap<>();

      RawTable(int stages) {
        stageWon = new double[stages];
        stageLost = new double[stages];
        Arrays.fill(stageWon, Double.NaN);
        Arrays.fill(stageLost, Double.NaN);
      }
    }

    /**
     * Starts counting.
     *
     * @param pipeline the pipeline of the deals
     * @param featureNames the features; empty means every attribute key of the closed deals but the team's
     * @param multiValued separator and least observations of the multi-valued features, by name
     * @param teamAttribute the attribute naming the team, or null for one pooled table
     */
    public Trainer(Pipeline pipeline, List<String> featureNames, Map<String, FeatureSpec> multiValued,
        @Nullable String teamAttribute) {
      this.pipeline = pipeline;
      this.open = pipeline.openStages();
      for (int i = 0; i < open.size(); i++) {
        stageIndex.put(open.get(i).id(), i);
      }
      this.featureNames = List.copyOf(featureNames);
      this.multiValued = multiValued;
      this.teamAttribute = teamAttribute;
    }

    private FeatureSpec spec(String name) {
      return multiValued.getOrDefault(name, new FeatureSpec(name, null, 0));
    }

    /**
     * Counts one closed deal.
     *
     * @param deal a deal of the pipeline, won or lost
     */
    public void add(Deal deal) {
      closedDeals++;
      String team = teamOf(deal, teamAttribute);
      RawTable t = raw.computeIfAbsent(team, k -> new RawTable(open.size()));
      boolean won = deal.status() == DealStatus.WON;
      int upTo = won ? open.size() - 1 : stageIndex.get(deal.closedFromStageId().get());
      for (int i = 0; i <= upTo; i++) {
        t.stageWon[i] = (Double.isNaN(t.stageWon[i]) ? 0 : t.stageWon[i]) + (won ? 1 : 0);
        t.stageLost[i] = (Double.isNaN(t.stageLost[i]) ? 0 : t.stageLost[i]) + (won ? 0 : 1);
      }
      if (featureNames.isEmpty()) {
        for (String key : deal.attributes().keySet()) {
          if (!key.equals(teamAttribute)) {
            keys.add(key);
            count(t, deal, key, won);
          }
        }
      } else {
        for (String name : featureNames) {
          count(t, deal, name, won);
        }
      }
    }

    private void count(RawTable t, Deal deal, String name, boolean won) {
      for (String value : values(deal, spec(name))) {
        double[] c = t.counts.computeIfAbsent(name, n -> new HashMap<>()).computeIfAbsent(value, v -> new double[2]);
        c[won ? 0 : 1]++;
      }
    }

    /**
     * Learns the tables from the deals counted.
     *
     * @return the model
     */
    public NaiveBayesModel model() {
      List<String> names = featureNames.isEmpty() ? List.copyOf(keys) : featureNames;
      FeatureSpec[] specs = new FeatureSpec[names.size()];
      for (int f = 0; f < specs.length; f++) {
        specs[f] = spec(names.get(f));
      }
      List<String> stageNames = new ArrayList<>();
      for (Stage stage : open) {
        stageNames.add(stage.name());
      }
      Table pooled = emptyTable(open.size(), specs.length);
      Map<String, Table> teams = new HashMap<>();
      for (Map.Entry<String, RawTable> entry : raw.entrySet()) {
        Table t = table(entry.getValue(), names);
        smooth(t, specs);
        NaiveBayesModel.add(pooled, t);
        if (!entry.getKey().isEmpty()) {
          teams.put(entry.getKey(), t);
        }
      }
      for (Table t : teams.values()) {
        finish(t);
      }
      finish(pooled);
      List<String> stageIds = new ArrayList<>();
      for (Stage stage : open) {
        stageIds.add(stage.id());
      }
      return new NaiveBayesModel(pipeline.id(), specs, teamAttribute, stageIds, List.copyOf(stageNames),
          Map.copyOf(teams), pooled, closedDeals);
    }

    /** A team's raw counts as a table of the model's features, in their order. */
    private Table table(RawTable t, List<String> names) {
      Table table = new Table();
      table.stageWon = t.stageWon;
      table.stageLost = t.stageLost;
      for (String name : names) {
        Map<String, double[]> counts = t.counts.get(name);
        table.counts.add(counts == null ? new HashMap<>() : counts);
      }
      return table;
    }
  }

  private static Table emptyTable(int stages, int featureCount) {
    Table t = new Table();
    t.stageWon = new double[stages];
    t.stageLost = new double[stages];
    Arrays.fill(t.stageWon, Double.NaN);
    Arrays.fill(t.stageLost, Double.NaN);
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
    String value = DealCursor.attributeOf(deal, spec.name());
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
    return teamAttribute == null ? pooled : tableOf(DealCursor.attributeOf(deal, teamAttribute));
  }

  private Table tableOf(@Nullable String team) {
    int i = teamIndex.idOf(team);
    return i < 0 ? pooled : teamTables[i];
  }

  /** The position of a stage among the open stages, or their count if it is none of them. */
  private int stageOf(String stageId) {
    String[] ids = stageIds;
    for (int s = 0; s < ids.length; s++) {
      if (ids[s] == stageId) {
        return s;
      }
    }
    for (int s = 0; s < ids.length; s++) {
      if (ids[s].equals(stageId)) {
        return s;
      }
    }
    return ids.length;
  }

  /**
   * Returns the unclamped probability of an open deal, or NaN if its table has no prior (no closed deal).
   * Allocates nothing for single-valued features.
   *
   * @param deal an open deal of the model's pipeline
   * @return the probability, or NaN
   */
  public double rawProbability(Deal deal) {
    // attributes read in place: a map view per deal would be the only allocation of the path
    Table t = teamAttribute == null ? pooled : tableOf(DealCursor.attributeOf(deal, teamAttribute));
    if (!t.hasPrior) {
      return Double.NaN;
    }
    int stage = stageOf(deal.stageId());
    double won = t.startWon[stage];
    double lost = t.startLost[stage];
    double[] valueWon = t.valueWon;
    double[] valueLost = t.valueLost;
    for (int f = 0; f < featureNames.length; f++) {
      String value = DealCursor.attributeOf(deal, featureNames[f]);
      if (value == null) {
        continue; // a blank value was never learned, so it is not found below: skipped as Odoo does
      }
      if (!multiValued[f]) {
        int id = values[f].idOf(value);
        if (id >= 0) {
          won *= valueWon[id];
          lost *= valueLost[id];
        }
      } else {
        for (String part : values(deal, features[f])) {
          int id = values[f].idOf(part);
          if (id >= 0) {
            won *= valueWon[id];
            lost *= valueLost[id];
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
