package org.salespipeline.history;

import io.vavr.control.Either;
import io.vavr.control.Option;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.salespipeline.core.Change;
import org.salespipeline.core.Deal;
import org.salespipeline.core.DealStatus;
import org.salespipeline.core.ForecastCategory;
import org.salespipeline.core.Money;
import org.salespipeline.core.NewDeal;
import org.salespipeline.core.Pipeline;
import org.salespipeline.core.Qualification;
import org.salespipeline.core.Rejection;
import org.salespipeline.core.Stage;

/**
 * Reads a stage-history CSV file into deals, driving every deal through the pipeline's state
 * machine.
 *
 * <p>The format (SPEC §6): a header row, then one row per stage entry. Columns are matched ignoring
 * case and surrounding spaces: {@code deal_id}, {@code stage} and {@code entered_at} are required;
 * {@code amount}, {@code currency}, {@code owner}, {@code lost_reason}, {@code expected_close} and
 * {@code forecast_category} are optional; every other column is a deal attribute named by its
 * header. Rows may come in any order; a deal's rows are taken in {@code entered_at} order, rows
 * at the same instant in file order. Cells are trimmed; a cell the writer protected from spreadsheets ({@code '=…}) is read
 * back as it was. How dates, amounts, delimiter and encoding are read is set by {@link ReadOptions}.
 *
 * <p><b>Point in time.</b> A row's non-empty amount, currency, owner, attribute, expected-close and
 * lost-reason cells take effect at that row's {@code entered_at}: the first row's values open the
 * deal, and a later row whose value differs records the change at its own instant (before the
 * row's stage change, so a deal won with a new amount is won at that amount), so
 * {@link Deal#asOf(Instant)} sees only what was known then. A currency cell without an amount is
 * the currency of the amounts given from then on without one (before any, the options' default
 * currency, and for a deal loaded without any amount the currency handed on beside it,
 * {@link LoadedHistory#unpricedCurrencies()}); an amount in another currency than the deal's replaces it (the old amount is cleared
 * and the new one set at that instant). A loss takes the lost reason of its own row, else the last
 * one given since the deal's previous loss. A lost reason given on a later row of a deal already
 * lost with another reason cannot be recorded and makes the row bad.
 *
 * <p><b>Forecast category.</b> A non-empty {@code forecast_category} cell (read by
 * {@link ForecastCategoryCell}: {@code Commit}, {@code Best Case}, {@code BEST_CASE}…) names the
 * deal's forecast category from its row on, applied at the row's instant after the row's stage
 * change: the category of the row's stage clears a {@linkplain Deal#forecastCategoryOverride()
 * manual override} (or sets none), any other category sets one, and a category the deal is in
 * already records nothing, so a column that mirrors the stages' categories sets nothing. As in
 * Salesforce, a stage change (a move, a close or a reopening) ends an override: an override that
 * holds in the new stage is given again on that stage's row. An empty cell changes nothing. A closed
 * deal's category is its outcome: a row in the won stage may only say {@code Closed}, one in the
 * lost stage only {@code Omitted}, and neither sets anything.
 *
 * <p>Each deal becomes real commands: opened at its first row's stage and instant, then a move, a
 * win, a loss or a reopen for each next row. A row naming the stage the deal is already in changes
 * no stage (it is counted in {@link ReadSummary#repeatedStageRows()}) but its values count. A
 * closed deal whose next row is the other closing stage (won, then lost) is reopened into the stage
 * it closed from and closed again at that row's instant, as a CRM records such a correction.
 *
 * <p><b>Nothing lost, nothing invented.</b> A row is bad when its deal id is empty, its stage is not
 * a stage of the pipeline, its date is missing, not in the expected format or implausible, its
 * amount, currency, expected close or forecast category is not valid, it has another number of cells than the header,
 * or it is malformed CSV; a deal is bad when the state machine refuses its history. By default the
 * first bad row (or deal) stops the reading with a {@link StageHistoryFormatException} naming the
 * line, the deal and the reason (unknown stage names are counted to the end of the file first, so
 * the message gives every unknown name with its row count and the closest known names). With
 * {@link ReadOptions#withSkipBadRows(boolean) skipBadRows} the reading goes on: every bad row is
 * handed to the rejection consumer, and a deal with any bad row is rejected whole, each of its other
 * rows too, so a deal is never loaded from part of its history. Rejected rows are handed on in line
 * order, grouped file or not, so both readings of a file list the very same rows in the same order. Rows, deals, rejected rows and
 * rejected deals always add up ({@link ReadSummary}). A file from which no deal is loaded is an
 * error. A quoted cell that is never closed costs only the record it opens (see
 * {@code RecoveringCsvReader}). A byte that is not text in the encoding of a file read by path
 * stops the reading naming its line; skipping bad rows, in UTF-8 or a one-byte encoding, it makes
 * the row holding it bad instead.
 *
 * <p>Memory: the file is read in one pass, one row at a time, never whole. Until the end of the
 * file the reader keeps, per deal, its id, about 24 bytes per row and each row's non-empty values
 * (values repeated across deals are stored once). When the file is
 * {@linkplain #withGroupedByDeal(boolean) grouped by deal} (every deal's rows together, in any
 * order within the group), each deal is built and handed on as soon as its group ends, and of the
 * finished deals only a 64-bit hash of each id is kept (11 to 22 bytes a deal, to notice a file that
 * is not grouped after all): memory then stays bounded by the largest deal plus those hashes (and
 * the rejected rows from one deal's first row to the next deal's, held to be handed on in line
 * order), provided the consumer does not keep the deals.
 *
 * <p>Immutable and thread-safe; each call of {@code read} or {@code load} is independent.
 */
