package org.salespipeline.metrics;

import io.vavr.control.Option;

/**
 * A partial result of {@link Accumulator}: the deals counted by status (open at T, won or lost in
 * the window), the deals without an amount, and from them the win rate by count.
 *
 * <p>Mutable and not thread-safe; merging adds the counts, so any split gives the same figures.
 */
final class DealCounts {

  long deals;
  long open;
  long won;
  long lost;
  long unpriced;

  /** Counts an open deal. */
  void addOpen(boolean priced) {
    deals++;
    open++;
    if (!priced) {
      unpriced++;
    }
  }

  /** Counts a closed deal: as won or lost, and as unpriced, only if it closed in the window. */
  void addClosed(boolean closedInWindow, boolean isWon, boolean priced) {
    deals++;
    if (!closedInWindow) {
      return;
    }
    if (isWon) {
      won++;
    } else {
      lost++;
    }
    if (!priced) {
      unpriced++;
    }
  }

  void merge(DealCounts other) {
    deals += other.deals;
    open += other.open;
    won += other.won;
    lost += other.lost;
    unpriced += other.unpriced;
  }

  /** The win rate by count of the deals closed in the window, none if none closed. */
  Option<Rate> winRate() {
    return won + lost == 0 ? Option.none() : Option.some(Rate.of(won, won + lost));
  }

  void writeTo(PartialResultFormat.Out out) {
    for (long count : new long[] {deals, open, won, lost, unpriced}) {
      out.unsigned(count);
    }
  }

  void readFrom(PartialResultFormat.In in) {
    deals = in.count("the number of deals");
    open = in.count("the number of open deals");
    won = in.count("the number of won deals");
    lost = in.count("the number of lost deals");
    unpriced = in.count("the number of unpriced deals");
  }
}
