package org.salespipeline.analyst;

import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.salespipeline.core.Deal;
import org.salespipeline.core.DealStatus;
import org.salespipeline.core.Money;
import org.salespipeline.core.Pipeline;
import org.salespipeline.history.LoadedHistory;
import org.salespipeline.history.importers.ImportedHistory;
import org.salespipeline.history.ReadSummary;
import org.salespipeline.history.RowRejection;
import org.salespipeline.metrics.Grouping;

/**
 * A stage-history export in memory, as an analyst works with it: the deals loaded from one file,
 * the rows that were not loaded and why, and what follows from the file itself (its latest stage
 * entry, the default as-of instant; its currencies; the columns deals can be grouped by).
 *
 * <p>{@link #toString()} is one line, so that {@code var deals = load(...)} in JShell shows a summary
 * rather than every deal; {@link #describe()} gives more. Immutable and thread-safe.
 */
public final class Export {

  private static final int REJECTIONS_SHOWN = 5;

  private final String source;
  private final LoadedHistory history;
  private final ExportProfile profile;
  private final List<String> importNotes;

  private Export(String source, LoadedHistory history, Currency defaultCurrency, List<String> importNotes) {
    this.source = source;
    this.importNotes = List.copyOf(importNotes);
    this.history = history;
    ExportProfile.Builder builder = ExportProfile.builder(source, history.pipeline(), defaultCurrency);
    history.deals().forEach(builder::add);
    this.profile = builder.build(history.summary(), history.rejections(), history.unpricedCurrencies());
  }

  /**
   * Wraps a loaded stage history.
   *
   * @param source where the history came from (a file name), for messages; not null
   * @param history the loaded history, not null
   * @param defaultCurrency the currency the reader gave amounts without one, not null
   * @return the export, never null
   */
  public static Export of(String source, LoadedHistory history, Currency defaultCurrency) {
    return new Export(Objects.requireNonNull(source, "source"), Objects.requireNonNull(history, "history"),
        Objects.requireNonNull(defaultCurrency, "defaultCurrency"), List.of());
  }

  /**
   * Wraps the stage history a CRM export was imported into, keeping what the import told: its
   * counts, its warnings and the records it rejected ({@link #importNotes()}).
   *
   * @param source the export's file name, for messages; not null
   * @param imported what the importer made of the export, not null
   * @param history the imported history loaded into deals, not null
   * @param defaultCurrency the currency the reader gave amounts without one, not null
   * @return the export, never null
   */
  static Export imported(String source, ImportedHistory imported, LoadedHistory history, Currency defaultCurrency) {
    List<String> notes = new ArrayList<>();
    notes.add("imported as " + imported.shape().cliName() + ": " + imported.summary());
    imported.warnings().forEach(w -> notes.add("warning: " + w));
    imported.rejections().forEach(r -> notes.add("rejected " + r));
    return new Export(Objects.requireNonNull(source, "source"), Objects.requireNonNull(history, "history"),
        Objects.requireNonNull(defaultCurrency, "defaultCurrency"), notes);
  }

  /**
   * Returns what importing a CRM export told ({@link Analyst#importFrom}): a line with its counts,
   * then its warnings ({@code warning: ...}) and the records it rejected ({@code rejected ...});
   * empty for a stage-history file read as such.
   *
   * @return an unmodifiable list, never null
   */
  public List<String> importNotes() {
    return importNotes;
  }

  /**
   * Returns what the export tells besides its deals: counts, rejections, latest stage entry,
   * currencies and columns, the same a command reading a file grouped by deal learns in a pass
   * over it.
   *
   * @return the profile, never null
   */
  public ExportProfile profile() {
    return profile;
  }

  /**
   * Returns where the history came from.
   *
   * @return the file name, never null
   */
  public String source() {
    return source;
  }

  /**
   * Returns the pipeline the deals run through, built from the stage names.
   *
   * @return the pipeline, never null
   */
  public Pipeline pipeline() {
    return history.pipeline();
  }

  /**
   * Returns the deals loaded, in the order their ids first appear in the file.
   *
   * @return an unmodifiable list, never null
   */
  public List<Deal> deals() {
    return history.deals();
  }

  /**
   * Returns the rows that were not loaded, with line and reason, in file order.
   *
   * @return an unmodifiable list, never null
   */
  public List<RowRejection> rejections() {
    return history.rejections();
  }

  /**
   * Returns the counts of rows and deals read and rejected.
   *
   * @return the counts, never null
   */
  public ReadSummary summary() {
    return history.summary();
  }

