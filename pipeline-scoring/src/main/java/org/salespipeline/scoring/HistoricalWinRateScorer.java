package org.salespipeline.scoring;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.salespipeline.core.Deal;
import org.salespipeline.core.DealStatus;
import org.salespipeline.core.Pipeline;
import org.salespipeline.core.Stage;

/**
 * Scores an open deal with the historical win rate from its current stage: among the closed deals
 * that reached that stage, the share that was won. Id {@code historical}.
 *
 * <p>A deal reached a stage if the furthest open stage it ever entered is that stage or a later
 * one; a won deal reached every stage (a skipped stage counts as passed), as in the funnel's win
 * rate from each stage. A stage no closed deal reached falls back to the stage's default
 * probability, and the explanation says so. Won deals score 1, lost deals 0.
 *
 * <p>It learns: {@link #of()} is untrained; {@link #trainedOn(ScoringContext)} learns from the
 * context's {@linkplain ScoringContext#closedHistory() closed deals} and returns an immutable
 * trained scorer; {@link #trainer(ScoringContext)} learns the same from deals given one at a time,
 * keeping only counts. Scoring with the untrained scorer throws {@link IllegalStateException};
 * scoring with one trained on no closed deal throws {@link NotScorableException}. Thread-safe.
 */
public final class HistoricalWinRateScorer implements Scorer {

  /** The id of this scorer: {@code historical}. */
  public static final String ID = "historical";

  private static final HistoricalWinRateScorer UNTRAINED = new HistoricalWinRateScorer(null);

  private final Model model;

  /** What was learned: won and lost counts per open stage, for one pipeline. */
  private record Model(String pipelineId, Map<String, Integer> index, int[] won, int[] lost, int totalWon, int totalLost) {}

  private HistoricalWinRateScorer(Model model) {
    this.model = model;
  }

  /**
   * Returns the untrained scorer.
   *
   * @return the scorer, never null
   */
  public static HistoricalWinRateScorer of() {
    return UNTRAINED;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public boolean learns() {
    return true;
  }

  @Override
  public boolean isTrained() {
    return model != null;
  }

  @Override
  public HistoricalWinRateScorer trainedOn(ScoringContext context) {
    return new Training(context).trained();
  }

  /**
   * Returns a trainer that counts won and lost deals per stage as they come, holding no deal: the
   * same scorer as {@link #trainedOn} over the same deals.
   *
   * @param context the pipeline and the as-of instant; its history is learned from first; not null
   * @return a new trainer, never null
   */
  @Override
  public ScorerTrainer trainer(ScoringContext context) {
    return new Training(context);
  }

  /** Counts, per open stage, the closed deals that reached it, won and lost: all a trained scorer knows. */
  private static final class Training extends OneTimeTrainer<HistoricalWinRateScorer> {

    private final Pipeline pipeline;
    private final Map<String, Integer> index = new HashMap<>();
    private final int[] won;
    private final int[] lost;
    private int totalWon;
    private int totalLost;

    Training(ScoringContext context) {
      super(context);
      this.pipeline = context.pipeline();
      List<Stage> open = pipeline.openStages();
      for (int i = 0; i < open.size(); i++) {
        index.put(open.get(i).id(), i);
      }
      this.won = new int[open.size()];
      this.lost = new int[open.size()];
      for (Deal deal : context.closedHistory()) {
        learn(deal);
      }
    }

    @Override
    void learn(Deal closed) {
      if (closed.status() == DealStatus.WON) {
        totalWon++;
        for (int i = 0; i < won.length; i++) {
          won[i]++;
        }
      } else {
        totalLost++;
        int furthest = pipeline.furthestOpenStage(closed).order();
        for (int i = 0; i <= furthest; i++) {
          lost[i]++;
        }
      }
    }

    @Override
    HistoricalWinRateScorer build() {
      return new HistoricalWinRateScorer(new Model(pipeline.id(), Map.copyOf(index), won, lost, totalWon, totalLost));
    }
  }

  /**
   * Returns the learned win rate from a stage: won / (won + lost) among the closed deals that
   * reached it.
   *
   * @param stageId an open stage of the pipeline trained on, not null
   * @return the rate, or none if no closed deal reached the stage or it is not an open stage
   * @throws IllegalStateException if this scorer is not trained
   */
  public io.vavr.control.Option<Double> winRateFrom(String stageId) {
    Objects.requireNonNull(stageId, "stageId");
    Model m = model();
    Integer i = m.index().get(stageId);
    if (i == null || m.won()[i] + m.lost()[i] == 0) {
      return io.vavr.control.Option.none();
    }
    return io.vavr.control.Option.some((double) m.won()[i] / (m.won()[i] + m.lost()[i]));
  }

  @Override
  public double probability(Deal deal, ScoringContext context) {
    Model m = checked(deal, context);
    if (deal.status().isClosed()) {
      return deal.status().closedProbability().get();
    }
    int i = m.index().get(deal.stageId());
    int n = m.won()[i] + m.lost()[i];
    return n == 0 ? context.pipeline().stage(deal.stageId()).get().probability() : (double) m.won()[i] / n;
  }

  @Override
  public Score score(Deal deal, ScoringContext context) {
    Model m = checked(deal, context);
    double overall = (double) m.totalWon() / (m.totalWon() + m.totalLost());
    Stage stage = context.pipeline().stage(deal.stageId()).get();
    double p = probability(deal, context);
    String note;
    if (!deal.isOpen()) {
      note = deal.status() == DealStatus.WON ? "won" : "lost";
    } else {
      int i = m.index().get(deal.stageId());
      int n = m.won()[i] + m.lost()[i];
      note = n == 0
          ? "no closed deal reached " + stage.name() + ": stage default"
          : String.format(Locale.ROOT, "%d won of %d closed deals that reached %s", m.won()[i], n, stage.name());
    }
    return new Score(p, overall, List.of(new Factor("stage", stage.name(), p - overall, note)));
  }

  private Model model() {
    if (model == null) {
      throw new IllegalStateException("scorer '" + ID + "' is not trained: call trainedOn(context) first");
    }
    return model;
  }

  private Model checked(Deal deal, ScoringContext context) {
    Model m = model();
    StageProbabilityScorer.ownDeal(deal, context);
    if (!m.pipelineId().equals(context.pipeline().id())) {
      throw new NotScorableException("scorer '" + ID + "' was trained on pipeline '" + m.pipelineId() + "', not '"
          + context.pipeline().id() + "'");
    }
    if (m.totalWon() + m.totalLost() == 0) {
      throw new NotScorableException("scorer '" + ID + "' learned from no closed deal");
    }
    return m;
  }

  @Override
  public String toString() {
    return model == null ? "HistoricalWinRateScorer[untrained]"
        : "HistoricalWinRateScorer[" + model.totalWon() + " won, " + model.totalLost() + " lost]";
  }
}
