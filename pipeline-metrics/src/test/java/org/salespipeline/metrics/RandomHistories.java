package org.salespipeline.metrics;

import io.vavr.control.Option;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.salespipeline.core.Deal;
import org.salespipeline.core.DealEvent;
import org.salespipeline.core.ForecastCategory;
import org.salespipeline.core.Money;
import org.salespipeline.core.Qualification;

/**
 * Random deal histories of {@link Script#SIMPLE} for the properties of SPEC §4.1, decoded from
 * lists of integers (so QuickTheories shrinks them as lists) and rebuilt with
 * {@link Deal#restore(Iterable)}.
 *
 * <p>The decoding reaches, on purpose: events at the same instant (two of five steps take no
 * time), so a deal created and closed in the same instant; closes and reopens many times over
 * (a closed deal's stage steps all reopen it); amounts cleared, set, changed in the same currency
 * and changed straight into another currency (USD, EUR, JPY), amounts with more decimals than the
 * currency's minor unit, zero and 18-digit amounts; expected close dates set, moved across month and
 * quarter boundaries (January to June 2025) and cleared; owner changes, including to no owner;
 * forecast category overrides of open deals, set to each open category and cleared (and ended by
 * the stage changes that follow them).
 */
final class RandomHistories {

  private static final long DAY = 86_400_000L;
  private static final long[] STEPS = {0, 0, 3_600_000L, DAY, 5 * DAY};
  private static final String[] OPEN_STAGES = {"a", "b", "c"};
  private static final String[] OWNERS = {"ana", "bo", ""};

  private RandomHistories() {}

  /** The deals of a list of code lists, D0, D1… in order; an empty code list is skipped. */
  static List<Deal> deals(List<List<Integer>> codes) {
    List<Deal> deals = new ArrayList<>();
    for (int i = 0; i < codes.size(); i++) {
      if (!codes.get(i).isEmpty()) {
        deals.add(deal("D" + i, codes.get(i)));
      }
    }
    return deals;
  }

  static Deal deal(String id, List<Integer> codes) {
    int first = codes.get(0);
    Instant at = Script.T0.plusMillis((first % 60) * DAY + (first / 60 % 2) * 12 * 3_600_000L);
    String stage = OPEN_STAGES[first / 120 % 3];
    List<DealEvent> events = new ArrayList<>();
    events.add(new DealEvent.Opened(id, Script.SIMPLE.id(), stage, "", "", OWNERS[first / 360 % 3],
        amount(first / 1080 % 8), close(first / 8640 % 10), Qualification.UNKNOWN, Map.of(), at));
    boolean open = true;
    for (int i = 1; i < codes.size(); i++) {
      int code = codes.get(i);
      at = at.plusMillis(STEPS[code / 12 % STEPS.length]);
      int p = code / 60;
      int op = code % 12;
      DealEvent e;
      if (!open && (op <= 3 || op == 8 || op == 9)) {
        stage = OPEN_STAGES[p % 3];
        e = new DealEvent.Reopened(id, stage, at);
        open = true;
      } else {
        switch (op) {
          case 0, 1 -> {
            String to = OPEN_STAGES[(indexOf(stage) + 1 + p % 2) % 3];
            e = new DealEvent.StageChanged(id, stage, to, at);
            stage = to;
          }
          case 2, 8 -> {
            e = new DealEvent.Won(id, stage, "won", at);
            open = false;
          }
          case 3, 9 -> {
            e = new DealEvent.Lost(id, stage, "lost", "Price", at);
            open = false;
          }
          case 4, 10 -> e = new DealEvent.AmountChanged(id, amount(p % 8), at);
          case 5, 11 -> e = new DealEvent.ExpectedCloseChanged(id, close(p % 10), at);
          case 6 -> e = open && p % 6 > 0 ? new DealEvent.ForecastCategoryOverridden(id, override(p % 6), at)
              : new DealEvent.ActivityRecorded(id, at);
          default -> e = new DealEvent.OwnerChanged(id, OWNERS[p % 3], at);
        }
      }
      events.add(e);
    }
    return Deal.restore(events);
  }

  /** None (a clearing) for 1, else an open deal's category. */
  private static Option<ForecastCategory> override(int k) {
    return switch (k) {
      case 2 -> Option.some(ForecastCategory.PIPELINE);
      case 3 -> Option.some(ForecastCategory.BEST_CASE);
      case 4 -> Option.some(ForecastCategory.COMMIT);
      case 5 -> Option.some(ForecastCategory.OMITTED);
      default -> Option.none();
    };
  }

  private static int indexOf(String stage) {
    return stage.charAt(0) - 'a';
  }

  private static Option<Money> amount(int k) {
    return switch (k) {
      case 2 -> Option.some(Money.parse("100", "USD"));
      case 3 -> Option.some(Money.parse("250.125", "USD"));
      case 4 -> Option.some(Money.parse("80", "EUR"));
      case 5 -> Option.some(Money.parse("5000", "JPY"));
      case 6 -> Option.some(Money.parse("0", "USD"));
      case 7 -> Option.some(Money.parse("999999999999999999", "USD"));
      default -> Option.none();
    };
  }

  private static Option<LocalDate> close(int k) {
    return k < 2 ? Option.none() : Option.some(LocalDate.of(2025, 1, 1).plusDays((k - 2) * 23L));
  }
}