  /**
   * Returns the latest stage entry of the loaded deals: the latest {@code entered_at} of the rows
   * that changed a deal's stage. It is the default as-of instant of {@link Analyst#metrics} and
   * of the command line, as if the file had been exported then.
   *
   * @return the instant, or none if no deal was loaded
   */
  public Option<Instant> latestEntry() {
    return profile.latestEntry();
  }

  /**
   * Returns the default as-of instant of every analysis over this export: the {@linkplain
   * #latestEntry() latest stage entry}, or the epoch when no deal was loaded.
   *
   * @return the instant, never null
   */
  public Instant defaultAsOf() {
    return profile.defaultAsOf();
  }

  /**
   * Returns the currency the reader gave amounts whose rows name none.
   *
   * @return the currency, never null
   */
  public Currency defaultCurrency() {
    return profile.defaultCurrency();
  }

  /**
   * Returns the currencies of the loaded deals' amounts; the default currency alone if no deal
   * has an amount, so that money figures always have at least one currency to report.
   *
   * @return an unmodifiable set ordered by currency code, never empty
   */
  public Set<Currency> currencies() {
    return profile.currencies();
  }

  /**
   * Finds the attribute a column holds, matching the column's name ignoring case, as the reader
   * matches headers. Only columns that give at least one loaded deal a value are known.
   *
   * @param column the column name, not null
   * @return the attribute key as the header spells it, or none
   */
  public Option<String> attribute(String column) {
    return profile.attribute(column);
  }

  /**
   * Returns the attribute keys of the loaded deals.
   *
   * @return the keys as the header spells them, ordered ignoring case, never null
   */
  public List<String> attributes() {
    return profile.attributes();
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
    return profile.grouping(column);
  }

  /**
   * Returns the export in one line: deals loaded by status, rows rejected and the file, such as
   * {@code 11 deals (5 open, 3 won, 3 lost), 2 of 31 rows rejected, from export.csv}. Short, so that
   * JShell shows it whole; {@link #describe()} says more.
   *
   * @return the text, never null
   */
  @Override
  public String toString() {
    Map<DealStatus, Long> byStatus = byStatus();
    ReadSummary summary = history.summary();
    return String.format(Locale.ROOT, "%,d deals (%,d open, %,d won, %,d lost), %,d of %,d rows rejected, from %s",
        history.deals().size(), byStatus.get(DealStatus.OPEN), byStatus.get(DealStatus.WON),
        byStatus.get(DealStatus.LOST), summary.rejectedRows(), summary.rows(), source);
  }

  /**
   * Describes the export in a few lines: the counts, the pipeline, the latest stage entry and the
   * first {@value #REJECTIONS_SHOWN} rejected rows with their reasons.
   *
   * @return the text, never null
   */
  public String describe() {
    Map<DealStatus, Long> byStatus = byStatus();
    long unpriced = history.deals().stream().filter(d -> d.amount().isEmpty()).count();
    StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
        "%s: %,d deals loaded (%,d open, %,d won, %,d lost%s) in pipeline %s%n", source, history.deals().size(),
        byStatus.get(DealStatus.OPEN), byStatus.get(DealStatus.WON), byStatus.get(DealStatus.LOST),
        unpriced == 0 ? "" : String.format(Locale.ROOT, "; %,d without amount", unpriced),
        String.join(" > ", history.pipeline().stages().stream().map(st -> st.name()).toList())));
    s.append(String.format(Locale.ROOT, "read %s; latest stage entry %s%n", history.summary(),
        profile.latestEntry().map(Instant::toString).getOrElse("(none)")));
    for (String note : importNotes) {
      s.append(note).append(System.lineSeparator());
    }
    List<RowRejection> rejections = history.rejections();
    for (int i = 0; i < Math.min(REJECTIONS_SHOWN, rejections.size()); i++) {
      s.append("rejected ").append(rejections.get(i)).append(System.lineSeparator());
    }
    if (rejections.size() > REJECTIONS_SHOWN) {
      s.append(String.format(Locale.ROOT, "... and %,d more rejected rows: see rejections()%n",
          rejections.size() - REJECTIONS_SHOWN));
    }
    return s.toString();
  }

  private Map<DealStatus, Long> byStatus() {
    Map<DealStatus, Long> byStatus = new LinkedHashMap<>();
    for (DealStatus status : DealStatus.values()) {
      byStatus.put(status, 0L);
    }
    for (Deal deal : history.deals()) {
      byStatus.merge(deal.status(), 1L, Long::sum);
    }
    return byStatus;
  }
}
