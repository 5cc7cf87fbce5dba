package org.salespipeline.metrics;

import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.immutables.value.Value;
import org.salespipeline.core.Money;
import org.salespipeline.core.internal.ValueStyle;
import org.salespipeline.metrics.internal.TextTable;

/**
 * The forecast roll-up of a set of deals as of {@code T} (SPEC §4.1): per calendar period, the
 * team's and each owner's {@link ForecastFigures}, and the open deals that have no expected close
 * date, which no period can hold and which are counted here rather than dropped.
 *
 * <p>{@link #toString()} prints aligned tables (amounts rounded half-even to each currency's minor
 * unit, ratios as percentages). Immutable and thread-safe; equal when the pipeline, the query and
 * every figure are equal.
 */
@Value.Immutable
@ValueStyle
@SuppressWarnings("exports") // the compile-only Immutables annotations are not part of the API
public abstract class ForecastReport {

  ForecastReport() {}

  static ForecastReport of(String pipelineName, ForecastQuery query, long deals, List<PeriodForecast> periods,
      Figure noCloseDate, Map<String, Figure> noCloseDateByOwner) {
    return ImmutableForecastReport.builder().pipelineName(pipelineName).query(query).deals(deals).periods(periods)
        .noCloseDate(noCloseDate).noCloseDateByOwner(noCloseDateByOwner).build();
  }

  /** The display name of the pipeline, for the title of {@link #toString()}. */
  abstract String pipelineName();

  /**
   * Returns the query the report answers.
   *
   * @return the query, never null
   */
  public abstract ForecastQuery query();

  /**
   * Returns the number of deals that existed at {@code T}: every one is in exactly one period, or
   * in {@link #noCloseDate()}.
   *
   * @return the number of deals, not negative
   */
  public abstract long deals();

  /**
   * Returns the roll-up of every period that holds a deal or a quota, in calendar order; periods
   * between them without either are left out.
   *
   * @return an unmodifiable list, never null
   */
  public abstract List<PeriodForecast> periods();

  /**
   * Returns the roll-up of one period.
   *
   * @param period the period, not null
   * @return the period's figures, or none if it holds no deal and no quota
   */
  public io.vavr.control.Option<PeriodForecast> period(TrendPeriod period) {
    Objects.requireNonNull(period, "period");
    return io.vavr.collection.List.ofAll(periods()).find(p -> p.period().equals(period));
  }

  /**
   * Returns the open deals without an expected close date: in no period, so in no figure of
   * {@link #periods()}.
   *
   * @return the figure, never null
   */
  public abstract Figure noCloseDate();

  /**
   * Returns {@link #noCloseDate()} per owner, by owner in ascending order.
   *
   * @return an unmodifiable map, never null; owners with no such deal have no entry
   */
  public abstract Map<String, Figure> noCloseDateByOwner();

  /**
   * Returns the roll-up as an aligned table: for each period the team ({@code (all)}) then each
   * owner, a row of counts and a row per currency of amounts, quota, attainment and coverage; then
   * a line per period and currency in which the team has no ratios because some owners have no
   * quota ({@link PeriodForecast#ownersWithoutQuota()}), naming them; then the deals without an
   * expected close date.
   *
   * @return the text, never null
   */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("Forecast roll-up: ").append(pipelineName()).append(", ").append(query())
        .append(", ").append(deals()).append(" deals\n");
    TextTable table = new TextTable("Period", "owner", "", "closed won", "commit", "best case", "pipeline", "omitted",
        "quota", "attainment", "coverage");
    for (PeriodForecast p : periods()) {
      rows(table, p.period().label(), "(all)", p.team());
      p.owners().forEach((owner, f) -> rows(table, "", owner, f));
    }
    table.appendTo(out, "");
    for (PeriodForecast p : periods()) {
      p.ownersWithoutQuota().forEach((currency, owners) -> out.append(p.period().label()).append(' ')
          .append(currency.getCurrencyCode()).append(": team attainment and coverage need a quota for every owner "
              + "who won or has pipeline in the period; none for: ").append(String.join(", ", owners)).append('\n'));
    }
    out.append("No expected close date (open, in no period): ").append(noCloseDate()).append('\n');
    noCloseDateByOwner().forEach((owner, f) -> out.append("  ").append(owner).append(": ").append(f).append('\n'));
    return out.toString();
  }

  private static void rows(TextTable table, String period, String owner, ForecastFigures f) {
    table.row(period, owner, "deals", n(f.closedWon()), n(f.commit()), n(f.bestCase()), n(f.pipeline()),
        n(f.omitted()));
    TreeSet<Currency> currencies = new TreeSet<>((a, b) -> a.getCurrencyCode().compareTo(b.getCurrencyCode()));
    for (Figure figure : List.of(f.closedWon(), f.commit(), f.bestCase(), f.pipeline(), f.omitted())) {
      currencies.addAll(figure.amount().keySet());
    }
    currencies.addAll(f.quota().keySet());
    for (Currency c : currencies) {
      Money quota = f.quota().get(c);
      table.row("", "", c.getCurrencyCode(), m(f.closedWon(), c), m(f.commit(), c), m(f.bestCase(), c),
          m(f.pipeline(), c), m(f.omitted(), c), quota == null ? FigureFormat.PLAIN.none() : FigureFormat.PLAIN.money(quota),
          FigureFormat.PLAIN.percent(io.vavr.control.Option.of(f.attainment().get(c))),
          FigureFormat.PLAIN.percent(io.vavr.control.Option.of(f.coverage().get(c))));
    }
  }

  private static String n(Figure f) {
    return Long.toString(f.count());
  }

  private static String m(Figure f, Currency c) {
    return FigureFormat.PLAIN.money(f.amount(c)).replace(" " + c.getCurrencyCode(), "");
  }
}
