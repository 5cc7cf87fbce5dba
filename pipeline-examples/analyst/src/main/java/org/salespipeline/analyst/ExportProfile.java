package org.salespipeline.analyst;

import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.salespipeline.core.Deal;
import org.salespipeline.core.Money;
import org.salespipeline.core.Pipeline;
import org.salespipeline.history.ReadSummary;
import org.salespipeline.history.RowRejection;
import org.salespipeline.metrics.Grouping;

/**
 * What an export tells besides its deals: where it came from, its pipeline, what the reading left
 * out, its latest stage entry (the default as-of instant), its first creation, its currencies and
 * the columns its deals can be grouped by. Made in one pass over the deals ({@link #builder}), so
 * that a command reading a file grouped by deal knows all this without holding the deals; an
 * {@link Export} in memory has one too ({@link Export#profile()}).
 *
 * <p>It holds, besides a few values, the rejected rows it is given, the attribute keys and, for
 * each deal without an amount whose rows name a currency, that currency. Immutable and
 * thread-safe.
 */
public final class ExportProfile {

  private final String source;
  private final Pipeline pipeline;
  private final Currency defaultCurrency;
  private final ReadSummary summary;
  private final List<RowRejection> rejections;
  private final Map<String, Currency> unpricedCurrencies;
  private final Option<Instant> latestEntry;
  private final Option<Instant> firstCreation;
  private final Set<Currency> currencies;
  private final Map<String, String> attributeKeys;

  private ExportProfile(Builder b, ReadSummary summary, List<RowRejection> rejections,
      Map<String, Currency> unpricedCurrencies) {
    this.source = b.source;
    this.pipeline = b.pipeline;
    this.defaultCurrency = b.defaultCurrency;
    this.summary = summary;
    this.rejections = List.copyOf(rejections);
    this.unpricedCurrencies = Map.copyOf(unpricedCurrencies);
    this.latestEntry = Option.of(b.latestEntry);
    this.firstCreation = Option.of(b.firstCreation);
    Set<Currency> ordered = new TreeSet<>(Comparator.comparing(Currency::getCurrencyCode));
    ordered.addAll(b.currencies);
    this.currencies = Collections.unmodifiableSet(ordered);
    this.attributeKeys = Collections.unmodifiableMap(new TreeMap<>(b.attributeKeys));
  }

  /**
   * Starts the profile of an export, to give its deals to one at a time.
   *
   * @param source where the export came from (a file name), for messages; not null
   * @param pipeline the pipeline the deals run through, not null
   * @param defaultCurrency the currency the reader gave amounts without one, not null
   * @return a new builder, never null
   */
  public static Builder builder(String source, Pipeline pipeline, Currency defaultCurrency) {
    return new Builder(Objects.requireNonNull(source, "source"), Objects.requireNonNull(pipeline, "pipeline"),
        Objects.requireNonNull(defaultCurrency, "defaultCurrency"));
  }

  /**
   * Takes the deals of an export one at a time, then what the reading told
   * ({@link #build(ReadSummary, List, Map)}). The profile does not depend on the order of the
   * deals. Mutable and not thread-safe.
   */
  public static final class Builder {

    private final String source;
    private final Pipeline pipeline;
    private final Currency defaultCurrency;
    private Instant latestEntry;
    private Instant firstCreation;
    private final Set<Currency> currencies = new TreeSet<>(Comparator.comparing(Currency::getCurrencyCode));
    private final Map<String, String> attributeKeys = new TreeMap<>();

    private Builder(String source, Pipeline pipeline, Currency defaultCurrency) {
      this.source = source;
      this.pipeline = pipeline;
      this.defaultCurrency = defaultCurrency;
    }

    /**
     * Takes one deal of the export.
     *
     * @param deal the deal, not null
     * @return this builder
     */
    public Builder add(Deal deal) {
      Objects.requireNonNull(deal, "deal");
      Instant last = deal.lastEventAt();
      if (latestEntry == null || last.isAfter(latestEntry)) {
        latestEntry = last;
      }
      Instant created = deal.createdAt();
      if (firstCreation == null || created.isBefore(firstCreation)) {
        firstCreation = created;
      }
      deal.amount().forEach(m -> currencies.add(m.currency()));
      for (String key : deal.attributes().keySet()) {
        attributeKeys.putIfAbsent(key.toLowerCase(Locale.ROOT), key);
      }
      return this;
    }

