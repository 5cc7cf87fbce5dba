package org.salespipeline.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vavr.control.Option;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A hygiene report holds its flagged deals as the calculation hands them over, without copying
 * them: the generated builder copied every list twice, element by element, where most open deals
 * may be flagged.
 */
class HygieneReportCopyTest {

  private static final int DEALS = 200_000;
  private static final Instant AS_OF = Instant.parse("2025-06-01T00:00:00Z");

  private static List<FlaggedDeal> flagged() {
    FlaggedDeal deal = new FlaggedDeal("D1", "ana", "a", "A", Option.none(), Option.none(), AS_OF, 20.0,
        EnumSet.of(HygieneFlag.NO_RECENT_ACTIVITY), Option.none());
    List<FlaggedDeal> deals = new ArrayList<>(DEALS);
    for (int i = 0; i < DEALS; i++) {
      deals.add(deal);
    }
    return deals;
  }

  private static HygieneReport report(List<FlaggedDeal> deals) {
    return HygieneReport.of("Simple", HygieneQuery.asOf(AS_OF), new HygieneCounts(DEALS, DEALS, Map.of()), Map.of(),
        deals);
  }

  /**
   * The report's list is a view over the very list handed over, not a copy: a change to that list
   * (which the calculation never makes: it keeps no reference) would show through.
   */
  @Test
  void report_holdsTheFlaggedDeals_withoutCopyingThem() {
    List<FlaggedDeal> deals = flagged();
    HygieneReport report = report(deals);
    FlaggedDeal other = new FlaggedDeal("D2", "bo", "a", "A", Option.none(), Option.none(), AS_OF, 30.0,
        EnumSet.of(HygieneFlag.NO_OWNER), Option.none());

    deals.set(DEALS - 1, other);

    assertThat(report.deals().get(DEALS - 1)).isSameAs(other);
  }

  @Test
  void deals_areUnmodifiable_andTheReportIsEqualByThem() {
    List<FlaggedDeal> deals = flagged();
    HygieneReport report = report(deals);

    assertThatThrownBy(() -> report.deals().remove(0)).isInstanceOf(UnsupportedOperationException.class);
    assertThat(report).isEqualTo(report(flagged())).hasSameHashCodeAs(report(flagged()));
    assertThat(report).isNotEqualTo(report(flagged().subList(1, DEALS)));
  }
}
