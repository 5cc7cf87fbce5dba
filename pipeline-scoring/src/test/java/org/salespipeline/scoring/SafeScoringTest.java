package org.salespipeline.scoring;

import org.salespipeline.scoring.testing.FixedScorer;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.Deal;
import org.salespipeline.scoring.testing.ThrowingScorer;

class SafeScoringTest {

  private final List<Deal> deals = List.of(Fixtures.deal("A", "new"), Fixtures.deal("B", "new"),
      Fixtures.deal("C", "new"));

  @Test
  void throwingScorer_givesAFailureNamingScorerAndDeal_othersAreScored() {
    ScoredBatch result = SafeScoring.scoreAll(new ThrowingScorer(Set.of("B")), deals, Fixtures.context());

    assertThat(result.scored()).extracting(s -> s.deal().id()).containsExactly("A", "C");
    assertThat(result.failures()).singleElement().isInstanceOfSatisfying(ScoringFailure.Threw.class, f -> {
      assertThat(f.scorerId()).isEqualTo("throws");
      assertThat(f.dealId()).isEqualTo("B");
      assertThat(f.code()).isEqualTo("SCORER_THREW");
      assertThat(f.cause()).isInstanceOf(ArithmeticException.class);
      assertThat(f.message()).isEqualTo("Scorer 'throws' failed on deal B: java.lang.ArithmeticException: boom on B");
    });
  }

  @Test
  void nan_isAnInvalidProbability() {
    assertThat(SafeScoring.probability(new FixedScorer("nan", Double.NaN), deals.get(0), Fixtures.context())
        .getLeft()).isEqualTo(new ScoringFailure.InvalidProbability("nan", "A", Double.NaN));
  }

  @Test
  void outOfRange_isAnInvalidProbability_withAMessage() {
    ScoringFailure failure = SafeScoring.probability(new FixedScorer("big", 1.5), deals.get(0), Fixtures.context())
        .getLeft();

    assertThat(failure.code()).isEqualTo("INVALID_PROBABILITY");
    assertThat(failure.message()).isEqualTo("Scorer 'big' returned 1.5 for deal A, not a probability within [0, 1]");
  }

  @Test
  void explainedPathWithInvalidValue_isContained() {
    ScoredBatch result = SafeScoring.scoreAll(new FixedScorer("neg", -0.1), deals, Fixtures.context());

    assertThat(result.scored()).isEmpty();
    assertThat(result.failures()).hasSize(3).allSatisfy(f -> assertThat(f.message())
        .contains("probability must be within [0, 1] but was -0.1"));
  }

  @Test
  void nullScore_isContained() {
    Scorer nullScorer = new Scorer() {
      @Override
      public String id() {
        return "null";
      }

      @Override
      @SuppressWarnings("NullAway")
      public Score score(Deal deal, ScoringContext context) {
        return null;
      }
    };

    assertThat(SafeScoring.score(nullScorer, deals.get(0), Fixtures.context()).getLeft().message())
        .contains("returned null");
  }

  @Test
  void trainingThatThrows_failsEveryDeal() {
    Scorer failing = Learner.failing("bad-learner", new IllegalStateException("cannot learn"));

    ScoredBatch result = SafeScoring.scoreAll(failing, deals, Fixtures.context());

    assertThat(result.failures()).extracting(ScoringFailure::dealId).containsExactly("A", "B", "C");
  }

  @Test
  void goodScorer_scoresEveryDeal() {
    ScoredBatch result = SafeScoring.scoreAll(StageProbabilityScorer.of(), deals, Fixtures.context());

    assertThat(result.failures()).isEmpty();
    assertThat(result.scored()).extracting(s -> s.score().probability()).containsExactly(0.1, 0.1, 0.1);
  }
}
