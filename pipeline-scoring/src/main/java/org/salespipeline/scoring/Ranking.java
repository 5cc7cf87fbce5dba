package org.salespipeline.scoring;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Open deals in the order to work them, with what could not be ranked and why.
 *
 * <p>Immutable and thread-safe. {@link #toString()} is an aligned text table.
 *
 * @param deals the ranked deals, best first; copied
 * @param failures the deals the scorer failed on; copied
 * @param considered how many open deals of the pipeline were looked at
 * @param unpriced how many of the ranked deals have no amount (ranked after the priced ones)
 * @param notes what a reader must know about the ranking (unpriced deals, mixed currencies, failures); copied
 */
public record Ranking(List<RankedDeal> deals, List<ScoringFailure> failures, int considered, int unpriced,
    List<String> notes) {

  /**
   * Creates the value, copying the lists.
   *
   * @param deals the ranked deals, not null
   * @param failures the failures, not null
   * @param considered how many open deals were looked at
   * @param unpriced how many ranked deals have no amount
   * @param notes the notes, not null
   */
  public Ranking {
    deals = List.copyOf(Objects.requireNonNull(deals, "deals"));
    failures = List.copyOf(Objects.requireNonNull(failures, "failures"));
    notes = List.copyOf(Objects.requireNonNull(notes, "notes"));
  }

  @Override
  public String toString() {
    StringBuilder t = new StringBuilder();
    t.append(String.format(Locale.ROOT, "%4s  %-12s %-24s %-14s %6s %18s %7s%n", "rank", "deal", "title", "stage",
        "prob", "expected value", "urgency"));
    for (RankedDeal r : deals) {
      t.append(String.format(Locale.ROOT, "%4d  %-12s %-24s %-14s %5.1f%% %18s %7.2f%n", r.rank(),
          cut(r.deal().id(), 12), cut(r.deal().title(), 24), cut(r.deal().stageId(), 14), r.probability() * 100,
          r.expectedValue().map(m -> m.amount().setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString() + " "
              + m.currency().getCurrencyCode()).getOrElse("(no amount)"), r.urgency()));
    }
    for (String note : notes) {
      t.append("note: ").append(note).append(System.lineSeparator());
    }
    return t.toString();
  }

  private static String cut(String s, int width) {
    return s.length() <= width ? s : s.substring(0, width - 1) + "…";
  }
}
