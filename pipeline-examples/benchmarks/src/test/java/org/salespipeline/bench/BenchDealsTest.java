package org.salespipeline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.Deal;
import org.salespipeline.core.DealEvent;
import org.salespipeline.core.DealStatus;
import org.salespipeline.core.Money;

class BenchDealsTest {

  private static final BenchDeals GENERATOR = BenchDeals.standard(42);
  private static List<Deal> deals;

  @BeforeAll
  static void generate() {
    deals = GENERATOR.deals(2_000);
  }

  @Test
  void deals_sameSeed_sameDeals() {
    assertThat(BenchDeals.standard(42).deals(50)).isEqualTo(deals.subList(0, 50));
  }

  @Test
  void deals_otherSeed_otherDeals() {
    assertThat(BenchDeals.standard(43).deals(50)).isNotEqualTo(deals.subList(0, 50));
  }

  @Test
  void deal_byIndex_isTheSameAsInTheParallelList() {
    assertThat(GENERATOR.deal(1_234)).isEqualTo(deals.get(1_234));
  }

  @Test
  void deals_replayToThemselves_soEveryHistoryObeysThePipeline() {
    for (Deal deal : deals.subList(0, 300)) {
      assertThat(Deal.replay(GENERATOR.pipeline(), deal.history())).isEqualTo(deal);
    }
  }

  @Test
  void deals_haveAboutFiveStageChangesEach() {
    double perDeal = deals.stream().mapToLong(BenchDealsTest::stageChanges).average().orElseThrow();

    assertThat(perDeal).isBetween(4.0, 6.0);
  }

  @Test
  void deals_haveThreeAttributesSeveralOwnersAndCurrencies() {
    assertThat(deals).allMatch(d -> d.attributes().keySet().equals(Set.of("source", "segment", "product")));
    assertThat(deals.stream().map(Deal::owner).distinct().count()).isEqualTo(BenchDeals.OWNERS.size());
    assertThat(deals.stream().flatMap(d -> d.amount().map(Money::currency).toJavaStream()).distinct()
        .map(Object::toString).collect(Collectors.toSet())).containsExactlyInAnyOrder("USD", "EUR", "GBP");
    assertThat(deals).anyMatch(d -> d.amount().isEmpty());
  }

  @Test
  void deals_includeSkipsBackwardMovesReopensWinsAndLosses() {
    var pipeline = GENERATOR.pipeline();
    List<DealEvent.StageChanged> moves = deals.stream().flatMap(d -> d.history().stream())
        .filter(DealEvent.StageChanged.class::isInstance).map(DealEvent.StageChanged.class::cast).toList();
    assertThat(moves).anyMatch(m -> order(pipeline, m.toStageId()) > order(pipeline, m.fromStageId()) + 1);
    assertThat(moves).anyMatch(m -> order(pipeline, m.toStageId()) < order(pipeline, m.fromStageId()));
    assertThat(deals).anyMatch(d -> d.history().stream().anyMatch(DealEvent.Reopened.class::isInstance));
    assertThat(deals.stream().map(Deal::status).distinct()).containsExactlyInAnyOrder(DealStatus.values());
  }

  private static int order(org.salespipeline.core.Pipeline pipeline, String stageId) {
    return pipeline.stage(stageId).get().order();
  }

  private static long stageChanges(Deal deal) {
    return deal.history().stream()
        .filter(e -> e instanceof DealEvent.StageChanged || e instanceof DealEvent.Won || e instanceof DealEvent.Lost
            || e instanceof DealEvent.Reopened)
        .count();
  }
}