public final class StageHistoryReader {

  private static final List<String> REQUIRED = List.of("deal_id", "stage", "entered_at");
  private static final int MAX_SHARED_VALUES = 100_000;

  private final Pipeline pipeline;
  private final ReadOptions options;
  private final Stage[] stages;
  private final Map<String, Integer> stageByName;

  private StageHistoryReader(Pipeline pipeline, ReadOptions options) {
    this.pipeline = pipeline;
    this.options = options;
    this.stages = pipeline.stages().toArray(new Stage[0]);
    Map<String, Integer> byName = new HashMap<>();
    for (int i = 0; i < stages.length; i++) {
      byName.put(key(stages[i].name()), i);
    }
    this.stageByName = Map.copyOf(byName);
  }

  /**
   * Returns a strict reader for a pipeline with the {@link ReadOptions#defaults() default options}.
   *
   * @param pipeline the pipeline whose stage names the file uses, not null; see
   *     {@link HistoryPipeline} for one built from names
   * @return the reader, never null
   */
  public static StageHistoryReader of(Pipeline pipeline) {
    return of(pipeline, ReadOptions.defaults());
  }

  /**
   * Returns a reader for a pipeline reading as the options say.
   *
   * @param pipeline the pipeline whose stage names the file uses, not null
   * @param options how to read, not null
   * @return the reader, never null
   */
  public static StageHistoryReader of(Pipeline pipeline, ReadOptions options) {
    return new StageHistoryReader(Objects.requireNonNull(pipeline, "pipeline"), Objects.requireNonNull(options,
        "options"));
  }

  /**
   * Returns a copy reading with other options.
   *
   * @param options how to read, not null
   * @return the copy, never null
   */
  public StageHistoryReader withOptions(ReadOptions options) {
    return new StageHistoryReader(pipeline, Objects.requireNonNull(options, "options"));
  }

  /**
   * Returns the options the reader reads with.
   *
   * @return the options, never null
   */
  public ReadOptions options() {
    return options;
  }

  /**
   * Returns a copy using another currency for amounts whose rows give none.
   *
   * @param currency the default currency, not null
   * @return the copy, never null
   */
  public StageHistoryReader withDefaultCurrency(Currency currency) {
    return withOptions(options.withDefaultCurrency(currency));
  }

  /**
   * Returns a copy that does or does not take the file to be grouped by deal: all rows of a deal
   * next to each other (in any order within the group). Grouped, deals are built as their group
   * ends and memory stays bounded. A deal id seen again after another deal's rows means the file
   * is not grouped and every deal built so far may be incomplete: reading then stops with a
   * {@link StageHistoryFormatException} naming the line, once the rows rejected above that line
   * (skipping bad rows) have been handed on.
   *
   * @param grouped true if the file is grouped by {@code deal_id}
   * @return the copy, never null
   */
  public StageHistoryReader withGroupedByDeal(boolean grouped) {
    return withOptions(options.withGroupedByDeal(grouped));
  }

  /**
   * Returns the pipeline the reader builds deals in.
   *
   * @return the pipeline, never null
   */
  public Pipeline pipeline() {
    return pipeline;
  }

  /**
   * Reads a file (in the options' encoding, with or without byte order mark) into memory.
   *
   * @param file the file, not null
   * @return the deals, rejections and counts, never null
   * @throws StageHistoryFormatException if the file cannot be read as the options say (see the class
   *     comment): one line naming the line, the deal and the reason
   * @throws IOException if the file cannot be read
   */
  public LoadedHistory load(Path file) throws IOException {
    Objects.requireNonNull(file, "file");
    return collect((deals, rejections, currencies) -> read(file, deals, rejections, currencies));
  }

  /**
   * Reads a file (in the options' encoding), handing each deal on as soon as it is built and each
   * rejected row in line order, as {@link #read(Reader, Consumer, Consumer)} does. A byte that is not text in the
   * encoding stops the reading naming its line.
   *
   * @param file the file, not null
   * @param deals receives each deal loaded, not null
   * @param rejections receives each row not loaded, not null
   * @return the counts, never null
   * @throws StageHistoryFormatException if the file cannot be read as the options say
   * @throws IOException if the file cannot be read
   */
  public ReadSummary read(Path file, Consumer<? super Deal> deals, Consumer<? super RowRejection> rejections)
      throws IOException {
    return read(file, deals, rejections, (id, currency) -> { });
  }

