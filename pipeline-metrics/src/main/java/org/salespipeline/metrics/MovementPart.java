package org.salespipeline.metrics;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.salespipeline.core.Deal;
import org.salespipeline.core.DealEvent;
import org.salespipeline.core.Money;
import org.salespipeline.core.Pipeline;

/**
 * The partial result of a pipeline movement: replays each deal's events up to {@code B} through
 * a three-field state (open, amount, expected close date) and counts every change of pipeline
 * membership by the event that made it.
 *
 * <p>Design: the identity holds by construction. A deal is in the pipeline or not after each
 * event; every entry (created, movedIn, reopened) adds its amount then, every exit (won, lost,
 * movedOut) takes away its amount then, and every amount change while in is an increase or a
 * decrease. Summed over a deal's events from {@code A} to {@code B}, that telescopes from its
 * start to its end. An entry or exit made by any other kind of event is a bug, and says so.
 */
final class MovementPart extends DealPart<MovementReport> {

  /** The figures, in the order of {@link Movement}'s components. */
  enum Line {
    START, CREATED, MOVED_IN, PULLED_IN, MOVED_OUT, PUSHED_OUT, REOPENED, WON, LOST, INCREASED, DECREASED, END
  }

  private final MovementQuery movementQuery;
  private final Instant from;
  private final Instant to;
  private final @Nullable TrendPeriod target;
  private final @Nullable Grouping grouping;
  private final FigureSum[] total = sums();
  private final Map<String, FigureSum[]> groups = new HashMap<>();

  MovementPart(Pipeline pipeline, MovementQuery query) {
    super(pipeline, query);
    this.movementQuery = query;
    this.from = query.from();
    this.to = query.to();
    this.target = query.targetPeriod().getOrNull();
    this.grouping = query.grouping().getOrNull();
  }

  private static FigureSum[] sums() {
    FigureSum[] sums = new FigureSum[Line.values().length];
    for (int i = 0; i < sums.length; i++) {
      sums[i] = new FigureSum();
    }
    return sums;
  }

  @Override
  void accept(Deal deal) {
    if (!deal.createdAt().isBefore(to)) {
      return; // opened at or after B: not part of the interval
    }
    FigureSum[] group = null;
    if (grouping != null) {
      Deal atEnd = deal.asOf(to.minusNanos(1)).getOrElseThrow(() -> new IllegalStateException(
          "bug: deal " + deal.id() + " was created before " + to + " but has no state before it"));
      group = groups.computeIfAbsent(grouping.keyOf(atEnd), key -> sums());
    }
    replay(deal, total, group);
  }

  private void replay(Deal deal, FigureSum[] total, FigureSum @Nullable [] group) {
    boolean open = false;
    Money amount = null;
    LocalDate close = null;
    boolean in = false;
    boolean started = false;
    for (DealEvent e : deal.history()) {
      Instant at = e.at();
      if (!at.isBefore(to)) {
        break;
      }
      boolean counted = !at.isBefore(from);
      if (counted && !started) {
        started = true;
        if (in) {
          count(Line.START, amount, total, group);
        }
      }
      boolean wasIn = in;
      Money before = amount;
      LocalDate closeBefore = close;
      if (e instanceof DealEvent.Opened opened) {
        open = true;
        amount = opened.amount().getOrNull();
        close = opened.expectedClose().getOrNull();
      } else if (e instanceof DealEvent.Won || e instanceof DealEvent.Lost) {
        open = false;
      } else if (e instanceof DealEvent.Reopened) {
        open = true;
      } else if (e instanceof DealEvent.AmountChanged changed) {
        amount = changed.amount().getOrNull();
      } else if (e instanceof DealEvent.ExpectedCloseChanged changed) {
        close = changed.expectedClose().getOrNull();
      }
      in = open && (target == null || close != null && contains(target, close));
      if (!counted) {
        continue;
      }
      if (!wasIn && in) {
        entered(deal, e, amount, closeBefore, total, group);
      } else if (wasIn && !in) {
        left(deal, e, before, close, total, group);
      } else if (wasIn) {
        changed(before, amount, total, group);
      }
    }
    if (!started && in) {
      count(Line.START, amount, total, group);
    }
    if (in) {
      count(Line.END, amount, total, group);
    }
  }