    /**
     * Returns the profile of the deals taken.
     *
     * @param summary the counts of rows and deals read and rejected, not null
     * @param rejections the rejected rows kept, in file order, not null; copied
     * @param unpricedCurrencies the currency named by each deal without an amount that names one,
     *     by deal id, not null; copied
     * @return the profile, never null
     */
    public ExportProfile build(ReadSummary summary, List<RowRejection> rejections,
        Map<String, Currency> unpricedCurrencies) {
      return new ExportProfile(this, Objects.requireNonNull(summary, "summary"),
          Objects.requireNonNull(rejections, "rejections"), Objects.requireNonNull(unpricedCurrencies,
              "unpricedCurrencies"));
    }
  }

  /**
   * Returns where the export came from.
   *
   * @return the file name, never null
   */
  public String source() {
    return source;
  }

  /**
   * Returns the pipeline the deals run through.
   *
   * @return the pipeline, never null
   */
  public Pipeline pipeline() {
    return pipeline;
  }

  /**
   * Returns the counts of rows and deals read and rejected.
   *
   * @return the counts, never null
   */
  public ReadSummary summary() {
    return summary;
  }

  /**
   * Returns the rejected rows kept, with line and reason, in file order.
   *
   * @return an unmodifiable list, never null
   */
  public List<RowRejection> rejections() {
    return rejections;
  }

  /**
   * Returns the latest stage entry of the deals: the latest instant of an event of theirs.
   *
   * @return the instant, or none if there is no deal
   */
  public Option<Instant> latestEntry() {
    return latestEntry;
  }

  /**
   * Returns the default as-of instant of every analysis: the latest stage entry, or the epoch
   * when there is no deal.
   *
   * @return the instant, never null
   */
  public Instant defaultAsOf() {
    return latestEntry.getOrElse(Instant.EPOCH);
  }

  /**
   * Returns the earliest creation of a deal: where a window without a start begins.
   *
   * @return the instant, or none if there is no deal
   */
  public Option<Instant> firstCreation() {
    return firstCreation;
  }

  /**
   * Returns the currency the reader gave amounts whose rows name none.
   *
   * @return the currency, never null
   */
  public Currency defaultCurrency() {
    return defaultCurrency;
  }

  /**
   * Returns the currencies of the deals' amounts; the default currency alone if no deal has an
   * amount, so that money figures always have at least one currency to report.
   *
   * @return an unmodifiable set ordered by currency code, never empty
   */
  public Set<Currency> currencies() {
    return currencies.isEmpty() ? Set.of(defaultCurrency) : currencies;
  }

  /**
   * Finds the attribute a column holds, matching the column's name ignoring case, as the reader
   * matches headers. Only columns that give at least one deal a value are known.
   *
   * @param column the column name, not null
   * @return the attribute key as the header spells it, or none
   */
  public Option<String> attribute(String column) {
    return Option.of(attributeKeys.get(Objects.requireNonNull(column, "column").strip().toLowerCase(Locale.ROOT)));
  }

  /**
   * Returns the attribute keys of the deals.
   *
   * @return the keys as the header spells them, ordered ignoring case, never null
   */
  public List<String> attributes() {
    return List.copyOf(attributeKeys.values());
  }

  /**
   * Returns the grouping of a column: {@code owner}, {@code currency} (the amount's currency; for a
   * deal without an amount, the currency its rows name, else the default currency), or any
   * attribute column, matched ignoring case.
   *
   * @param column the column name, not null
   * @return the grouping, or why not (naming the columns deals can be grouped by)
   */
  public Either<BadChoice, Grouping> grouping(String column) {
    Objects.requireNonNull(column, "column");
    String key = column.strip().toLowerCase(Locale.ROOT);
    if (key.equals("owner")) {
      return Either.right(Grouping.owner());
    }
    if (key.equals("currency")) {
      // the amount's currency; else the one the deal's currency cells name; else the default (SPEC 6)
      Map<String, Currency> named = unpricedCurrencies;
      return Either.right(Grouping.of("currency", deal -> deal.amount().map(Money::currency)
          .getOrElse(() -> named.getOrDefault(deal.id(), defaultCurrency)).getCurrencyCode()));
    }
    Option<String> attribute = attribute(column);
    if (attribute.isDefined()) {
      return Either.right(Grouping.attribute(attribute.get()));
    }
    List<String> groupable = new ArrayList<>(List.of("owner", "currency"));
    groupable.addAll(attributes());
    return Either.left(new BadChoice.UnknownGrouping(column, groupable));
  }

  @Override
  public String toString() {
    return "ExportProfile[" + source + ": " + summary + "]";
  }
}
