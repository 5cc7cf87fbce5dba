package org.salespipeline.metrics;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.immutables.value.Value;
import org.salespipeline.core.internal.ValueStyle;
import org.salespipeline.metrics.internal.TextTable;

/**
 * The pipeline hygiene review of a set of deals as of {@code T} (SPEC §4.1): the open deals'
 * {@link HygieneFlag flags} counted in all and per owner, and the flagged deals, worst first.
 *
 * <p>Worst first means: more flags first; then the deal left alone longest (the earliest latest
 * event); then by deal id. The order is total, so equal inputs always list the same way.
 *
 * <p>{@link #toString()} prints the counts and the first {@value #SHOWN} deals as aligned tables.
 * Immutable and thread-safe; equal when the pipeline, the query, every count and every flagged deal
 * are equal.
 */
@Value.Immutable
@ValueStyle
@SuppressWarnings("exports") // the compile-only Immutables annotations are not part of the API
public abstract class HygieneReport {

  /** How many flagged deals {@link #toString()} lists; {@link #deals()} has them all. */
  public static final int SHOWN = 20;

  HygieneReport() {}

  /**
   * The report of flagged deals sorted worst first; the list is taken as it is (see
   * {@link FlaggedDeals}): the caller hands it over and keeps no reference to it.
   */
  static HygieneReport of(String pipelineName, HygieneQuery query, HygieneCounts total,
      Map<String, HygieneCounts> owners, List<FlaggedDeal> deals) {
    return ImmutableHygieneReport.builder().pipelineName(pipelineName).query(query).total(total).owners(owners)
        .flagged(new FlaggedDeals(deals)).build();
  }

  /** The display name of the pipeline, for the title of {@link #toString()}. */
  abstract String pipelineName();

  /**
   * Returns the query the report answers.
   *
   * @return the query, never null
   */
  public abstract HygieneQuery query();

  /**
   * Returns the counts over every open deal.
   *
   * @return the counts, never null
   */
  public abstract HygieneCounts total();

  /**
   * Returns the counts per owner at {@code T}, by owner in ascending order; {@link Grouping#NONE}
   * for deals without an owner. Every owner of an open deal has an entry, flagged or not.
   *
   * @return an unmodifiable map, never null
   */
  public abstract Map<String, HygieneCounts> owners();

  /**
   * Returns the open deals with at least one flag, worst first (see the class comment).
   *
   * @return an unmodifiable list, never null
   */
  public List<FlaggedDeal> deals() {
    return flagged().deals();
  }

  /** The flagged deals, held without the generated builder's copies (see {@link FlaggedDeals}). */
  abstract FlaggedDeals flagged();

  /**
   * The flagged deals as one unmodifiable list, taken as it is: where most open deals are flagged
   * they are hundreds of thousands, which the generated builder would copy twice (as it does every
   * list attribute, element by element into its own list, then into the report's). The one list is
   * the calculation's own, which keeps no reference to it; an unmodifiable view over it is all the
   * report needs.
   */
  record FlaggedDeals(List<FlaggedDeal> deals) {
    FlaggedDeals {
      deals = Collections.unmodifiableList(deals); // a view, not a copy
    }
  }

  /**
   * Returns the counts per owner and the worst {@value #SHOWN} deals as aligned tables.
   *
   * @return the text, never null
   */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("Pipeline hygiene: ").append(pipelineName()).append(", ").append(query())
        .append('\n');
    HygieneFlag[] flags = HygieneFlag.values();
    String[] headers = new String[3 + flags.length];
    headers[0] = "Owner";
    headers[1] = "open";
    headers[2] = "flagged";
    for (HygieneFlag flag : flags) {
      headers[3 + flag.ordinal()] = name(flag);
    }
    TextTable counts = new TextTable(headers);
    owners().forEach((owner, c) -> counts.row(countRow(owner, c)));
    counts.row(countRow("(all)", total()));
    counts.appendTo(out, "");
    if (!deals().isEmpty()) {
      out.append('\n');
      TextTable list = new TextTable("Deal", "owner", "stage", "amount", "expected close", "quiet days", "flags");
      for (FlaggedDeal d : deals().subList(0, Math.min(SHOWN, deals().size()))) {
        StringBuilder f = new StringBuilder();
        for (HygieneFlag flag : d.flags()) {
          f.append(f.length() == 0 ? "" : ", ").append(name(flag));
          if (flag == HygieneFlag.STUCK) {
            d.stuck().forEach(s -> f.append(" (+").append(FigureFormat.PLAIN.days(s.overDays())).append(" days)"));
          }
        }
        list.row(d.dealId(), Grouping.label(d.owner()), d.stageName(), FigureFormat.PLAIN.money(d.amount()),
            d.expectedClose().map(Object::toString).getOrElse(FigureFormat.PLAIN.none()), FigureFormat.PLAIN.days(d.quietDays()), f.toString());
      }
      list.appendTo(out, "");
      if (deals().size() > SHOWN) {
        out.append("... and ").append(deals().size() - SHOWN).append(" more flagged deals\n");
      }
    }
    return out.toString();
  }

  private static String[] countRow(String owner, HygieneCounts c) {
    String[] row = new String[3 + HygieneFlag.values().length];
    row[0] = owner;
    row[1] = Long.toString(c.openDeals());
    row[2] = Long.toString(c.flaggedDeals());
    c.byFlag().forEach((flag, n) -> row[3 + flag.ordinal()] = Long.toString(n));
    return row;
  }

  private static String name(HygieneFlag flag) {
    return flag.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
