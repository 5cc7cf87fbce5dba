package org.salespipeline.analyst;

import io.vavr.control.Option;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.salespipeline.core.Deal;
import org.salespipeline.core.DealStatus;

/**
 * What the data cannot support (SPEC §6): warnings printed on standard error, listed in the JSON
 * {@code warnings} array and shown as a banner in the HTML report. The figures are still computed;
 * the warnings say which of them are so by construction. Stateless; a {@link Tally} counts what they need one
 * deal at a time.
 */
public final class DataWarnings {

  private DataWarnings() {}

  /**
   * Returns the warnings about the deals as of an instant: no lost deals (every win rate 100% by
   * construction), no won deals, no closed deals, lost deals without an amount (value win rate).
   *
   * @param deals the deals, not null
   * @param asOf the instant the figures are taken at, not null
   * @return the warnings, one sentence each, never null, empty when there is nothing to warn of
   */
  public static List<String> of(Iterable<? extends Deal> deals, Instant asOf) {
    Objects.requireNonNull(deals, "deals");
    Tally tally = tally(asOf);
    for (Deal deal : deals) {
      tally.add(deal);
    }
    return tally.warnings();
  }

  /**
   * Starts counting what the warnings of {@link #of} need, one deal at a time: for a command that
   * reads a file without holding its deals.
   *
   * @param asOf the instant the figures are taken at, not null
   * @return a new tally, never null
   */
  public static Tally tally(Instant asOf) {
    return new Tally(Objects.requireNonNull(asOf, "asOf"));
  }

  /**
   * The counts the warnings need: deals won, lost, and lost without an amount as of an instant,
   * and deals open now. Takes the deals one at a time, in any order, and holds none. Mutable and
   * not thread-safe.
   */
  public static final class Tally {

    private final Instant asOf;
    private long won;
    private long lost;
    private long lostWithoutAmount;
    private long openNow;

    private Tally(Instant asOf) {
      this.asOf = asOf;
    }

    /**
     * Counts one deal, as it was at the as-of instant.
     *
     * @param deal the deal, not null
     * @return this tally
     */
    public Tally add(Deal deal) {
      Objects.requireNonNull(deal, "deal");
      if (deal.isOpen()) {
        openNow++;
      }
      Option<Deal> then = deal.asOf(asOf);
      if (then.isEmpty()) {
        return this;
      }
      DealStatus status = then.get().status();
      if (status == DealStatus.WON) {
        won++;
      } else if (status == DealStatus.LOST) {
        lost++;
        if (then.get().amount().isEmpty()) {
          lostWithoutAmount++;
        }
      }
      return this;
    }

    /**
     * Returns how many deals counted were closed (won or lost) at the as-of instant: what a scorer
     * learning from closed deals learns from.
     *
     * @return the count
     */
    public long closed() {
      return won + lost;
    }

    /**
     * Returns how many deals counted are open now, in their latest version.
     *
     * @return the count
     */
    public long openNow() {
      return openNow;
    }

    /**
     * Returns the warnings of the deals counted, as {@link DataWarnings#of} says.
     *
     * @return the warnings, one sentence each, never null, empty when there is nothing to warn of
     */
    public List<String> warnings() {
      List<String> warnings = new ArrayList<>();
      if (won > 0 && lost == 0) {
        warnings.add("no deal was lost by " + asOf + ": every win rate is 100% by construction, and scorers that"
            + " learn from closed deals give every open deal a high probability; does the file hold the lost deals,"
            + " and is --lost their stage's name?");
      } else if (won == 0 && lost > 0) {
        warnings.add("no deal was won by " + asOf + ": every win rate is 0% by construction; does the file hold the"
            + " won deals, and is --won their stage's name?");
      } else if (won == 0) {
        warnings.add("no deal had closed by " + asOf + ": there is no win rate, and nothing to learn probabilities"
            + " from");
      }
      if (lostWithoutAmount > 0) {
        warnings.add(lostWithoutAmount + " of " + lost + " lost deals have no amount: the value win rate counts only "
            + "the lost deals with one, so it overstates what was won");
      }
      return warnings;
    }
  }

  /**
   * Returns a warning when a ranking cannot rank: every deal listed got the same probability, so
   * the order is that of amounts and ids alone.
   *
   * @param probabilities the probabilities of the deals listed, in rank order, not null
   * @param considered how many open deals were scored
   * @param scorerId the scorer's id, for the message, not null
   * @return the warning, or none
   */
  public static Option<String> sameScore(List<Double> probabilities, int considered, String scorerId) {
    Objects.requireNonNull(probabilities, "probabilities");
    Objects.requireNonNull(scorerId, "scorerId");
    if (probabilities.size() < 2 || probabilities.stream().distinct().count() > 1) {
      return Option.none();
    }
    return Option.some((probabilities.size() == considered ? "every open deal" : "each of the " + probabilities.size()
        + " deals listed (of " + considered + " open)") + " has the same probability " + probabilities.get(0)
        + " from scorer '" + scorerId + "': the order follows amounts and ids only, not the chance to win");
  }
}
