package org.salespipeline.embedding.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.Deal;
import org.salespipeline.core.Money;
import org.salespipeline.core.NewDeal;
import org.salespipeline.core.Pipeline;
import org.salespipeline.core.Qualification;
import org.salespipeline.core.QualificationLevel;
import org.salespipeline.scoring.Prioritiser;
import org.salespipeline.scoring.RankedDeal;
import org.salespipeline.scoring.Ranking;
import org.salespipeline.scoring.Score;
import org.salespipeline.scoring.ScorerRegistry;
import org.salespipeline.scoring.ScoringContext;
import org.salespipeline.scoring.ScoringFailure;

class EngagementScorerPluginTest {

  private static final Pipeline PIPELINE = Pipeline.standard();
  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  private static final Instant AS_OF = T0.plus(Duration.ofDays(40));

  private static Deal deal(String id, QualificationLevel interest, int activityDay) {
    Qualification q = Qualification.UNKNOWN.withInterest(interest);
    Deal deal = PIPELINE.open(NewDeal.of(id).withAmount(Money.parse("10000", "USD")).withQualification(q), T0)
        .get().deal();
    return activityDay == 0 ? deal : PIPELINE.recordActivity(deal, T0.plus(Duration.ofDays(activityDay))).get().deal();
  }

  @Test
  void discover_findsThePluginByItsId_withoutProblems() {
    ScorerRegistry registry = ScorerRegistry.discover();

    assertThat(registry.find(EngagementScorer.ID)).isNotEmpty();
    assertThat(registry.require(EngagementScorer.ID)).isInstanceOf(EngagementScorer.class);
    assertThat(registry.problems()).isEmpty();
  }

  @Test
  void prioritiser_usesTheDiscoveredPlugin_engagedRecentDealsFirst() {
    List<Deal> deals = List.of(
        deal("D-1", QualificationLevel.NO, 0),        // 0.5 - 0.30 - 0.20 = 0.00
        deal("D-2", QualificationLevel.YES, 38),      // 0.5 + 0.20 + 0.15 = 0.85
        deal("D-3", QualificationLevel.PARTIAL, 20)); // 0.5 + 0.05 + 0.00 = 0.55

    Ranking ranking = Prioritiser.of(ScorerRegistry.discover().require("engagement"))
        .rank(deals, ScoringContext.of(PIPELINE, AS_OF));

    assertThat(ranking.deals()).extracting(r -> r.deal().id()).containsExactly("D-2", "D-3", "D-1");
    assertThat(ranking.deals()).extracting(RankedDeal::probability)
        .usingElementComparator((a, b) -> Math.abs(a - b) < 1e-12 ? 0 : Double.compare(a, b))
        .containsExactly(0.85, 0.55, 0.0);
    assertThat(ranking.failures()).isEmpty();
  }

  @Test
  void score_explainsEachFactor_andTheFactorsAddUp() {
    Score score = new EngagementScorer().score(deal("D-2", QualificationLevel.YES, 38),
        ScoringContext.of(PIPELINE, AS_OF));

    assertThat(score.probability()).isCloseTo(0.85, org.assertj.core.api.Assertions.within(1e-12));
    assertThat(score.explainedProbability()).isCloseTo(score.probability(), org.assertj.core.api.Assertions.within(1e-12));
    assertThat(score.factors()).extracting(f -> f.name() + "=" + f.value())
        .containsExactly("interest=YES", "last activity=2 days ago");
  }

  @Test
  void misbehavingPlugin_isContainedAndNamed_otherDealsStillRanked() {
    List<Deal> deals = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      deals.add(deal("D-" + i, QualificationLevel.YES, 1));
    }

    Ranking ranking = Prioritiser.of(ScorerRegistry.discover().require("sulky"))
        .rank(deals, ScoringContext.of(PIPELINE, AS_OF));

    assertThat(ranking.deals()).extracting(r -> r.deal().id()).containsExactlyInAnyOrder("D-2", "D-4");
    assertThat(ranking.failures()).extracting(ScoringFailure::dealId)
        .containsExactlyInAnyOrder("D-0", "D-1", "D-3", "D-5");
    assertThat(ranking.failures()).allSatisfy(f -> assertThat(f.scorerId()).isEqualTo("sulky"));
    assertThat(ranking.failures()).filteredOn(f -> f.dealId().equals("D-1")).singleElement()
        .satisfies(f -> assertThat(f.message()).contains("sulky").contains("D-1").contains("sulking about D-1"));
    assertThat(ranking.failures()).filteredOn(f -> f.dealId().equals("D-0")).singleElement()
        .isInstanceOf(ScoringFailure.InvalidProbability.class);
  }
}