  /**
   * Reads a file as {@link #read(Path, Consumer, Consumer)} does, also handing on the currency
   * named by each deal loaded without an amount, as {@link #read(Reader, Consumer, Consumer,
   * BiConsumer)} does.
   *
   * @param file the file, not null
   * @param deals receives each deal loaded, not null
   * @param rejections receives each row not loaded, not null
   * @param unpricedCurrencies receives the currency named by each deal loaded without an amount,
   *     not null
   * @return the counts, never null
   * @throws StageHistoryFormatException if the file cannot be read as the options say
   * @throws IOException if the file cannot be read
   */
  public ReadSummary read(Path file, Consumer<? super Deal> deals, Consumer<? super RowRejection> rejections,
      BiConsumer<String, Currency> unpricedCurrencies) throws IOException {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(unpricedCurrencies, "unpricedCurrencies");
    Objects.requireNonNull(deals, "deals");
    Objects.requireNonNull(rejections, "rejections");
    try (SourceText text = SourceText.of(Files.newInputStream(file), options.encoding())) {
      return new Pass(new RecoveringCsvReader(text, options.delimiter()), deals, rejections, unpricedCurrencies).run();
    }
  }

  /**
   * Reads a whole stage history into memory.
   *
   * @param in the text, not null; not closed
   * @return the deals, rejections and counts, never null
   * @throws StageHistoryFormatException if the text cannot be read as the options say
   * @throws IOException if reading fails
   */
  public LoadedHistory load(Reader in) throws IOException {
    Objects.requireNonNull(in, "in");
    return collect((deals, rejections, currencies) -> read(in, deals, rejections, currencies));
  }

  /** One of the streaming reads, given where to hand on what it reads. */
  private interface Read {
    ReadSummary into(Consumer<Deal> deals, Consumer<RowRejection> rejections,
        BiConsumer<String, Currency> currencies) throws IOException;
  }

  /** Runs a streaming read, keeping everything it hands on in memory. */
  private LoadedHistory collect(Read read) throws IOException {
    List<Deal> deals = new ArrayList<>();
    List<RowRejection> rejections = new ArrayList<>();
    Map<String, Currency> currencies = new HashMap<>();
    ReadSummary summary = read.into(deals::add, rejections::add, currencies::put);
    return new LoadedHistory(pipeline, deals, rejections, summary, currencies);
  }

  /**
   * Reads a stage history, handing each deal on as soon as it is built and each rejected row in
   * line order. Deals come in the order their ids first appear (grouped: as their group ends).
   * Rejected rows come at the end of the file, or, grouped, as each deal's group ends (each the
   * rows up to the next deal's first row: a bad row may precede rows of its deal that are rejected
   * only when the deal is built, so it waits for them).
   *
   * @param in the text, not null; not closed
   * @param deals receives each deal loaded, not null
   * @param rejections receives each row not loaded, not null
   * @return the counts, never null
   * @throws StageHistoryFormatException if the text cannot be read as the options say (see the class
   *     comment), or no deal is loaded
   * @throws IOException if reading fails
   */
  public ReadSummary read(Reader in, Consumer<? super Deal> deals, Consumer<? super RowRejection> rejections)
      throws IOException {
    return read(in, deals, rejections, (id, currency) -> { });
  }

  /**
   * Reads a stage history as {@link #read(Reader, Consumer, Consumer)} does, also handing on, for
   * each deal loaded without an amount whose rows name a currency, its id and that currency (the
   * last named in time order), just before the deal: a deal has a currency only with an amount, so
   * the file's is kept this way, the deal's currency for grouping.
   *
   * @param in the text, not null; not closed
   * @param deals receives each deal loaded, not null
   * @param rejections receives each row not loaded, not null
   * @param unpricedCurrencies receives the currency named by each deal loaded without an amount,
   *     not null
   * @return the counts, never null
   * @throws StageHistoryFormatException if the text cannot be read as the options say, or no deal
   *     is loaded
   * @throws IOException if reading fails
   */
  public ReadSummary read(Reader in, Consumer<? super Deal> deals, Consumer<? super RowRejection> rejections,
      BiConsumer<String, Currency> unpricedCurrencies) throws IOException {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(deals, "deals");
    Objects.requireNonNull(rejections, "rejections");
    Objects.requireNonNull(unpricedCurrencies, "unpricedCurrencies");
    RecoveringCsvReader csv = new RecoveringCsvReader(SourceText.of(in), options.delimiter());
    try {
      return new Pass(csv, deals, rejections, unpricedCurrencies).run();
    } catch (CharacterCodingException e) {
      throw new StageHistoryFormatException("line " + csv.line() + ": a byte that is not " + options.encoding()
          + " text; give the file's encoding (--encoding windows-1252, say)");
    }
  }

