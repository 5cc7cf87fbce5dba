package org.salespipeline.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.salespipeline.core.testing.Theories.qt;
import static org.salespipeline.core.testing.Theories.withEdges;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.Deal;
import org.salespipeline.core.Pipeline;
import org.salespipeline.core.testing.DealGenerator;

/**
 * Training one deal at a time ({@link Scorer#trainer}) gives the scorer that training on the whole
 * list gives ({@link Scorer#trainedOn}), to the last bit of every probability and every factor, for
 * every built-in scorer (those with a trainer of their own, those with the default, and blends of
 * both, which train each part with the part's trainer), whatever part
 * of the history the context holds; and the prioritiser's accumulator gives the ranking of
 * {@link Prioritiser#top}. Seeded generated deals, split at a random point.
 */
class ScorerTrainerProperties {

  private static final Instant AS_OF = Instant.parse("2025-10-01T00:00:00Z");

  private static List<Scorer> scorers() {
    return List.of(
        StageProbabilityScorer.of(),
        HistoricalWinRateScorer.of(),
        NaiveBayesScorer.of(),
        NaiveBayesScorer.of("source", "segment", "product"),
        NaiveBayesScorer.of("source", "product").withTeamAttribute("segment"),
        NaiveBayesScorer.of().withTeamAttribute("segment").withMultiValuedFeature("product", ",", 2),
        CompositeScorer.builder().add(QualificationScorecard.bant(), 1).add(NaiveBayesScorer.of(), 2).build(),
        CompositeScorer.builder().add(HistoricalWinRateScorer.of(), 1)
            .add(NaiveBayesScorer.of("source", "product").withTeamAttribute("segment"), 3).build());
  }

  @Test
  void trainer_oneDealAtATime_givesTheScorerTrainedOnTheList() {
    qt(0x5C0_0101L, 20).forAll(longs().all(), withEdges(integers().between(0, 150), 0, 75, 150))
        .checkAssert(ScorerTrainerProperties::trainedAlike);
  }

  private static void trainedAlike(long seed, int split) {
    List<Deal> deals = DealGenerator.standard(seed).deals(150);
    ScoringContext whole = ScoringContext.of(Pipeline.standard(), AS_OF).withHistory(deals);
    ScoringContext first = ScoringContext.of(Pipeline.standard(), AS_OF).withHistory(deals.subList(0, split));
    for (Scorer scorer : scorers()) {
      Scorer listed = scorer.trainedOn(whole);
      ScorerTrainer trainer = scorer.trainer(first);
      deals.subList(split, deals.size()).forEach(trainer::add);
      Scorer streamed = trainer.trained();

      assertThat(streamed.id()).isEqualTo(listed.id());
      assertThat(streamed.isTrained()).isTrue();
      for (Deal deal : deals) {
        for (Deal then : deal.asOf(AS_OF)) {
          assertThat(SafeScoring.score(streamed, then, whole).map(Score::toString))
              .as("%s on %s", scorer.id(), then.id())
              .isEqualTo(SafeScoring.score(listed, then, whole).map(Score::toString));
          if (SafeScoring.score(listed, then, whole).isRight()) {
            assertThat(Double.doubleToRawLongBits(streamed.probability(then, whole)))
                .isEqualTo(Double.doubleToRawLongBits(listed.probability(then, whole)));
          }
        }
      }
    }
  }

  @Test
  void accumulator_oneDealAtATime_givesTheTopRanking() {
    qt(0x5C0_0102L, 20).forAll(longs().all(), withEdges(integers().between(1, 160), 1, 20, 160))
        .checkAssert(ScorerTrainerProperties::rankedAlike);
  }

  private static void rankedAlike(long seed, int k) {
    List<Deal> deals = DealGenerator.standard(seed).deals(150);
    ScoringContext context = ScoringContext.of(Pipeline.standard(), AS_OF).withHistory(deals);
    Scorer trained = NaiveBayesScorer.of("source", "segment").trainer(ScoringContext.of(Pipeline.standard(), AS_OF))
        .addAll(deals).trained();
    Prioritiser prioritiser = Prioritiser.of(trained).withUrgency(Urgency.of(0.5, 60, 0));

    Prioritiser.RankingAccumulator accumulator = prioritiser.accumulator(k, ScoringContext.of(Pipeline.standard(), AS_OF));
    deals.forEach(accumulator::add);

    assertThat(accumulator.ranking()).isEqualTo(Prioritiser.of(NaiveBayesScorer.of("source", "segment"))
        .withUrgency(Urgency.of(0.5, 60, 0)).top(k, deals, context));
  }

  @Test
  void trainer_afterTrained_refusesMoreDeals() {
    List<Deal> deals = DealGenerator.standard(7).deals(10);
    for (Scorer scorer : scorers()) {
      ScorerTrainer trainer = scorer.trainer(ScoringContext.of(Pipeline.standard(), AS_OF));
      trainer.trained();

      assertThatThrownBy(() -> trainer.add(deals.get(0))).as(scorer.id()).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("start another");
      assertThatThrownBy(trainer::trained).as(scorer.id()).isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void accumulator_afterRanking_refusesMoreDeals() {
    Prioritiser.RankingAccumulator accumulator = Prioritiser.of(StageProbabilityScorer.of())
        .accumulator(3, ScoringContext.of(Pipeline.standard(), AS_OF));
    accumulator.ranking();

    assertThatThrownBy(() -> accumulator.add(DealGenerator.standard(7).deals(1).get(0)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("start another");
  }

  @Test
  void accumulator_kBelowOne_throwsNamingK() {
    assertThatThrownBy(() -> Prioritiser.of(StageProbabilityScorer.of()).accumulator(0,
        ScoringContext.of(Pipeline.standard(), AS_OF))).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("k must be at least 1 but was 0");
  }
}
