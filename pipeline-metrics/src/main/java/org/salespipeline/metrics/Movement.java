package org.salespipeline.metrics;

import java.util.Objects;

/**
 * The movement of one pipeline over an interval {@code [A, B)} (SPEC §4.1): where it started,
 * what came in, what went out, and where it ended, each a {@link Figure} (a count and the amounts
 * per currency).
 *
 * <p>The pipeline is the whole open pipeline, or the pipeline of a target period {@code P}: the
 * open deals whose expected close date falls in {@code P}. Every figure is exact and they add up,
 * for counts and for the amounts of each currency:
 * <pre>
 * start + created + movedIn + reopened − won − lost − movedOut = end                      (counts)
 * start + created + movedIn + reopened − won − lost − movedOut + increased − decreased = end (amounts)
 * </pre>
 * A deal's amount in each figure is its amount as of that figure's event; deals without an amount
 * count in the counts only. A deal that closes, reopens and closes again inside the interval counts
 * in each of those figures. {@code pulledIn} and {@code pushedOut} are parts of {@code movedIn} and
 * {@code movedOut}, not further terms of the identity.
 *
 * <p>The names are those of Salesforce's pipeline inspection and of the revenue tools' "pipeline
 * flow" (a deal whose close date moved from a later period into {@code P} was pulled in; out of
 * {@code P} to a later period, pushed out; see SAP's KBA 3226130 "Pipeline Flow Categories" and
 * Salesforce Help, "Guidelines and Limits for Pipeline Inspection", on the Moved Out metric).
 * Salesforce estimates these figures from snapshots; here they are replayed from each deal's events.
 *
 * <p>Immutable and thread-safe.
 *
 * @param start the deals in the pipeline just before {@code A}, after their events before it
 *     (amounts then)
 * @param created the deals opened in {@code [A, B)} straight into the pipeline (amounts when opened)
 * @param movedIn the open deals whose expected close date moved into {@code P} in {@code [A, B)};
 *     zero without a target period
 * @param pulledIn the part of movedIn whose expected close date came from a later period
 * @param movedOut the open deals whose expected close date moved out of {@code P} (to another
 *     period, or cleared) in {@code [A, B)}; zero without a target period
 * @param pushedOut the part of movedOut whose expected close date went to a later period
 * @param reopened the reopen events in {@code [A, B)} that brought a deal back into the pipeline
 *     (amounts then)
 * @param won the won events in {@code [A, B)} of deals in the pipeline (amounts then)
 * @param lost the lost events in {@code [A, B)} of deals in the pipeline (amounts then)
 * @param increased the amount changes in {@code [A, B)} that raised the amount of a deal in the
 *     pipeline, by how much; setting an amount on a deal without one, and the new side of a change
 *     of currency, are increases
 * @param decreased the amount changes in {@code [A, B)} that lowered it, by how much; clearing an
 *     amount, and the old side of a change of currency, are decreases
 * @param end the deals in the pipeline just before {@code B} (amounts then)
 */
public record Movement(
    Figure start,
    Figure created,
    Figure movedIn,
    Figure pulledIn,
    Figure movedOut,
    Figure pushedOut,
    Figure reopened,
    Figure won,
    Figure lost,
    Figure increased,
    Figure decreased,
    Figure end) {

  /**
   * Creates the value, checking that no figure is null.
   *
   * @param start the deals in the pipeline just before A
   * @param created the deals opened into the pipeline
   * @param movedIn the deals whose expected close date moved into P
   * @param pulledIn the part of movedIn that came from a later period
   * @param movedOut the deals whose expected close date moved out of P
   * @param pushedOut the part of movedOut that went to a later period
   * @param reopened the reopen events into the pipeline
   * @param won the won events of deals in the pipeline
   * @param lost the lost events of deals in the pipeline
   * @param increased the increases of amounts in the pipeline
   * @param decreased the decreases of amounts in the pipeline
   * @param end the deals in the pipeline just before B
   */
  public Movement {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(created, "created");
    Objects.requireNonNull(movedIn, "movedIn");
    Objects.requireNonNull(pulledIn, "pulledIn");
    Objects.requireNonNull(movedOut, "movedOut");
    Objects.requireNonNull(pushedOut, "pushedOut");
    Objects.requireNonNull(reopened, "reopened");
    Objects.requireNonNull(won, "won");
    Objects.requireNonNull(lost, "lost");
    Objects.requireNonNull(increased, "increased");
    Objects.requireNonNull(decreased, "decreased");
    Objects.requireNonNull(end, "end");
  }
}