  /**
   * Explains stage names a pipeline does not know, as one line: each with its row count and the
   * closest known names, and the options that name the closing stages when the unknown names look
   * like them ({@code Closed Won}).
   *
   * @param pipeline the pipeline, not null
   * @param unknownStages the unknown names with their row counts, as {@link ReadSummary#unknownStages()}
   *     gives them, not null, not empty
   * @return the line, never null
   * @throws IllegalArgumentException if no name is given
   */
  public static String explainUnknownStages(Pipeline pipeline, Map<String, Long> unknownStages) {
    Objects.requireNonNull(pipeline, "pipeline");
    if (Objects.requireNonNull(unknownStages, "unknownStages").isEmpty()) {
      throw new IllegalArgumentException("unknownStages must name at least one stage but was empty");
    }
    return StageNames.explain(pipeline, unknownStages);
  }

  private static String key(String name) {
    return name.strip().toLowerCase(Locale.ROOT);
  }

  /** One reading of one file: the mutable state of a call. */
  private final class Pass {
    private final RecoveringCsvReader csv;
    private final Consumer<? super Deal> dealSink;
    private final Consumer<? super RowRejection> rejectionSink;
    private final BiConsumer<String, Currency> currencySink;
    private final CellParser parser = new CellParser(options);
    private final Map<String, String> shared = new HashMap<>();
    private final Map<String, DealRows> pending = new LinkedHashMap<>();
    private final SeenIds finished = new SeenIds();
    private final Map<String, Long> unknownStages = new LinkedHashMap<>();
    private DealRows current;
    private RowRejection firstRejection;
    /**
     * Rejected rows not handed on yet: a deal not built yet may still reject rows above them. A
     * grouped reading hands them on as each deal starts (every deal above is built by then),
     * holding the rejected rows of one group at a time; otherwise at the end of the file.
     */
    private final List<RowRejection> held = new ArrayList<>();
    /** Strict reading stopped at an unknown stage: the rest of the file is only scanned for stage names. */
    private RowRejection stopped;

    private int width;
    private int idColumn;
    private int stageColumn;
    private int enteredColumn;
    private int amountColumn = -1;
    private int currencyColumn = -1;
    private int ownerColumn = -1;
    private int lostReasonColumn = -1;
    private int expectedCloseColumn = -1;
    private int forecastCategoryColumn = -1;
    private final List<String> attributeNames = new ArrayList<>();
    private int[] attributeColumns;

    private long rows;
    private long rejectedRows;
    private long dealCount;
    private long rejectedDeals;
    private long repeatedStageRows;

    Pass(RecoveringCsvReader csv, Consumer<? super Deal> dealSink, Consumer<? super RowRejection> rejectionSink,
        BiConsumer<String, Currency> currencySink) {
      this.csv = csv;
      this.dealSink = dealSink;
      this.rejectionSink = rejectionSink;
      this.currencySink = currencySink;
    }

    ReadSummary run() throws IOException {
      header();
      for (RecoveringCsvReader.CsvRecord record = csv.next(); record != null; record = csv.next()) {
        if (record.spansLines() && (record.error() != null || record.cells().size() != width || swallowsRows(record))) {
          record = csv.retract();
        }
        if (record.isBlank()) {
          continue;
        }
        if (stopped != null) {
          scanStage(record);
        } else {
          rows++;
          row(record);
        }
      }
      if (stopped != null) {
        throw new StageHistoryFormatException(new RowRejection(stopped.line(), stopped.dealId(),
            StageNames.explain(pipeline, unknownStages)));
      }
      if (current != null) {
        build(current);
      }
      for (Iterator<DealRows> it = pending.values().iterator(); it.hasNext(); ) {
        DealRows next = it.next();
        it.remove();
        build(next);
      }
      release();
      if (rows == 0) {
        throw new StageHistoryFormatException("the file has a header but no data rows: no deal to load");
      }
      if (dealCount == rejectedDeals) {
        throw new StageHistoryFormatException("no deal could be loaded: " + rows + (rows == 1 ? " row" : " rows")
            + ", " + rejectedRows + " rejected, " + dealCount + (dealCount == 1 ? " deal" : " deals")
            + " rejected" + (firstRejection == null ? "" : "; the first: " + firstRejection)
            + (unknownStages.isEmpty() ? "" : "; " + StageNames.explain(pipeline, unknownStages)));
      }
      return new ReadSummary(rows, rejectedRows, dealCount, rejectedDeals, repeatedStageRows, unknownStages);
    }

