package org.salespipeline.analyst.cli;

import io.vavr.control.Option;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.salespipeline.analyst.Export;
import org.salespipeline.core.Deal;
import org.salespipeline.core.Pipeline;
import org.salespipeline.history.HistoryPipeline;
import org.salespipeline.history.LoadedHistory;
import org.salespipeline.history.ReadSummary;
import org.salespipeline.history.RowRejection;
import org.salespipeline.history.StageHistoryFormatException;
import org.salespipeline.history.ReadOptions;
import org.salespipeline.history.StageHistoryReader;
import org.salespipeline.history.importers.ImportShape;
import org.salespipeline.history.importers.ImportedHistory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stage history a command reads, as given by the shared options {@code --history},
 * {@code --stages}, {@code --won}, {@code --lost}, {@code --currency}, the
 * reading options {@code --skip-bad-rows}, {@code --delimiter}, {@code --date-format},
 * {@code --decimal-comma}, {@code --encoding}, {@code --allow-any-year} and, for a CRM export,
 * {@code --history-shape} with its options ({@link LoadingOptions}): the one way every command
 * that reads a history loads it, reports rejected rows and fails on an unreadable file. The
 * commands that keep memory bounded read a file grouped by deal ({@code --grouped},
 * {@link GroupedOption}) through {@link #from(LoadingOptions, boolean, PrintStream)}, one deal at a
 * time and as often as they need ({@link #read(PrintStream, Consumer, Consumer)}).
 *
 * <p>Rejected rows go to standard error as they are found, one line each, up to
 * {@value #MAX_REPORTED} of them, then a line with how many more there were and a line with the
 * counts; nothing is printed when every row loads. Immutable.
 */
public final class HistoryInput {

  /** How many rejected rows are printed one by one; the rest are counted. */
  public static final int MAX_REPORTED = 50;

  private static final Logger LOG = LoggerFactory.getLogger(HistoryInput.class);

  private final Path file;
  private final StageHistoryReader reader;
  private final Currency defaultCurrency;
  /** The stage history an importer made of the file, as stage-history CSV text; none when the file is one. */
  private final Option<String> imported;
  /** What the import said the figures cannot show or rest on; empty when the file is a stage history. */
  private final List<String> importWarnings;

  private HistoryInput(Path file, StageHistoryReader reader, Currency defaultCurrency, Option<String> imported,
      List<String> importWarnings) {
    this.file = file;
    this.reader = reader;
    this.defaultCurrency = defaultCurrency;
    this.imported = imported;
    this.importWarnings = importWarnings;
  }

  /**
   * Reads the shared loading options. With {@code --history-shape} the export is imported now,
   * what the import tells (rejected records, warnings, counts) printed on {@code err}, and the
   * commands then read the stage history it made.
   *
   * @param options the options as parsed, not null
   * @param err where an import reports, not null
   * @return the input, never null
   * @throws UsageException if the stage names, the currency, the delimiter, the date format, the
   *     encoding or an import option are not valid, or the export cannot be imported
   */
  static HistoryInput from(LoadingOptions options, PrintStream err) throws UsageException {
    return from(options, false, err);
  }

  /**
   * Reads the shared loading options, for a file grouped by deal or not.
   *
   * @param options the options as parsed, not null
   * @param grouped {@code --grouped}: every deal's rows are next to each other
   * @param err where an import reports, not null
   * @return the input, never null
   * @throws UsageException as {@link #from(LoadingOptions, PrintStream)}
   */
  static HistoryInput from(LoadingOptions options, boolean grouped, PrintStream err) throws UsageException {
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(err, "err");
    Currency currency;
    try {
      currency = Currency.getInstance(options.currency.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new UsageException("bad --currency '" + options.currency + "': not an ISO 4217 code such as USD", e);
    }
    ReadOptions read = options.reading.readOptions();
    if (options.historyShape != null) {
      return imported(options, read, currency, err);
    }
    if (!options.shape.given().isEmpty()) {
      throw new UsageException(options.shape.given() + " is an option of CRM exports: give --history-shape SHAPE "
          + "too (" + ImportShape.names() + ")");
    }
    if (options.stages == null) {
      throw new UsageException("missing --stages \"A,B,C\" (the open stages in order), or --history-shape SHAPE for"
          + " a CRM export (" + ImportShape.names() + ")");
    }
    Pipeline pipeline;
    try {
      pipeline = HistoryPipeline.parse(options.stages, options.won == null ? "Won" : options.won,
          options.lost == null ? "Lost" : options.lost);
    } catch (IllegalArgumentException e) {
      throw new UsageException("bad --stages, --won or --lost: " + e.getMessage(), e);
    }
    return new HistoryInput(options.history, StageHistoryReader.of(pipeline, read.withDefaultCurrency(currency)
        .withGroupedByDeal(grouped)), currency, Option.none(), List.of());
  }

  /**
   * Imports a CRM export now; its stages (or those of --stages, --won, --lost) make the pipeline.
   * The stage history it made is read back with the reader's defaults (it is written comma-separated
   * with ISO-8601 dates, each deal's rows together), any year allowed when the import allowed it.
   */
  private static HistoryInput imported(LoadingOptions options, ReadOptions read, Currency currency, PrintStream err)
      throws UsageException {
    ImportShape shape = VendorImport.shape("--history-shape", options.historyShape);
    ImportedHistory history = VendorImport.run(options.shape.request(shape, options.history, options.stages,
        options.won, options.lost, read), err);
    StringWriter text = new StringWriter();
    try {
      history.write(text);
    } catch (IOException e) {
      throw new IllegalStateException("bug: writing to memory failed: " + e.getMessage(), e);
    }
    ReadOptions again = ReadOptions.defaults().withDefaultCurrency(currency).withGroupedByDeal(true)
        .withAllowAnyYear(read.allowAnyYear());
    return new HistoryInput(options.history, StageHistoryReader.of(history.pipeline(), again), currency,
        Option.some(text.toString()), history.warnings());
  }

  /**
   * Returns the warnings a command's output lists (the JSON {@code warnings}, the report's banner):
   * what an import said the figures cannot show or rest on (already printed on standard error when
   * the export was imported), then the given warnings of the data.
   *
   * @param dataWarnings what the data cannot support, not null
   * @return the warnings, never null
   */
  List<String> warnings(List<String> dataWarnings) {
    List<String> all = new ArrayList<>(importWarnings);
    all.addAll(dataWarnings);
    return all;
  }

  /**
   * Returns the file to read.
   *
   * @return the path, never null
   */
  public Path file() {
    return file;
  }

  /**
   * Returns the currency of amounts whose rows give none, from {@code --currency}.
   *
   * @return the currency, never null
   */
  public Currency defaultCurrency() {
    return defaultCurrency;
  }

  /**
   * Returns the pipeline built from {@code --stages}, {@code --won} and {@code --lost} (or an
   * export shape's stages).
   *
   * @return the pipeline, never null
   */
  public Pipeline pipeline() {
    return reader.pipeline();
  }

  /**
   * Loads the whole file as the export every analysis command works on, holding its rejected rows
   * in {@code warnings} so a command prints them with its own (or before the error, if the reading
   * fails).
   *
   * @param warnings where rejected rows are held, not null
   * @return the export, never null
   * @throws UsageException if the file cannot be read or its header is not valid
   */
  public Export export(HeldWarnings warnings) throws UsageException {
    return warnings.reading(held -> Export.of(file().toString(), load(held), defaultCurrency()));
  }

  /**
   * Loads the whole file into memory, reporting rejected rows on {@code err}.
   *
   * @param err where rejected rows are reported, not null
   * @return the deals, rejections and counts, never null
   * @throws UsageException if the file cannot be read or its header is not valid
   */
  public LoadedHistory load(PrintStream err) throws UsageException {
    List<Deal> deals = new ArrayList<>();
    List<RowRejection> rejections = new ArrayList<>();
    Map<String, Currency> currencies = new HashMap<>();
    ReadSummary summary = read(err, deals::add, rejections::add, currencies::put);
    return new LoadedHistory(pipeline(), deals, rejections, summary, currencies);
  }

  /**
   * Reads the file, handing each deal on as it is built (see
   * {@link StageHistoryReader#read(Reader, Consumer, Consumer)}) and reporting rejected rows on
   * {@code err}.
   *
   * @param err where rejected rows are reported, not null
   * @param deals receives each deal loaded, not null
   * @param rejections also receives each rejected row, not null
   * @return the counts, never null
   * @throws UsageException if the file cannot be read or its header is not valid
   */
  public ReadSummary read(PrintStream err, Consumer<? super Deal> deals, Consumer<? super RowRejection> rejections)
      throws UsageException {
    return read(err, deals, rejections, (id, currency) -> { });
  }

  /** As {@link #read(PrintStream, Consumer, Consumer)}, also handing on the currency named by each deal without an amount. */
  ReadSummary read(PrintStream err, Consumer<? super Deal> deals, Consumer<? super RowRejection> rejections,
      BiConsumer<String, Currency> unpricedCurrencies) throws UsageException {
    Objects.requireNonNull(err, "err");
    Objects.requireNonNull(deals, "deals");
    Objects.requireNonNull(rejections, "rejections");
    int[] reported = {0};
    ReadSummary summary;
    long start = System.nanoTime();
    LOG.debug("reading {} with default currency {} and {}", file, defaultCurrency, reader.options());
    try {
      Consumer<RowRejection> reporting = rejection -> {
        if (reported[0]++ < MAX_REPORTED) {
          err.println("rejected " + rejection);
        }
        rejections.accept(rejection);
      };
      try {
        summary = imported.isDefined()
            ? reader.read(new StringReader(imported.get()), deals, reporting, unpricedCurrencies)
            : reader.read(file, deals, reporting, unpricedCurrencies);
      } catch (IOException | OutOfMemoryError e) {
        // the rows rejected before the error are counted as a finished reading counts them (memory running out,
        // they are printed before its line: Main.run)
        unlisted(err, reported[0]);
        throw e;
      }
    } catch (NoSuchFileException e) {
      throw new UsageException("cannot read " + file + ": no such file", e);
    } catch (AccessDeniedException e) {
      throw new UsageException("cannot read " + file + ": permission denied", e);
    } catch (StageHistoryFormatException e) {
      if (imported.isDefined()) {
        throw new IllegalStateException("bug: the stage history imported from " + file + " does not read back: "
            + e.getMessage(), e);
      }
      throw new UsageException(file + ": " + e.getMessage() + (e.row().isDefined() && !reader.options().skipBadRows()
          ? " (--skip-bad-rows leaves out the deals with bad rows and goes on)" : ""), e);
    } catch (IOException e) {
      throw new UsageException("cannot read " + file + ": " + (Files.isDirectory(file) ? "it is a directory"
          : String.valueOf(e.getMessage()).replace('\n', ' ')), e);
    }
    LOG.debug("read {} in {} ms: {}", file, (System.nanoTime() - start) / 1_000_000, summary);
    unlisted(err, summary.rejectedRows());
    if (summary.rejectedRows() > 0) {
      err.println(file + ": " + summary + "; loaded " + summary.loadedRows() + " rows of " + summary.loadedDeals()
          + " deals");
      if (!summary.unknownStages().isEmpty()) {
        err.println(file + ": " + StageHistoryReader.explainUnknownStages(pipeline(), summary.unknownStages()));
      }
    }
    return summary;
  }

  /** Says how many of the rejected rows were not listed one by one, if any. */
  private static void unlisted(PrintStream err, long rejectedRows) {
    if (rejectedRows > MAX_REPORTED) {
      err.println("rejected " + (rejectedRows - MAX_REPORTED) + " more rows, not listed");
    }
  }
}
