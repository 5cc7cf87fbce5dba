package org.salespipeline.metrics;

import io.vavr.control.Option;
import java.util.ArrayList;
import java.util.List;
import org.salespipeline.core.Stage;

/**
 * A partial result of {@link Accumulator}: the cohort (deals created in the window) counted by the
 * furthest open stage each reached, open or lost there, and its won deals, which passed every
 * stage; finished into the {@link FunnelStage}s (skipped stages count as passed).
 *
 * <p>Mutable and not thread-safe; merging adds the counts, so any split gives the same funnel.
 */
final class Funnel {

  private final int k;
  /** Cohort deals by furthest open stage: [2f] open, [2f + 1] lost; won deals are beyond. */
  private final long[] furthest;
  private long won;

  Funnel(int openStages) {
    this.k = openStages;
    this.furthest = new long[2 * openStages];
  }

  void addOpen(int furthestOpen) {
    furthest[2 * furthestOpen]++;
  }

  void addClosed(boolean isWon, int furthestOpen) {
    if (isWon) {
      won++;
    } else {
      furthest[2 * furthestOpen + 1]++;
    }
  }

  void merge(Funnel other) {
    for (int i = 0; i < furthest.length; i++) {
      furthest[i] += other.furthest[i];
    }
    won += other.won;
  }

  /** The cohort's deals, or {@code Long.MAX_VALUE} if a corrupted count overflows. */
  long cohort() {
    long cohort = won;
    for (long count : furthest) {
      cohort += count;
      if (cohort < 0) {
        return Long.MAX_VALUE;
      }
    }
    return cohort;
  }

  List<FunnelStage> finish(List<Stage> openStages) {
    List<FunnelStage> funnel = new ArrayList<>(k);
    for (int s = 0; s < k; s++) {
      funnel.add(stage(s, openStages.get(s)));
    }
    return funnel;
  }

  private FunnelStage stage(int s, Stage stage) {
    long reached = won;
    long advanced = won;
    long lostFromHereOn = 0;
    for (int f = s; f < k; f++) {
      long atF = furthest[2 * f] + furthest[2 * f + 1];
      reached += atF;
      if (f > s) {
        advanced += atF;
      }
      lostFromHereOn += furthest[2 * f + 1];
    }
    long lostHere = furthest[2 * s + 1];
    long openHere = furthest[2 * s];
    Option<Rate> conversion = advanced + lostHere == 0 ? Option.none()
        : Option.some(Rate.of(advanced, advanced + lostHere));
    Option<Rate> winRate = won + lostFromHereOn == 0 ? Option.none()
        : Option.some(Rate.of(won, won + lostFromHereOn));
    return new FunnelStage(stage.id(), stage.name(), reached, advanced, lostHere, openHere, conversion, winRate);
  }

  /** The won count, written among the counts (where the wire form has always had it). */
  void writeWonTo(PartialResultFormat.Out out) {
    out.unsigned(won);
  }

  void readWonFrom(PartialResultFormat.In in) {
    won = in.count("the number of won deals of the cohort");
  }

  void writeStagesTo(PartialResultFormat.Out out) {
    for (long count : furthest) {
      out.unsigned(count);
    }
  }

  void readStagesFrom(PartialResultFormat.In in) {
    for (int i = 0; i < furthest.length; i++) {
      furthest[i] = in.count("a funnel count");
    }
  }
}