    private void header() throws IOException {
      RecoveringCsvReader.CsvRecord header = csv.next();
      while (header != null && header.isBlank()) {
        header = csv.next();
      }
      if (header == null) {
        throw new StageHistoryFormatException("the file is empty: a header row with deal_id, stage and entered_at "
            + "is required");
      }
      if (header.undecodable() != null) {
        throw new StageHistoryFormatException("line " + header.undecodable().line() + ": "
            + header.undecodable().what().reason());
      }
      if (header.error() != null) {
        throw new StageHistoryFormatException("line " + header.line() + ": the header is not valid CSV: "
            + header.error());
      }
      width = header.cells().size();
      Map<String, Integer> columns = new HashMap<>();
      List<Integer> attributes = new ArrayList<>();
      for (int i = 0; i < width; i++) {
        String name = SpreadsheetCells.restore(header.cells().get(i).strip());
        if (name.isEmpty()) {
          throw new StageHistoryFormatException("line " + header.line() + ": column " + (i + 1)
              + " of the header has no name" + delimiterHint(header.cells()));
        }
        Integer previous = columns.put(key(name), i);
        if (previous != null) {
          throw new StageHistoryFormatException("line " + header.line() + ": the header names column '" + name
              + "' twice (columns " + (previous + 1) + " and " + (i + 1) + ", ignoring case)");
        }
        switch (key(name)) {
          case "deal_id", "stage", "entered_at" -> { }
          case "amount" -> amountColumn = i;
          case "currency" -> currencyColumn = i;
          case "owner" -> ownerColumn = i;
          case "lost_reason" -> lostReasonColumn = i;
          case "expected_close" -> expectedCloseColumn = i;
          case "forecast_category" -> forecastCategoryColumn = i;
          default -> {
            attributes.add(i);
            attributeNames.add(name);
          }
        }
      }
      List<String> missing = REQUIRED.stream().filter(c -> !columns.containsKey(c)).toList();
      if (!missing.isEmpty()) {
        throw new StageHistoryFormatException("line " + header.line() + ": the header has no column "
            + String.join(", ", missing) + " (it has " + String.join(", ", header.cells()) + ")"
            + delimiterHint(header.cells()));
      }
      idColumn = columns.get("deal_id");
      stageColumn = columns.get("stage");
      enteredColumn = columns.get("entered_at");
      attributeColumns = attributes.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Says which delimiter the header seems to use when it is not the one read with. */
    private String delimiterHint(List<String> cells) {
      String text = String.join(String.valueOf(options.delimiter()), cells);
      for (char other : new char[] {',', ';', '\t'}) {
        if (other == options.delimiter()) {
          continue;
        }
        List<String> names = new ArrayList<>();
        for (String name : text.split(java.util.regex.Pattern.quote(String.valueOf(other)), -1)) {
          names.add(key(SpreadsheetCells.restore(name.replace("\"", ""))));
        }
        if (names.containsAll(REQUIRED)) {
          String name = other == '\t' ? "tab" : "'" + other + "'";
          return "; the file looks " + (other == '\t' ? "tab" : String.valueOf(other)) + "-separated: read it with "
              + "--delimiter " + (other == '\t' ? "tab" : name);
        }
      }
      return "";
    }

    /**
     * Whether a quoted cell that crosses line breaks holds a line that is a whole row by itself
     * (as many delimiters as a row has): a stray quote that would hide rows, not a note.
     */
    private boolean swallowsRows(RecoveringCsvReader.CsvRecord record) {
      for (String cell : record.cells()) {
        if (cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
          continue;
        }
        for (String line : cell.split("\r\n|\r|\n", -1)) {
          if (width > 1 && line.chars().filter(c -> c == options.delimiter()).count() >= width - 1) {
            return true;
          }
        }
      }
      return false;
    }

    private void scanStage(RecoveringCsvReader.CsvRecord record) {
      List<String> cells = record.cells();
      if (record.error() == null && cells.size() == width) {
        String name = cell(cells, stageColumn);
        if (!name.isEmpty() && !stageByName.containsKey(key(name))) {
          unknownStages.merge(name, 1L, Long::sum);
        }
      }
    }

    private void row(RecoveringCsvReader.CsvRecord record) throws StageHistoryFormatException {
      List<String> cells = record.cells();
      String id = cells.size() > idColumn ? cell(cells, idColumn) : "";
      if (record.undecodable() != null) {
        undecodable(record, id);
        return;
      }
      DealRows deal = id.isEmpty() ? null : dealFor(id, record.line());
      if (record.error() != null) {
        bad(deal, record.line(), id, "not valid CSV: " + record.error());
        return;
      }
      if (cells.size() != width) {
        bad(deal, record.line(), id, "the row has " + cells.size() + " cells but the header has " + width);
        return;
      }
      if (id.isEmpty()) {
        bad(deal, record.line(), id, "empty deal_id");
        return;
      }
      String stageName = cell(cells, stageColumn);
      Integer stage = stageByName.get(key(stageName));
      if (stage == null) {
        if (stageName.isEmpty()) {
          bad(deal, record.line(), id, "empty stage");
          return;
        }
        unknownStages.merge(stageName, 1L, Long::sum);
        if (!options.skipBadRows()) {
          stopped = new RowRejection(record.line(), id, "unknown stage");
          return;
        }
        String closest = StageNames.closest(pipeline, stageName);
        bad(deal, record.line(), id, "unknown stage '" + stageName + "'" + (closest.isEmpty() ? ""
            : " (closest known: " + closest + ")"));
        return;
      }
      Either<String, Instant> entered = parser.instant(cell(cells, enteredColumn));
      if (entered.isLeft()) {
        bad(deal, record.line(), id, "bad entered_at: " + entered.getLeft());
        return;
      }
      String amount = "";
      if (amountColumn >= 0 && !cell(cells, amountColumn).isEmpty()) {
        Either<String, BigDecimal> parsed = parser.amount(cell(cells, amountColumn));
        if (parsed.isLeft()) {
          bad(deal, record.line(), id, parsed.getLeft());
          return;
        }
        amount = parsed.get().toString();
      }
      String currency = currencyColumn < 0 ? "" : cell(cells, currencyColumn).toUpperCase(Locale.ROOT);
      if (!currency.isEmpty() && !isCurrency(currency)) {
        bad(deal, record.line(), id, "bad currency '" + currency + "': not an ISO 4217 code such as USD");
        return;
      }
      String expectedClose = expectedCloseColumn < 0 ? "" : cell(cells, expectedCloseColumn);
      if (!expectedClose.isEmpty()) {
        Either<String, LocalDate> parsed = parser.date(expectedClose);
        if (parsed.isLeft()) {
          bad(deal, record.line(), id, "bad expected_close: " + parsed.getLeft());
          return;
        }
        expectedClose = parsed.get().toString();
      }
      String forecastCategory = "";
      if (forecastCategoryColumn >= 0) {
        Either<String, Option<ForecastCategory>> named =
            ForecastCategoryCell.read(cell(cells, forecastCategoryColumn), stages[stage].kind());
        if (named.isLeft()) {
          bad(deal, record.line(), id, "bad forecast_category: " + named.getLeft());
          return;
        }
        forecastCategory = named.get().map(Enum::name).getOrElse("");
      }
      Instant at = entered.get();
      int row = deal.add(at.getEpochSecond(), at.getNano(), stage, record.line());
      int columns = DealRows.FIRST_ATTRIBUTE + attributeColumns.length;
      if (!amount.isEmpty()) {
        deal.set(DealRows.AMOUNT, row, amount, columns); // amounts rarely repeat across deals: not shared
      }
      offer(deal, DealRows.CURRENCY, row, currency, columns);
      offer(deal, DealRows.OWNER, row, ownerColumn < 0 ? "" : cell(cells, ownerColumn), columns);
      offer(deal, DealRows.LOST_REASON, row, lostReasonColumn < 0 ? "" : cell(cells, lostReasonColumn), columns);
      offer(deal, DealRows.EXPECTED_CLOSE, row, expectedClose, columns);
      offer(deal, DealRows.FORECAST_CATEGORY, row, forecastCategory, columns);
      for (int a = 0; a < attributeColumns.length; a++) {
        offer(deal, DealRows.FIRST_ATTRIBUTE + a, row, cell(cells, attributeColumns[a]), columns);
      }
    }

    /**
     * A row holding bytes that are not text: reading strictly, the error naming the line and byte
     * offset; skipping bad rows, rejected, and its deal with it, unless the bad bytes are in the
     * deal id, which then names no deal.
     */
    private void undecodable(RecoveringCsvReader.CsvRecord record, String id) throws StageHistoryFormatException {
      SourceText.Located bad = record.undecodable();
      if (!options.skipBadRows()) {
        throw new StageHistoryFormatException("line " + bad.line() + ": " + bad.what().reason());
      }
      boolean idUnreadable = id.indexOf('\uFFFD') >= 0;
      DealRows deal = id.isEmpty() || idUnreadable ? null : dealFor(id, record.line());
      bad(deal, record.line(), idUnreadable ? "" : id, (bad.line() == record.line() ? "" : "on line " + bad.line()
          + ", ") + bad.what().reason());
    }

    /** Returns the deal's rows, starting a deal if new. */
    private DealRows dealFor(String id, long line) throws StageHistoryFormatException {
      if (!options.groupedByDeal()) {
        return pending.computeIfAbsent(id, i -> {
          dealCount++;
          return new DealRows(i);
        });
      }
      if (current != null && current.id.equals(id)) {
        return current;
      }
      if (current != null) {
        build(current);
        finished.add(current.id);
        current = null;
      }
      release(); // every deal above is built: its rejected rows are handed on, even when the file stops here
      if (finished.contains(id)) {
        throw new StageHistoryFormatException("line " + line + ": deal " + id + " appears again after other deals' "
            + "rows, so the file is not grouped by deal_id as was said; read it without the grouped option");
      }
      dealCount++;
      current = new DealRows(id);
      return current;
    }

    private void offer(DealRows deal, int column, int row, String value, int columns) {
      if (!value.isEmpty()) {
        deal.set(column, row, share(value), columns);
      }
    }

    private void build(DealRows rows) throws StageHistoryFormatException {
      if (rows.badRows > 0) {
        rejectedDeals++;
        for (int i = 0; i < rows.size; i++) {
          reject(rows.lines[i], rows.id, "the deal is not loaded: its row on line " + rows.firstBad.line()
              + " is bad (" + rows.firstBad.reason() + ")");
        }
        return;
      }
      Integer[] order = rows.timeOrder();
      Either<RowRejection, Deal> built = drive(rows, order);
      if (built.isRight()) {
        if (built.get().amount().isEmpty()) {
          for (int i = order.length - 1; i >= 0; i--) {
            String currency = rows.get(DealRows.CURRENCY, order[i]);
            if (currency != null) {
              currencySink.accept(rows.id, Currency.getInstance(currency));
              break;
            }
          }
        }
        dealSink.accept(built.get());
        return;
      }
      if (!options.skipBadRows()) {
        throw new StageHistoryFormatException(built.getLeft());
      }
      rejectedDeals++;
      for (int i = 0; i < rows.size; i++) {
        reject(rows.lines[i], rows.id, built.getLeft().reason());
      }
    }

    /** Drives the deal's rows through the state machine, or says which row it refused and why. */
    private Either<RowRejection, Deal> drive(DealRows rows, Integer[] order) {
      int first = order[0];
      Stage start = stages[rows.stages[first]];
      if (!start.isOpen()) {
        return Either.left(new RowRejection(rows.lines[first], rows.id, "the deal is not loaded: its first row "
            + "(line " + rows.lines[first] + ") is in the " + start.kind().name().toLowerCase(Locale.ROOT)
            + " stage " + start.name() + ", but a deal must start in an open stage"));
      }
      String currencyCode = rows.get(DealRows.CURRENCY, first);
      Currency opening = currencyCode == null ? options.defaultCurrency() : Currency.getInstance(currencyCode);
      Currency currency = opening;
      String amount = rows.get(DealRows.AMOUNT, first);
      NewDeal draft = NewDeal.of(rows.id).withOwner(Option.of(rows.get(DealRows.OWNER, first)).getOrElse(""))
          .withStage(start.id());
      if (amount != null) {
        draft = draft.withAmount(Money.of(new BigDecimal(amount), opening));
      }
      String expectedClose = rows.get(DealRows.EXPECTED_CLOSE, first);
      if (expectedClose != null) {
        draft = draft.withExpectedClose(LocalDate.parse(expectedClose));
      }
      for (int a = 0; a < attributeColumns.length; a++) {
        String value = rows.get(DealRows.FIRST_ATTRIBUTE + a, first);
        if (value != null) {
          draft = draft.withAttribute(attributeNames.get(a), value);
        }
      }
      Either<Rejection, Change> result = pipeline.open(draft, instant(rows, first));
      if (result.isLeft()) {
        return Either.left(refused(rows, first, result.getLeft()));
      }
      Deal deal = result.get().deal();
      Either<Rejection, Deal> categorised = category(deal, rows, first, instant(rows, first));
      if (categorised.isLeft()) {
        return Either.left(refused(rows, first, categorised.getLeft()));
      }
      deal = categorised.get();
      String lostReason = rows.get(DealRows.LOST_REASON, first);
      int repeated = 0;
      for (int i = 1; i < order.length; i++) {
        int row = order[i];
        Instant at = instant(rows, row);
        String code = rows.get(DealRows.CURRENCY, row);
        if (code != null) {
          currency = Currency.getInstance(code);
        }
        Either<Rejection, Deal> changed = values(deal, rows, row, currency, at);
        if (changed.isLeft()) {
          return Either.left(refused(rows, row, changed.getLeft()));
        }
        deal = changed.get();
        Stage stage = stages[rows.stages[row]];
        String reason = rows.get(DealRows.LOST_REASON, row);
        if (stage.id().equals(deal.stageId())) {
          repeated++;
          if (reason != null && deal.status() == DealStatus.LOST && !reason.equals(deal.lostReason().getOrElse(""))) {
            return Either.left(new RowRejection(rows.lines[row], rows.id, "the deal is not loaded: line "
                + rows.lines[row] + " gives lost_reason '" + reason + "' to a deal already lost"
                + deal.lostReason().map(r -> " with reason '" + r + "'").getOrElse(" without a reason")
                + ", and a lost reason changes only with a loss"));
          }
          if (reason != null && deal.status() != DealStatus.LOST) {
            lostReason = reason;
          }
        } else {
          if (reason != null) {
            lostReason = reason;
          }
          result = step(deal, stage, lostReason == null ? "" : lostReason, at);
          if (result.isLeft()) {
            return Either.left(refused(rows, row, result.getLeft()));
          }
          deal = result.get().deal();
          if (deal.status() == DealStatus.LOST) {
            lostReason = null;
          }
        }
        categorised = category(deal, rows, row, at);
        if (categorised.isLeft()) {
          return Either.left(refused(rows, row, categorised.getLeft()));
        }
        deal = categorised.get();
      }
      repeatedStageRows += repeated;
      return Either.right(deal);
    }

    /**
     * Applies the forecast category an open row names, after the row's stage change (which ends any
     * override, as in core): the category of the row's stage clears an override, another one sets
     * it; a category the deal is in already records nothing.
     */
    private Either<Rejection, Deal> category(Deal deal, DealRows rows, int row, Instant at) {
      String cell = rows.get(DealRows.FORECAST_CATEGORY, row);
      if (cell == null) {
        return Either.right(deal);
      }
      ForecastCategory named = ForecastCategory.valueOf(cell);
      Option<ForecastCategory> wanted = named == stages[rows.stages[row]].forecastCategory() ? Option.none()
          : Option.some(named);
      if (wanted.equals(deal.forecastCategoryOverride())) {
        return Either.right(deal);
      }
      return (wanted.isDefined() ? pipeline.overrideForecastCategory(deal, named, at)
          : pipeline.clearForecastCategoryOverride(deal, at)).map(Change::deal);
    }

    /** Records the row's values that differ from the deal's, at the row's instant. */
    private Either<Rejection, Deal> values(Deal deal, DealRows rows, int row, Currency currency, Instant at) {
      Deal d = deal;
      String amount = rows.get(DealRows.AMOUNT, row);
      if (amount != null) {
        Money money = Money.of(new BigDecimal(amount), currency);
        if (!d.amount().contains(money)) {
          if (d.amount().isDefined() && !d.amount().get().currency().equals(currency)) {
            Either<Rejection, Change> cleared = pipeline.clearAmount(d, at);
            if (cleared.isLeft()) {
              return Either.left(cleared.getLeft());
            }
            d = cleared.get().deal();
          }
          Either<Rejection, Change> changed = pipeline.changeAmount(d, money, at);
          if (changed.isLeft()) {
            return Either.left(changed.getLeft());
          }
          d = changed.get().deal();
        }
      }
      String owner = rows.get(DealRows.OWNER, row);
      if (owner != null && !owner.equals(d.owner())) {
        Either<Rejection, Change> changed = pipeline.reassign(d, owner, at);
        if (changed.isLeft()) {
          return Either.left(changed.getLeft());
        }
        d = changed.get().deal();
      }
      String expectedClose = rows.get(DealRows.EXPECTED_CLOSE, row);
      if (expectedClose != null && !d.expectedClose().contains(LocalDate.parse(expectedClose))) {
        Either<Rejection, Change> changed = pipeline.setExpectedClose(d, LocalDate.parse(expectedClose), at);
        if (changed.isLeft()) {
          return Either.left(changed.getLeft());
        }
        d = changed.get().deal();
      }
      for (int a = 0; a < attributeColumns.length; a++) {
        String value = rows.get(DealRows.FIRST_ATTRIBUTE + a, row);
        String name = attributeNames.get(a);
        if (value != null && !value.equals(d.attributes().get(name))) {
          Either<Rejection, Change> changed = pipeline.setAttribute(d, name, value, at);
          if (changed.isLeft()) {
            return Either.left(changed.getLeft());
          }
          d = changed.get().deal();
        }
      }
      return Either.right(d);
    }

    private Either<Rejection, Change> step(Deal deal, Stage stage, String lostReason, Instant at) {
      if (deal.isOpen()) {
        return switch (stage.kind()) {
          case OPEN -> pipeline.move(deal, stage.id(), at);
          case WON -> pipeline.win(deal, at);
          case LOST -> pipeline.lose(deal, lostReason, at);
        };
      }
      if (stage.isOpen()) {
        return pipeline.reopen(deal, stage.id(), at);
      }
      return pipeline.reopen(deal, at).flatMap(reopened -> reopened.then(d -> step(d, stage, lostReason, at)));
    }

    private RowRejection refused(DealRows rows, int row, Rejection rejection) {
      return new RowRejection(rows.lines[row], rows.id, "the deal is not loaded: the pipeline refused line "
          + rows.lines[row] + ": " + rejection.message() + " [" + rejection.code() + "]");
    }

    /** A bad row: stops a strict reading; skipping, it is rejected and its deal will be. */
    private void bad(DealRows deal, long line, String dealId, String reason) throws StageHistoryFormatException {
      RowRejection rejection = new RowRejection(line, dealId, reason);
      if (!options.skipBadRows()) {
        throw new StageHistoryFormatException(rejection);
      }
      if (deal != null) {
        deal.badRows++;
        if (deal.firstBad == null) {
          deal.firstBad = rejection;
        }
      }
      rejectedRows++;
      held.add(rejection);
    }

    private void reject(long line, String dealId, String reason) {
      rejectedRows++;
      held.add(new RowRejection(line, dealId, reason));
    }

    /** Hands on the rejected rows held, in line order (each line is rejected once). */
    private void release() {
      if (held.isEmpty()) {
        return;
      }
      held.sort(Comparator.comparingLong(RowRejection::line));
      if (firstRejection == null) {
        firstRejection = held.get(0);
      }
      held.forEach(rejectionSink);
      held.clear();
    }

    private String cell(List<String> cells, int column) {
      return SpreadsheetCells.restore(cells.get(column).strip());
    }

    /**
     * Stores each distinct value once (owners, currencies, attribute values repeat across deals
     * that wait for the end of the file); a grouped reading builds deals at once and shares nothing.
     */
    private String share(String value) {
      if (options.groupedByDeal()) {
        return value;
      }
      String known = shared.get(value);
      if (known != null) {
        return known;
      }
      if (shared.size() < MAX_SHARED_VALUES) {
        shared.put(value, value);
      }
      return value;
    }
  }

  private static Instant instant(DealRows rows, int row) {
    return Instant.ofEpochSecond(rows.seconds[row], rows.nanos[row]);
  }

  private static boolean isCurrency(String code) {
    try {
      Currency.getInstance(code);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
