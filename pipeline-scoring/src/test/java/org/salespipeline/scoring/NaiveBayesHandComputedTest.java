package org.salespipeline.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.Deal;
import org.salespipeline.scoring.internal.NaiveBayesModel;

/**
 * Naive Bayes probabilities worked out by hand from Odoo's formula (crm.lead
 * _pls_get_naive_bayes_probabilities): every observed count is smoothed by 0.1; the prior is the
 * first stage's won and lost counts (every closed deal reached it); a deal in stage s multiplies in
 * P(reached s | won) and P(reached s | lost); each feature value multiplies in its count over the
 * feature's total; the probability is won / (won + lost). The stages here are New, Qualified and
 * Proposition ({@link Fixtures#PIPELINE}); a won deal reached every one, a lost deal those up to the
 * one it was lost from.
 */
class NaiveBayesHandComputedTest {

  private static Deal described(Deal deal, String source, String segment) {
    return Fixtures.attribute(Fixtures.attribute(deal, "source", source), "segment", segment);
  }

  private static ScoringContext trainingOn(List<Deal> history) {
    return ScoringContext.of(Fixtures.PIPELINE, Fixtures.AS_OF).withHistory(history);
  }

  /**
   * Won W1 (closed from Proposition), lost L1 from New and L2 from Qualified. Smoothed counts:
   * New won 1.1 lost 2.1 (the prior), Qualified won 1.1 lost 1.1, Proposition won 1.1 lost 0.1.
   * New: (1.1/3.2) / (1.1/3.2 + 2.1/3.2) = 1.1 / 3.2. Qualified: won 1.1/3.2 * 1.1/1.1, lost
   * 2.1/3.2 * 1.1/2.1, both 1.1/3.2: one half. Proposition: won 1.1/3.2, lost 2.1/3.2 * 0.1/2.1:
   * 1.1 / 1.2.
   */
  @Test
  void stageEvidence_ofEveryOpenStage_isTheShareOfWonAndLostDealsThatReachedIt() {
    Deal wonFromProposition = Fixtures.won(Fixtures.deal("W1", "proposition"));
    Deal lostFromNew = Fixtures.lost(Fixtures.deal("L1", "new"));
    Deal lostFromQualified = Fixtures.lost(Fixtures.deal("L2", "qualified"));
    ScoringContext context = trainingOn(List.of(wonFromProposition, lostFromNew, lostFromQualified));
    Scorer trained = NaiveBayesScorer.of("source").trainedOn(context);

    assertThat(trained.probability(Fixtures.deal("N", "new"), context)).isCloseTo(1.1 / 3.2, within(1e-12));
    assertThat(trained.probability(Fixtures.deal("Q", "qualified"), context)).isCloseTo(0.5, within(1e-12));
    assertThat(trained.probability(Fixtures.deal("P", "proposition"), context)).isCloseTo(1.1 / 1.2, within(1e-12));
    Score proposition = trained.score(Fixtures.deal("P", "proposition"), context);
    assertThat(proposition.baseline()).isCloseTo(1.1 / 3.2, within(1e-12));
    assertThat(proposition.factors()).singleElement().satisfies(f -> {
      assertThat(f.name()).isEqualTo("stage");
      assertThat(f.value()).isEqualTo("Proposition");
      assertThat(f.contribution()).isCloseTo(1.1 / 1.2 - 1.1 / 3.2, within(1e-12));
      assertThat(f.note()).isEqualTo("won 1.1 of 1.1, lost 0.1 of 2.1");
    });
  }

  /**
   * Only a deal lost from New: New won 0.1 lost 1.1, the prior 0.1 / 1.2. No closed deal reached
   * Qualified, so it is no evidence (Odoo has no frequency row for it): a deal there gets the
   * prior, not 0.1/0.1 against 0.1/1.1.
   */
  @Test
  void aStageNoClosedDealReached_isNoEvidence_theDealGetsThePrior() {
    ScoringContext context = trainingOn(List.of(Fixtures.lost(Fixtures.deal("L1", "new"))));
    Scorer trained = NaiveBayesScorer.of("source").trainedOn(context);
    Scorer byTeam = NaiveBayesScorer.of("source").withTeamAttribute("team").trainedOn(context);
    Deal qualified = Fixtures.deal("Q", "qualified");

    assertThat(trained.probability(qualified, context)).isCloseTo(0.1 / 1.2, within(1e-12));
    assertThat(byTeam.probability(qualified, context)).isCloseTo(0.1 / 1.2, within(1e-12));
    assertThat(trained.score(qualified, context).factors()).isEmpty();
  }

