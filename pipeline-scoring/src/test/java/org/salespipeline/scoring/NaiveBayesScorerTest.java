package org.salespipeline.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.Deal;

class NaiveBayesScorerTest {

  /** n deals closed the same way, with source and segment set to one value. */
  private static List<Deal> closed(String prefix, int n, boolean won, String value) {
    List<Deal> deals = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Deal d = Fixtures.attribute(Fixtures.attribute(Fixtures.deal(prefix + i, "new"), "source", value), "segment", value);
      deals.add(won ? Fixtures.won(d) : Fixtures.lost(d));
    }
    return deals;
  }

  private static Deal open(String value) {
    return Fixtures.attribute(Fixtures.attribute(Fixtures.deal("open", "new"), "source", value), "segment", value);
  }

  @Test
  void overwhelmingEvidence_isClampedTo9999_andTheClampIsAFactor() {
    List<Deal> history = new ArrayList<>(closed("W", 300, true, "a"));
    history.addAll(closed("L", 1, false, "b"));
    ScoringContext context = Fixtures.CONTEXT.withHistory(history);
    NaiveBayesScorer trained = NaiveBayesScorer.of("source", "segment").trainedOn(context);

    Score score = trained.score(open("a"), context);

    assertThat(score.probability()).isEqualTo(NaiveBayesScorer.MAX_PROBABILITY);
    assertThat(score.factors()).anySatisfy(f -> assertThat(f.name()).isEqualTo("clamp"));
    assertThat(score.explainedProbability()).isCloseTo(score.probability(), within(1e-9));
  }

  @Test
  void overwhelmingEvidenceAgainst_isClampedTo0001() {
    List<Deal> history = new ArrayList<>(closed("L", 300, false, "a"));
    history.addAll(closed("W", 1, true, "b"));
    ScoringContext context = Fixtures.CONTEXT.withHistory(history);

    double p = NaiveBayesScorer.of("source", "segment").trainedOn(context).probability(open("a"), context);

    assertThat(p).isEqualTo(NaiveBayesScorer.MIN_PROBABILITY);
  }

  @Test
  void noFeaturesGiven_learnsEveryAttribute() {
    ScoringContext context = Fixtures.CONTEXT.withHistory(closed("W", 2, true, "a"));

    assertThat(NaiveBayesScorer.of().trainedOn(context).features()).containsExactly("segment", "source");
    assertThat(NaiveBayesScorer.of().withTeamAttribute("segment").trainedOn(context).features())
        .containsExactly("source");
  }

  @Test
  void unseenAndBlankValues_areSkipped() {
    List<Deal> history = new ArrayList<>(closed("W", 3, true, "a"));
    history.addAll(closed("L", 3, false, "b"));
    ScoringContext context = Fixtures.CONTEXT.withHistory(history);
    NaiveBayesScorer trained = NaiveBayesScorer.of("source", "segment").trainedOn(context);

    assertThat(trained.probability(open("zzz"), context)).isCloseTo(0.5, within(1e-12));
    assertThat(trained.probability(open(" "), context)).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void closedDeals_scoreOneOrZero() {
    ScoringContext context = Fixtures.CONTEXT.withHistory(closed("W", 2, true, "a"));
    NaiveBayesScorer trained = NaiveBayesScorer.of("source").trainedOn(context);

    assertThat(trained.probability(Fixtures.won(open("a")), context)).isEqualTo(1.0);
    assertThat(trained.probability(Fixtures.lost(open("a")), context)).isEqualTo(0.0);
  }

  @Test
  void untrained_isAProgrammerError_containedAsAFailure() {
    assertThat(Scoring.probability(NaiveBayesScorer.of("source"), open("a"), Fixtures.CONTEXT).getLeft())
        .isInstanceOfSatisfying(ScoringFailure.Threw.class, f -> assertThat(f.cause())
            .hasMessage("scorer 'naive-bayes' is not trained: call trainedOn(context) first"));
  }

  @Test
  void trainedOnNothing_isNotScorable() {
    NaiveBayesScorer trained = NaiveBayesScorer.of("source").trainedOn(Fixtures.CONTEXT);

    assertThat(trained.closedDealsLearned()).contains(0);
    assertThat(Scoring.probability(trained, open("a"), Fixtures.CONTEXT).getLeft().code()).isEqualTo("NOT_SCORABLE");
  }

  @Test
  void repeatedOrBlankFeature_isRefused() {
    assertThatThrownBy(() -> NaiveBayesScorer.of("a", "a"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("features must not repeat a name but were [a, a]");
    assertThatThrownBy(() -> NaiveBayesScorer.of("a", " "))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blank");
  }

  @Test
  void configuring_returnsAnUntrainedCopy() {
    NaiveBayesScorer trained = NaiveBayesScorer.of("source").trainedOn(Fixtures.CONTEXT);

    assertThat(trained.isTrained()).isTrue();
    assertThat(trained.withTeamAttribute("team").isTrained()).isFalse();
    assertThat(trained.withId("nb-2").isTrained()).isTrue();
    assertThat(trained.withTeamAttribute("team").teamAttribute()).contains("team");
  }
  @Test
  void equalStringsThatAreNotTheSameInstances_scoreAsTheLearnedOnes() {
    List<Deal> history = new ArrayList<>(closed("W", 3, true, "a"));
    history.addAll(closed("L", 2, false, "b"));
    history.add(Fixtures.won(Fixtures.attribute(Fixtures.deal("Q", "qualified"), "source", "b")));
    ScoringContext context = Fixtures.CONTEXT.withHistory(history);
    NaiveBayesScorer trained = NaiveBayesScorer.of("source", "segment").trainedOn(context);
    String qualified = new String("qualified".toCharArray()); // as read from a database: equal, not identical
    String a = new String("a".toCharArray());
    Deal copy = Fixtures.PIPELINE.open(org.salespipeline.core.NewDeal.of("copy").withStage(qualified)
        .withAttribute("source", a).withAttribute("segment", a), Fixtures.T0).get().deal();
    Deal learned = Fixtures.attribute(Fixtures.attribute(Fixtures.deal("learned", "qualified"), "source", "a"),
        "segment", "a");

    assertThat(copy.stageId()).isNotSameAs(learned.stageId());
    assertThat(trained.probability(copy, context)).isEqualTo(trained.probability(learned, context))
        .isEqualTo(trained.score(copy, context).probability()).isNotEqualTo(trained.probability(open("a"), context));
  }
}
