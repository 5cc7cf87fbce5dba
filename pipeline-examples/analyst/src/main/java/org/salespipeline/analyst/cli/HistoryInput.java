package org.salespipeline.analyst.cli;

import io.vavr.control.Option;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.Charset;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stage-history file a command reads, as given by the shared options {@code --history},
 * {@code --stages}, {@code --won}, {@code --lost}, {@code --currency}, {@code --grouped} and the
 * reading options {@code --skip-bad-rows}, {@code --delimiter}, {@code --date-format},
 * {@code --decimal-comma}, {@code --encoding}, {@code --allow-any-year} ({@link LoadingOptions}): the
 * one way every command that reads a history loads it, reports rejected rows and fails on an
 * unreadable file.
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

  private HistoryInput(Path file, StageHistoryReader reader, Currency defaultCurrency) {
    this.file = file;
    this.reader = reader;
    this.defaultCurrency = defaultCurrency;
  }

  /**
   * Reads the shared loading options.
   *
   * @param options the options as parsed, not null
   * @return the input, never null
   * @throws UsageException if the stage names, the currency, the delimiter, the date format or the
   *     encoding are not valid
   */
  static HistoryInput from(LoadingOptions options) throws UsageException {
    Objects.requireNonNull(options, "options");
    Pipeline pipeline;
    try {
      pipeline = HistoryPipeline.parse(options.stages, options.won, options.lost);
    } catch (IllegalArgumentException e) {
      throw new UsageException("bad --stages, --won or --lost: " + e.getMessage(), e);
    }
    Currency currency;
    try {
      currency = Currency.getInstance(options.currency.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new UsageException("bad --currency '" + options.currency + "': not an ISO 4217 code such as USD", e);
    }
    ReadOptions read = readOptions(options.skipBadRows, options.delimiter, Option.of(options.dateFormat),
        options.decimalComma, options.encoding, options.allowAnyYear).withDefaultCurrency(currency)
        .withGroupedByDeal(options.grouped);
    return new HistoryInput(options.history, StageHistoryReader.of(pipeline, read), currency);
  }

  /**
   * Builds the reader's options from the loading options' values.
   *
   * @param skipBadRows {@code --skip-bad-rows}
   * @param delimiter {@code --delimiter}: {@code ,}, {@code ;} or {@code tab}, not null
   * @param dateFormat {@code --date-format}, if given, not null
   * @param decimalComma {@code --decimal-comma}
   * @param encoding {@code --encoding}, not null
   * @param allowAnyYear {@code --allow-any-year}
   * @return the options, never null
   * @throws UsageException if the delimiter, the date format or the encoding is not valid
   */
  static ReadOptions readOptions(boolean skipBadRows, String delimiter, Option<String> dateFormat, boolean decimalComma,
      String encoding, boolean allowAnyYear) throws UsageException {
    ReadOptions options = ReadOptions.defaults().withSkipBadRows(skipBadRows).withDecimalComma(decimalComma)
        .withAllowAnyYear(allowAnyYear);
    options = switch (delimiter.toLowerCase(Locale.ROOT)) {
      case "," -> options;
      case ";" -> options.withDelimiter(';');
      case "tab", "\t", "\\t" -> options.withDelimiter('\t');
      default -> throw new UsageException("bad --delimiter: expected , or ; or tab but was '" + delimiter + "'");
    };
    if (dateFormat.isDefined()) {
      try {
        options = options.withDateFormat(dateFormat.get());
      } catch (IllegalArgumentException e) {
        throw new UsageException("bad --date-format: " + e.getMessage(), e);
      }
    }
    try {
      options = options.withEncoding(Charset.forName(encoding));
    } catch (IllegalArgumentException e) {
      throw new UsageException("bad --encoding: '" + encoding + "' is not a character set this Java knows (UTF-8, "
          + "windows-1252, ISO-8859-1, UTF-16...)", e);
    }
    return options;
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
   * Returns the pipeline built from {@code --stages}, {@code --won} and {@code --lost}.
   *
   * @return the pipeline, never null
   */
  public Pipeline pipeline() {
    return reader.pipeline();
  }

  /**
   * Loads the whole file as the export every analysis command works on, holding its rejected rows
   * in {@code warnings} so a command prints them with its own.
   *
   * @param warnings where rejected rows are held, not null
   * @return the export, never null
   * @throws UsageException if the file cannot be read or its header is not valid
   */
  public Export export(HeldWarnings warnings) throws UsageException {
    return Export.of(file().toString(), load(warnings.stream()), defaultCurrency());
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

  private ReadSummary read(PrintStream err, Consumer<? super Deal> deals, Consumer<? super RowRejection> rejections,
      BiConsumer<String, Currency> unpricedCurrencies) throws UsageException {
    Objects.requireNonNull(err, "err");
    Objects.requireNonNull(deals, "deals");
    Objects.requireNonNull(rejections, "rejections");
    int[] reported = {0};
    ReadSummary summary;
    long start = System.nanoTime();
    LOG.debug("reading {} with default currency {} and {}", file, defaultCurrency, reader.options());
    try {
      summary = reader.read(file, deals, rejection -> {
        if (reported[0]++ < MAX_REPORTED) {
          err.println("rejected " + rejection);
        }
        rejections.accept(rejection);
      }, unpricedCurrencies);
    } catch (NoSuchFileException e) {
      throw new UsageException("cannot read " + file + ": no such file", e);
    } catch (AccessDeniedException e) {
      throw new UsageException("cannot read " + file + ": permission denied", e);
    } catch (StageHistoryFormatException e) {
      throw new UsageException(file + ": " + e.getMessage() + (e.row().isDefined() && !reader.options().skipBadRows()
          ? " (--skip-bad-rows leaves out the deals with bad rows and goes on)" : ""), e);
    } catch (IOException e) {
      throw new UsageException("cannot read " + file + ": " + (Files.isDirectory(file) ? "it is a directory"
          : String.valueOf(e.getMessage()).replace('\n', ' ')), e);
    }
    LOG.debug("read {} in {} ms: {}", file, (System.nanoTime() - start) / 1_000_000, summary);
    if (summary.rejectedRows() > MAX_REPORTED) {
      err.println("rejected " + (summary.rejectedRows() - MAX_REPORTED) + " more rows, not listed");
    }
    if (summary.rejectedRows() > 0) {
      err.println(file + ": " + summary + "; loaded " + summary.loadedRows() + " rows of " + summary.loadedDeals()
          + " deals");
      if (!summary.unknownStages().isEmpty()) {
        err.println(file + ": " + StageHistoryReader.explainUnknownStages(pipeline(), summary.unknownStages()));
      }
    }
    return summary;
  }
}