  private void entered(Deal deal, DealEvent e, @Nullable Money amount, @Nullable LocalDate closeBefore,
      FigureSum[] total, FigureSum @Nullable [] group) {
    if (e instanceof DealEvent.Opened) {
      count(Line.CREATED, amount, total, group);
    } else if (e instanceof DealEvent.Reopened) {
      count(Line.REOPENED, amount, total, group);
    } else if (e instanceof DealEvent.ExpectedCloseChanged && target != null) {
      count(Line.MOVED_IN, amount, total, group);
      if (closeBefore != null && !closeBefore.isBefore(target.end())) {
        count(Line.PULLED_IN, amount, total, group);
      }
    } else {
      throw new IllegalStateException("bug: deal " + deal.id() + " entered the pipeline by " + e);
    }
  }

  private void left(Deal deal, DealEvent e, @Nullable Money amount, @Nullable LocalDate closeAfter, FigureSum[] total,
      FigureSum @Nullable [] group) {
    if (e instanceof DealEvent.Won) {
      count(Line.WON, amount, total, group);
    } else if (e instanceof DealEvent.Lost) {
      count(Line.LOST, amount, total, group);
    } else if (e instanceof DealEvent.ExpectedCloseChanged && target != null) {
      count(Line.MOVED_OUT, amount, total, group);
      if (closeAfter != null && !closeAfter.isBefore(target.end())) {
        count(Line.PUSHED_OUT, amount, total, group);
      }
    } else {
      throw new IllegalStateException("bug: deal " + deal.id() + " left the pipeline by " + e);
    }
  }

  /** An amount change of a deal that stays in the pipeline. */
  private static void changed(@Nullable Money before, @Nullable Money after, FigureSum[] total,
      FigureSum @Nullable [] group) {
    if (before == null && after == null) {
      return;
    }
    if (before == null) {
      count(Line.INCREASED, after, total, group);
    } else if (after == null) {
      count(Line.DECREASED, before, total, group);
    } else if (!before.currency().equals(after.currency())) {
      count(Line.DECREASED, before, total, group);
      count(Line.INCREASED, after, total, group);
    } else {
      BigDecimal difference = after.amount().subtract(before.amount());
      if (difference.signum() > 0) {
        count(Line.INCREASED, Money.of(difference, after.currency()), total, group);
      } else if (difference.signum() < 0) {
        count(Line.DECREASED, Money.of(difference.negate(), after.currency()), total, group);
      }
    }
  }

  private static boolean contains(TrendPeriod period, LocalDate date) {
    return !date.isBefore(period.start()) && date.isBefore(period.end());
  }

  private static void count(Line line, @Nullable Money amount, FigureSum[] total, FigureSum @Nullable [] group) {
    total[line.ordinal()].add(amount);
    if (group != null) {
      group[line.ordinal()].add(amount);
    }
  }

  @Override
  void mergeFrom(DealPart<MovementReport> other) {
    MovementPart that = (MovementPart) other;
    add(total, that.total);
    that.groups.forEach((key, sums) -> add(groups.computeIfAbsent(key, k -> sums()), sums));
  }

  private static void add(FigureSum[] into, FigureSum[] from) {
    for (int i = 0; i < into.length; i++) {
      into[i].add(from[i]);
    }
  }

  @Override
  MovementReport result() {
    Map<String, Movement> byGroup = new TreeMap<>();
    groups.forEach((key, sums) -> byGroup.put(key, movement(sums)));
    return MovementReport.of(pipeline.name(), movementQuery, movement(total), byGroup);
  }

  private static Movement movement(FigureSum[] s) {
    return new Movement(s[0].figure(), s[1].figure(), s[2].figure(), s[3].figure(), s[4].figure(), s[5].figure(),
        s[6].figure(), s[7].figure(), s[8].figure(), s[9].figure(), s[10].figure(), s[11].figure());
  }
}
