package org.salespipeline.analyst.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.Deal;
import org.salespipeline.core.DealEvent;
import org.salespipeline.core.DealStatus;
import org.salespipeline.core.Pipeline;

class SampleDealsTest {

  private static final Pipeline PIPELINE = Pipeline.standard();
  private static List<Deal> deals;

  @BeforeAll
  static void generate() {
    deals = SampleDeals.of(11).deals(1_000);
  }

  @Test
  void deals_sameSeed_sameDeals() {
    assertThat(SampleDeals.of(11).deals(1_000)).isEqualTo(deals);
    assertThat(SampleDeals.of(12).deals(1_000)).isNotEqualTo(deals);
  }

  @Test
  void deals_everyHistory_replaysUnderTheStandardPipelineAndEndsByTheExport() {
    for (Deal deal : deals) {
      assertThat(Deal.replay(PIPELINE, deal.history())).isEqualTo(deal);
      assertThat(deal.lastEventAt()).isBeforeOrEqualTo(SampleDeals.AS_OF);
    }
  }

  @Test
  void deals_haveSkipsBackwardMovesReopensAndEveryOutcome() {
    List<DealEvent> events = deals.stream().flatMap(d -> d.history().stream()).toList();
    long skips = events.stream().filter(e -> e instanceof DealEvent.StageChanged c
        && order(c.toStageId()) > order(c.fromStageId()) + 1).count();
    long backward = events.stream().filter(e -> e instanceof DealEvent.StageChanged c
        && order(c.toStageId()) < order(c.fromStageId())).count();
    long reopens = events.stream().filter(e -> e instanceof DealEvent.Reopened).count();

    assertThat(skips).isGreaterThan(50);
    assertThat(backward).isGreaterThan(5);
    assertThat(reopens).isGreaterThan(5);
    assertThat(deals.stream().map(Deal::status).collect(Collectors.toSet())).containsExactlyInAnyOrder(DealStatus.values());
  }

  @Test
  void deals_haveSeveralOwnersSegmentsCurrenciesAndLostReasons() {
    assertThat(deals.stream().map(Deal::owner).collect(Collectors.toSet()))
        .isEqualTo(Set.copyOf(SampleDeals.OWNERS));
    assertThat(deals.stream().map(d -> d.attributes().get("segment")).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder("SMB", "Mid-market", "Enterprise");
    assertThat(deals.stream().flatMap(d -> d.amount().toJavaStream()).map(m -> m.currency().getCurrencyCode())
        .collect(Collectors.toSet())).containsExactlyInAnyOrder("USD", "EUR");
    assertThat(deals).anyMatch(d -> d.amount().isEmpty());
    assertThat(deals.stream().flatMap(d -> d.lostReason().toJavaStream()).collect(Collectors.toSet()))
        .hasSizeGreaterThanOrEqualTo(6);
  }

  @Test
  void deals_negativeCount_throwsNamingIt() {
    assertThatThrownBy(() -> SampleDeals.of(1).deals(-1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("count must not be negative but was -1");
    assertThat(SampleDeals.of(1).deals(0)).isEmpty();
  }

  private static int order(String stageId) {
    return PIPELINE.stage(stageId).get().order();
  }
}
