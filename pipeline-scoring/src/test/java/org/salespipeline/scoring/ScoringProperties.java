package org.salespipeline.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.salespipeline.core.testing.Theories.qt;
import static org.salespipeline.core.testing.Theories.withEdges;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.Deal;
import org.salespipeline.core.Money;
import org.salespipeline.core.testing.DealGenerator;

/** Properties of every built-in scorer and of the prioritiser, over seeded generated deals. */
class ScoringProperties {

  private static final Instant AS_OF = Instant.parse("2025-10-01T00:00:00Z");

  private static List<Scorer> scorers() {
    return List.of(
        StageProbabilityScorer.of(),
        HistoricalWinRateScorer.of(),
        QualificationScorecard.bant().withWeight(QualificationScorecard.Criterion.INTEREST, 0.5),
        PointsScorer.of(PointsRule.attributeEquals("source", "referral", 25),
            PointsRule.amountAtLeast(Money.parse("50000", "USD"), 10), PointsRule.attributeEquals("segment", "SMB", -5)),
        NaiveBayesScorer.of("source", "segment", "product"),
        NaiveBayesScorer.of("source", "product").withTeamAttribute("segment"),
        CompositeScorer.builder().add(QualificationScorecard.bant(), 1).add(NaiveBayesScorer.of(), 2).build());
  }

  private static List<Deal> deals(long seed) {
    return DealGenerator.standard(seed).deals(120);
  }

  private static ScoringContext context(List<Deal> deals) {
    return ScoringContext.of(org.salespipeline.core.Pipeline.standard(), AS_OF).withHistory(deals);
  }

  @Test
  void probabilities_areWithinZeroAndOne_andBothPathsAgree() {
    qt(0x5C0_0011L, 10).forAll(longs().all()).checkAssert(ScoringProperties::probabilitiesOf);
  }

  private static void probabilitiesOf(long seed) {
    List<Deal> deals = deals(seed);
    ScoringContext context = context(deals);
    for (Scorer scorer : scorers()) {
      Scorer trained = scorer.trainedOn(context);
      for (Deal deal : deals) {
        for (Deal then : deal.asOf(AS_OF)) {
          Score score = trained.score(then, context);
          assertThat(score.probability()).as(scorer.id()).isBetween(0.0, 1.0);
          assertThat(trained.probability(then, context)).as(scorer.id()).isEqualTo(score.probability());
        }
      }
    }
  }

  @Test
  void explanations_addUpToTheScore_largestFirst() {
    qt(0x5C0_0012L, 10).forAll(longs().all()).checkAssert(ScoringProperties::explanationsOf);
  }

  private static void explanationsOf(long seed) {
    List<Deal> deals = deals(seed);
    ScoringContext context = context(deals);
    for (Scorer scorer : scorers()) {
      Scorer trained = scorer.trainedOn(context);
      for (Deal deal : deals) {
        for (Deal then : deal.asOf(AS_OF)) {
          Score score = trained.score(then, context);
          assertThat(score.explainedProbability()).as(scorer.id() + " on " + then.id())
              .isCloseTo(score.probability(), within(1e-9));
          for (int i = 1; i < score.factors().size(); i++) {
            assertThat(Math.abs(score.factors().get(i - 1).contribution()))
                .isGreaterThanOrEqualTo(Math.abs(score.factors().get(i).contribution()));
          }
        }
      }
    }
  }

  @Test
  void ranking_isAPermutationOfTheOpenDeals_stableUnderInputOrder() {
    qt(0x5C0_0013L, 10).forAll(longs().all()).checkAssert(ScoringProperties::rankingOf);
  }

  private static void rankingOf(long seed) {
    List<Deal> deals = deals(seed);
    ScoringContext context = context(deals);
    Prioritiser prioritiser = Prioritiser.of(NaiveBayesScorer.of("source", "segment")).withUrgency(Urgency.of(0.5, 60, 0));
    Set<String> open = deals.stream().flatMap(d -> d.asOf(AS_OF).toJavaStream()).filter(Deal::isOpen).map(Deal::id)
        .collect(Collectors.toSet());

    List<String> ranked = ids(prioritiser.rank(deals, context));
    List<Deal> shuffled = new ArrayList<>(deals);
    Collections.shuffle(shuffled, new Random(seed));

    assertThat(ranked).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(open);
    assertThat(ids(prioritiser.rank(shuffled, context))).isEqualTo(ranked);
  }

  @Test
  void top_isThePrefixOfTheRanking() {
    qt(0x5C0_0020L, 10).forAll(longs().all(), withEdges(integers().between(1, 80), 20, 1, 80))
        .checkAssert(ScoringProperties::topOf);
  }

  private static void topOf(long seed, int k) {
    List<Deal> deals = deals(seed);
    ScoringContext context = context(deals);
    Prioritiser prioritiser = Prioritiser.of(QualificationScorecard.bant());

    List<String> ranked = ids(prioritiser.rank(deals, context));

    assertThat(ids(prioritiser.top(k, deals, context))).isEqualTo(ranked.subList(0, Math.min(k, ranked.size())));
  }

  private static List<String> ids(Ranking ranking) {
    return ranking.deals().stream().map(r -> r.deal().id()).collect(Collectors.toList());
  }
}
