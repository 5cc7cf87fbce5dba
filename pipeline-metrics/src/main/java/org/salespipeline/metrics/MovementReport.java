package org.salespipeline.metrics;

import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.immutables.value.Value;
import org.salespipeline.core.internal.ValueStyle;
import org.salespipeline.metrics.internal.TextTable;

/**
 * The pipeline movement of a set of deals over {@code [A, B)} (SPEC §4.1): the whole
 * {@link Movement} and, with a grouping, one per group.
 *
 * <p>{@link #toString()} prints the waterfall as an aligned table (amounts rounded half-even to
 * each currency's minor unit), and with a grouping a table of every group's counts. Immutable and
 * thread-safe; equal when the pipeline, the query and every figure are equal.
 */
@Value.Immutable
@ValueStyle
@SuppressWarnings("exports") // the compile-only Immutables annotations are not part of the API
public abstract class MovementReport {

  MovementReport() {}

  static MovementReport of(String pipelineName, MovementQuery query, Movement total, Map<String, Movement> groups) {
    return ImmutableMovementReport.builder().pipelineName(pipelineName).query(query).total(total).groups(groups)
        .build();
  }

  /** The display name of the pipeline, for the title of {@link #toString()}. */
  abstract String pipelineName();

  /**
   * Returns the query the report answers.
   *
   * @return the query, never null
   */
  public abstract MovementQuery query();

  /**
   * Returns the movement of every deal.
   *
   * @return the movement, never null
   */
  public abstract Movement total();

  /**
   * Returns the movement of each group, by group key in ascending order; a deal's group is its key
   * just before {@code B}. Deals opened at or after {@code B} are in no group.
   *
   * @return an unmodifiable map, empty without a grouping
   */
  public abstract Map<String, Movement> groups();

  /**
   * Returns the waterfall as an aligned table: a row per figure, the count and the amount in each
   * currency; then, with a grouping, the counts of each group.
   *
   * @return the text, never null
   */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("Pipeline movement: ").append(pipelineName()).append(", ").append(query())
        .append('\n');
    TreeSet<Currency> currencies = new TreeSet<>((a, b) -> a.getCurrencyCode().compareTo(b.getCurrencyCode()));
    for (Figure f : figures(total())) {
      currencies.addAll(f.amount().keySet());
    }
    String[] headers = new String[2 + currencies.size()];
    headers[0] = "Movement";
    headers[1] = "count";
    int c = 2;
    for (Currency currency : currencies) {
      headers[c++] = currency.getCurrencyCode();
    }
    TextTable table = new TextTable(headers);
    List<Figure> figures = figures(total());
    for (int i = 0; i < LABELS.length; i++) {
      Figure f = figures.get(i);
      String[] row = new String[headers.length];
      row[0] = LABELS[i];
      row[1] = Long.toString(f.count());
      int k = 2;
      for (Currency currency : currencies) {
        row[k++] = FigureFormat.PLAIN.money(f.amount(currency));
      }
      table.row(row);
    }
    table.appendTo(out, "");
    if (!groups().isEmpty()) {
      out.append("\nGroups (").append(query().grouping().map(Grouping::name).getOrElse("")).append("), counts\n");
      TextTable byGroup = new TextTable("Group", "start", "created", "moved in", "reopened", "won", "lost",
          "moved out", "end");
      groups().forEach((key, m) -> byGroup.row(key, n(m.start()), n(m.created()), n(m.movedIn()), n(m.reopened()),
          n(m.won()), n(m.lost()), n(m.movedOut()), n(m.end())));
      byGroup.appendTo(out, "");
    }
    return out.toString();
  }

  private static final String[] LABELS = {"start", "+ created", "+ moved in", "    of which pulled in",
      "+ reopened", "- won", "- lost", "- moved out", "    of which pushed out", "+ increased", "- decreased",
      "= end"};

  private static List<Figure> figures(Movement m) {
    return List.of(m.start(), m.created(), m.movedIn(), m.pulledIn(), m.reopened(), m.won(), m.lost(), m.movedOut(),
        m.pushedOut(), m.increased(), m.decreased(), m.end());
  }

  private static String n(Figure f) {
    return Long.toString(f.count());
  }
}
