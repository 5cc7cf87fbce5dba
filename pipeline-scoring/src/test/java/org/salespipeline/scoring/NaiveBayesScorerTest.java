package org.salespipeline.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.vavr.control.Option;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.Deal;
import org.salespipeline.core.DealEvent;
import org.salespipeline.core.Qualification;

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
    ScoringContext context = Fixtures.context().withHistory(history);
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
    ScoringContext context = Fixtures.context().withHistory(history);

    double p = NaiveBayesScorer.of("source", "segment").trainedOn(context).probability(open("a"), context);

    assertThat(p).isEqualTo(NaiveBayesScorer.MIN_PROBABILITY);
  }

  @Test
  void noFeaturesGiven_learnsEveryAttribute() {
    ScoringContext context = Fixtures.context().withHistory(closed("W", 2, true, "a"));

    assertThat(NaiveBayesScorer.of().trainedOn(context).features()).containsExactly("segment", "source");
    assertThat(NaiveBayesScorer.of().withTeamAttribute("segment").trainedOn(context).features())
        .containsExactly("source");
  }

  @Test
  void unseenAndBlankValues_areSkipped() {
    List<Deal> history = new ArrayList<>(closed("W", 3, true, "a"));
    history.addAll(closed("L", 3, false, "b"));
    ScoringContext context = Fixtures.context().withHistory(history);
    NaiveBayesScorer trained = NaiveBayesScorer.of("source", "segment").trainedOn(context);

    assertThat(trained.probability(open("zzz"), context)).isCloseTo(0.5, within(1e-12));
    assertThat(trained.probability(open(" "), context)).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void closedDeals_scoreOneOrZero() {
    ScoringContext context = Fixtures.context().withHistory(closed("W", 2, true, "a"));
    NaiveBayesScorer trained = NaiveBayesScorer.of("source").trainedOn(context);

    assertThat(trained.probability(Fixtures.won(open("a")), context)).isEqualTo(1.0);
    assertThat(trained.probability(Fixtures.lost(open("a")), context)).isEqualTo(0.0);
  }

  @Test
  void untrained_isAProgrammerError_containedAsAFailure() {
    assertThat(SafeScoring.probability(NaiveBayesScorer.of("source"), open("a"), Fixtures.context()).getLeft())
        .isInstanceOfSatisfying(ScoringFailure.Threw.class, f -> assertThat(f.cause())
            .hasMessage("scorer 'naive-bayes' is not trained: call trainedOn(context) first"));
  }

  @Test
  void trainedOnNothing_isNotScorable() {
    NaiveBayesScorer trained = NaiveBayesScorer.of("source").trainedOn(Fixtures.context());

    assertThat(trained.closedDealsLearned()).contains(0);
    assertThat(SafeScoring.probability(trained, open("a"), Fixtures.context()).getLeft().code()).isEqualTo("NOT_SCORABLE");
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
    NaiveBayesScorer trained = NaiveBayesScorer.of("source").trainedOn(Fixtures.context());

    assertThat(trained.isTrained()).isTrue();
    assertThat(trained.withTeamAttribute("team").isTrained()).isFalse();
    assertThat(trained.withId("nb-2").isTrained()).isTrue();
    assertThat(trained.withTeamAttribute("team").teamAttribute()).contains("team");
    assertThat(trained.withId("nb-2").toString()).startsWith("NaiveBayesScorer[nb-2, features [source]");
    assertThatThrownBy(() -> trained.withId("NB 2"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("id must be").hasMessageContaining("'NB 2'");
  }

  @Test
  void configuredAlike_areEqual() {
    assertThat(NaiveBayesScorer.of("source").withTeamAttribute("team"))
        .isEqualTo(NaiveBayesScorer.of(List.of("source")).withTeamAttribute("team"))
        .isNotEqualTo(NaiveBayesScorer.of("source"))
        .isNotEqualTo(NaiveBayesScorer.of("source").withTeamAttribute("team").trainedOn(Fixtures.context()));
    assertThat(NaiveBayesScorer.of("source").withMultiValuedFeature("tags", ",", 50).withTeamAttribute("team"))
        .isEqualTo(NaiveBayesScorer.of("source").withTeamAttribute("team").withMultiValuedFeature("tags", ",", 50));
  }
  @Test
  void equalStringsThatAreNotTheSameInstances_scoreAsTheLearnedOnes() {
    List<Deal> history = new ArrayList<>(closed("W", 3, true, "a"));
    history.addAll(closed("L", 2, false, "b"));
    history.add(Fixtures.won(Fixtures.attribute(Fixtures.deal("Q", "qualified"), "source", "b")));
    ScoringContext context = Fixtures.context().withHistory(history);
    NaiveBayesScorer trained = NaiveBayesScorer.of("source", "segment").trainedOn(context);
    String qualified = new String("qualified".toCharArray()); // as read from a database: equal, not identical
    String a = new String("a".toCharArray());
    // restored from stored events, which knows no pipeline: the deal keeps the strings as they were read (a
    // pipeline's commands would put its own stage id in their place)
    Deal copy = Deal.restore(List.of(new DealEvent.Opened("copy", Fixtures.PIPELINE.id(), qualified, "", "", "",
        Option.none(), Option.none(), Qualification.UNKNOWN, Map.of("source", a, "segment", a), Fixtures.T0)));
    Deal learned = Fixtures.attribute(Fixtures.attribute(Fixtures.deal("learned", "qualified"), "source", "a"),
        "segment", "a");

    assertThat(copy.stageId()).isNotSameAs(learned.stageId());
    assertThat(trained.probability(copy, context)).isEqualTo(trained.probability(learned, context))
        .isEqualTo(trained.score(copy, context).probability()).isNotEqualTo(trained.probability(open("a"), context));
  }

  /** Closed deals of team T1 and of no team, source a (won) or b (lost). */
  private static ScoringContext teamHistory() {
    List<Deal> history = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Deal t1 = Fixtures.attribute(Fixtures.attribute(Fixtures.deal("T" + i, "new"), "team", "T1"), "source",
          i < 2 ? "a" : "b");
      history.add(i < 2 ? Fixtures.won(t1) : Fixtures.lost(t1));
      Deal none = Fixtures.attribute(Fixtures.deal("N" + i, "new"), "source", i < 3 ? "a" : "b");
      history.add(i < 3 ? Fixtures.won(none) : Fixtures.lost(none));
    }
    return Fixtures.context().withHistory(history);
  }

  private static Deal openOfTeam(String id, String team) {
    return Fixtures.attribute(Fixtures.attribute(Fixtures.deal(id, "new"), "source", "a"), "team", team);
  }

  @Test
  void explanation_dealOfNoTeam_hasNoTeamFactor_asOdoosTooltipShowsNoTeam() {
    ScoringContext context = teamHistory();
    NaiveBayesScorer trained = NaiveBayesScorer.of("source").withTeamAttribute("team").trainedOn(context);
    Deal noTeam = Fixtures.attribute(Fixtures.deal("O", "new"), "source", "a");

    assertThat(trained.score(noTeam, context).factors()).extracting(Factor::name)
        .containsExactlyInAnyOrder("stage", "source");
    assertThat(trained.score(openOfTeam("B", " "), context).factors()).extracting(Factor::name)
        .as("a blank team is no team").containsExactlyInAnyOrder("stage", "source");
  }

  @Test
  void explanation_scorerWithoutTeams_hasNoTeamFactor() {
    ScoringContext context = teamHistory();
    NaiveBayesScorer trained = NaiveBayesScorer.of("source").trainedOn(context);

    assertThat(trained.score(openOfTeam("O", "T1"), context).factors()).extracting(Factor::name)
        .containsExactlyInAnyOrder("stage", "source");
  }

  @Test
  void explanation_dealOfATeam_namesTheTeamAndItsTable_withNoContribution() {
    ScoringContext context = teamHistory();
    NaiveBayesScorer trained = NaiveBayesScorer.of("source").withTeamAttribute("team").trainedOn(context);

    Score own = trained.score(openOfTeam("O", "T1"), context);
    Score unknown = trained.score(openOfTeam("U", "T9"), context);

    assertThat(own.factors()).filteredOn(f -> f.name().equals("team")).singleElement()
        .isEqualTo(new Factor("team", "T1", 0.0, "the team's own table"));
    assertThat(unknown.factors()).filteredOn(f -> f.name().equals("team")).singleElement()
        .isEqualTo(new Factor("team", "T9", 0.0, "no table of its own: all teams pooled"));
    assertThat(own.probability()).as("T1 won 2 of 4 with source a").isNotEqualTo(unknown.probability());
    assertThat(own.explainedProbability()).isCloseTo(own.probability(), within(1e-9));
  }
}