  /**
   * Won (a, y), (a, y), (b, x); lost (a, x), (b, x), (b, y); all closed from New. Source a: won
   * 2.1 of 3.2, lost 1.1 of 3.2; segment x: won 1.1 of 3.2, lost 2.1 of 3.2. A deal (a, x) in New:
   * the ratios 21/11 and 11/21 cancel, the probability is the prior one half, and each factor gets
   * the first-order share prior (1 - prior) ln(ratio) = 0.25 ln(21/11) of the zero change.
   */
  @Test
  void evidenceThatCancels_isSharedByTheSlopeAtThePrior() {
    List<Deal> history = List.of(
        Fixtures.won(described(Fixtures.deal("W1", "new"), "a", "y")),
        Fixtures.won(described(Fixtures.deal("W2", "new"), "a", "y")),
        Fixtures.won(described(Fixtures.deal("W3", "new"), "b", "x")),
        Fixtures.lost(described(Fixtures.deal("L1", "new"), "a", "x")),
        Fixtures.lost(described(Fixtures.deal("L2", "new"), "b", "x")),
        Fixtures.lost(described(Fixtures.deal("L3", "new"), "b", "y")));
    ScoringContext context = trainingOn(history);
    Deal open = described(Fixtures.deal("D", "new"), "a", "x");

    for (Scorer scorer : List.of(NaiveBayesScorer.of("source", "segment"), NaiveBayesScorer.of())) {
      Score score = scorer.trainedOn(context).score(open, context);

      assertThat(score.probability()).as("%s", scorer).isCloseTo(0.5, within(1e-12));
      assertThat(score.baseline()).isEqualTo(0.5);
      Map<String, Double> byName = new java.util.HashMap<>();
      score.factors().forEach(f -> byName.put(f.name(), f.contribution()));
      assertThat(byName).containsOnlyKeys("stage", "source", "segment");
      assertThat(byName.get("source")).isCloseTo(0.25 * Math.log(21.0 / 11), within(1e-9));
      assertThat(byName.get("segment")).isCloseTo(-0.25 * Math.log(21.0 / 11), within(1e-9));
      assertThat(byName.get("stage")).isCloseTo(0.0, within(1e-12));
    }
  }

  /**
   * Tags (multi-valued): won W1 "a"; lost L1 "b" and L2 "a, b"; all closed from New. Smoothed: a
   * won 1.1 lost 1.1, b won 0.1 lost 2.1; totals won 1.2, lost 3.2; prior won 1.1, lost 2.1. A deal
   * tagged "a" in New: won 1.1/3.2 * 1.1/1.2, lost 2.1/3.2 * 1.1/3.2. Each tag has 2.2 smoothed
   * observations: kept with at least 2.2 required (only fewer are dropped), dropped with 2.3, when
   * the deal gets the prior 1.1 / 3.2.
   */
  @Test
  void multiValuedFeature_firstValueCounts_andRecordsWithFewerObservationsAreDropped() {
    List<Deal> history = List.of(
        Fixtures.won(Fixtures.attribute(Fixtures.deal("W1", "new"), "tags", "a")),
        Fixtures.lost(Fixtures.attribute(Fixtures.deal("L1", "new"), "tags", "b")),
        Fixtures.lost(Fixtures.attribute(Fixtures.deal("L2", "new"), "tags", "a, b")));
    ScoringContext context = trainingOn(history);
    Deal taggedA = Fixtures.attribute(Fixtures.deal("D", "new"), "tags", "a");
    double won = 1.1 / 3.2 * (1.1 / 1.2);
    double lost = 2.1 / 3.2 * (1.1 / 3.2);

    for (double least : new double[] {0, 2.2}) {
      Scorer tags = NaiveBayesScorer.of("tags").withMultiValuedFeature("tags", ",", least).trainedOn(context);
      assertThat(tags.probability(taggedA, context)).as("at least %s", least)
          .isCloseTo(won / (won + lost), within(1e-12));
    }
    Scorer thin = NaiveBayesScorer.of("tags").withMultiValuedFeature("tags", ",", 2.3).trainedOn(context);
    assertThat(thin.probability(taggedA, context)).isCloseTo(1.1 / 3.2, within(1e-12));
  }

  @Test
  void nothingLearned_saysSo_namingTheDealWhenTeamsAreUsed() {
    ScoringContext empty = trainingOn(List.of());
    Deal open = Fixtures.deal("D-1", "new");

    assertThatThrownBy(() -> NaiveBayesScorer.of("source").trainedOn(empty).probability(open, empty))
        .isInstanceOf(NotScorableException.class)
        .hasMessage("scorer 'naive-bayes' learned from no closed deal");
    assertThatThrownBy(() -> NaiveBayesScorer.of("source").withTeamAttribute("team").trainedOn(empty).score(open, empty))
        .isInstanceOf(NotScorableException.class)
        .hasMessage("scorer 'naive-bayes' learned from no closed deal of deal D-1's team or of any team");
  }

  @Test
  void model_namesTheTeamsWithATableOfTheirOwn() {
    List<Deal> history = List.of(
        Fixtures.won(Fixtures.attribute(Fixtures.deal("W1", "new"), "team", "EMEA")),
        Fixtures.lost(Fixtures.attribute(Fixtures.deal("L1", "new"), "team", "APAC")),
        Fixtures.lost(Fixtures.deal("L2", "new")));

    NaiveBayesModel model = NaiveBayesModel.train(Fixtures.PIPELINE, history, List.of("source"), Map.of(), "team");

    assertThat(model.teams()).containsExactly("APAC", "EMEA");
    assertThat(model.closedDeals()).isEqualTo(3);
  }
}
