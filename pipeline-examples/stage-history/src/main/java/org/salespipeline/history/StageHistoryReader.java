package org.salespipeline.history;

import io.vavr.control.Either;
import io.vavr.control.Option;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
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
import org.salespipeline.core.Money;
import org.salespipeline.core.NewDeal;
import org.salespipeline.core.Pipeline;
import org.salespipeline.core.Qualification;
import org.salespipeline.core.Rejection;
import org.salespipeline.core.Stage;
import org.salespipeline.core.StageKind;

/**
 * Reads a stage-history CSV file into deals, driving every deal through the pipeline's state
 * machine.
 *
 * <p>The format: a header row, then one row per stage entry. Columns are matched ignoring case
 * and surrounding spaces: {@code deal_id}, {@code stage} and {@code entered_at} are required;
 * {@code amount}, {@code currency}, {@code owner} and {@code lost_reason} are optional; every other
 * column is a deal attribute named by its header. Rows may come in any order; a deal's rows are
 * taken in {@code entered_at} order, rows at the same instant in file order. {@code entered_at} is
 * read by {@link Timestamps#parse(String)}. Cells are trimmed; a cell the writer protected from
 * spreadsheets ({@code '=…}) is read back as it was.
 *
 * <p>A deal's amount, currency, owner and attributes are the last non-empty values in time order,
 * whichever row holds them; the currency defaults to {@link #withDefaultCurrency(Currency) the
 * reader's default} (USD unless set). A currency cell without an amount is kept: it is the
 * currency of an amount given without one, and for a deal that never has an amount it is handed
 * on beside the deal ({@link LoadedHistory#unpricedCurrencies()}), the deal's currency for
 * grouping. They are the deal's values from its opening on: an export
 * gives one value per deal, not its history.
 *
 * <p>Each deal becomes real commands: opened at its first row's stage and instant, then a move, a
 * win, a loss (with the row's {@code lost_reason}, or else the deal's last non-empty one) or a
 * reopen for each next row. A row naming the stage the deal is already in changes nothing (it is
 * loaded and counted in {@link ReadSummary#repeatedStageRows()}). A closed deal whose next row is
 * the other closing stage (won, then lost) is reopened into the stage it closed from and closed
 * again at that row's instant, as a CRM records such a correction.
 *
 * <p>Nothing is dropped silently. A row is rejected, with its line and reason, when its deal id is
 * empty, its stage is not a stage of the pipeline, its date is missing or not ISO-8601, its amount
 * is not a non-negative decimal, its currency is not an ISO 4217 code, it has another number of
 * cells than the header, or it is malformed CSV. A deal is rejected as a whole, all its rows with
 * the reason, when the state machine refuses its history (for instance it starts in the won or
 * lost stage, or the pipeline's policy forbids a move).
 *
 * <p>Memory: the file is read in one pass, one row at a time, never whole. Until the end of the
 * file the reader keeps, per deal, its id, about 30 bytes per row and the latest value of each
 * column (values repeated across deals are stored once): some 300 to 400 bytes a deal, far less
 * than the file text but growing with the number of deals (measured: 664,000 deals in 1.2 million
 * rows, 82 MB, need a heap between 160 and 256 MB before any deal is kept). When the file is {@linkplain #withGroupedByDeal(boolean) grouped by deal}
 * (every deal's rows together, in any order within the group), each deal is built and handed on as
 * soon as its group ends, and of the finished deals only a 64-bit hash of each id is kept (11 to 22
 * bytes a deal, to notice a file that is not grouped after all): memory then stays bounded by the
 * largest deal plus those hashes, provided the consumer does not keep the deals (measured: the same
 * 82 MB file reads in a 24 MB heap).
 *
 * <p>Immutable and thread-safe; each call of {@code read} or {@code load} is independent.
 */
public final class StageHistoryReader {

  private static final List<String> REQUIRED = List.of("deal_id", "stage", "entered_at");
  private static final int MAX_SHARED_VALUES = 100_000;
  private static final int MAX_INTEGER_DIGITS = 18;
  private static final int MAX_DECIMALS = 12;
  /** Room for the digits, a sign, a point, an exponent and some leading zeros. */
  private static final int MAX_AMOUNT_CHARS = 64;

  private final Pipeline pipeline;
  private final Currency defaultCurrency;
  private final boolean groupedByDeal;
  private final Stage[] stages;
  private final Map<String, Integer> stageByName;

  private StageHistoryReader(Pipeline pipeline, Currency defaultCurrency, boolean groupedByDeal) {
    this.pipeline = pipeline;
    this.defaultCurrency = defaultCurrency;
    this.groupedByDeal = groupedByDeal;
    this.stages = pipeline.stages().toArray(new Stage[0]);
    Map<String, Integer> byName = new HashMap<>();
    for (int i = 0; i < stages.length; i++) {
      byName.put(key(stages[i].name()), i);
    }
    this.stageByName = Map.copyOf(byName);
  }

  /**
   * Returns a reader for a pipeline, with USD as default currency, not assuming the file is
   * grouped by deal.
   *
   * @param pipeline the pipeline whose stage names the file uses, not null; see
   *     {@link HistoryPipeline} for one built from names
   * @return the reader, never null
   */
  public static StageHistoryReader of(Pipeline pipeline) {
    return new StageHistoryReader(Objects.requireNonNull(pipeline, "pipeline"), Currency.getInstance("USD"), false);
  }

  /**
   * Returns a copy using another currency for amounts whose rows give none.
   *
   * @param currency the default currency, not null
   * @return the copy, never null
   */
  public StageHistoryReader withDefaultCurrency(Currency currency) {
    return new StageHistoryReader(pipeline, Objects.requireNonNull(currency, "currency"), groupedByDeal);
  }

  /**
   * Returns a copy that does or does not take the file to be grouped by deal: all rows of a deal
   * next to each other (in any order within the group). Grouped, deals are built as their group
   * ends and memory stays bounded. A deal id seen again after another deal's rows means the file
   * is not grouped and every deal built so far may be incomplete: reading then stops with a
   * {@link StageHistoryFormatException} naming the line.
   *
   * @param grouped true if the file is grouped by {@code deal_id}
   * @return the copy, never null
   */
  public StageHistoryReader withGroupedByDeal(boolean grouped) {
    return new StageHistoryReader(pipeline, defaultCurrency, grouped);
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
   * Reads a file (UTF-8, with or without byte order mark) into memory.
   *
   * @param file the file, not null
   * @return the deals, rejections and counts, never null
   * @throws StageHistoryFormatException if the file is empty, its header is not valid, or it was said
   *     to be grouped by deal and is not
   * @throws IOException if the file cannot be read
   */
  public LoadedHistory load(Path file) throws IOException {
    Objects.requireNonNull(file, "file");
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return load(in);
    }
  }

  /**
   * Reads a whole stage history into memory.
   *
   * @param in the text, not null; not closed
   * @return the deals, rejections and counts, never null
   * @throws StageHistoryFormatException if the text is empty, its header is not valid, or it was said
   *     to be grouped by deal and is not
   * @throws IOException if reading fails
   */
  public LoadedHistory load(Reader in) throws IOException {
    List<Deal> deals = new ArrayList<>();
    List<RowRejection> rejections = new ArrayList<>();
    Map<String, Currency> currencies = new HashMap<>();
    ReadSummary summary = read(in, deals::add, rejections::add, currencies::put);
    return new LoadedHistory(pipeline, deals, rejections, summary, currencies);
  }

  /**
   * Reads a stage history, handing each deal and each rejected row on as soon as it is known.
   * Deals come in the order their ids first appear; rejections of single rows come in file order,
   * those of a refused deal when the deal is built.
   *
   * @param in the text, not null; not closed
   * @param deals receives each deal loaded, not null
   * @param rejections receives each row not loaded, not null
   * @return the counts, never null
   * @throws StageHistoryFormatException if the text is empty, its header is not valid, or it was
   *     said to be grouped by deal and is not
   * @throws IOException if reading fails
   */
  public ReadSummary read(Reader in, Consumer<? super Deal> deals, Consumer<? super RowRejection> rejections)
      throws IOException {
    return read(in, deals, rejections, (id, currency) -> { });
  }

  /**
   * Reads a stage history as {@link #read(Reader, Consumer, Consumer)} does, also handing on, for
   * each deal loaded without an amount whose rows name a currency, its id and that currency (the
   * last named in time order), just before the deal.
   *
   * @param in the text, not null; not closed
   * @param deals receives each deal loaded, not null
   * @param rejections receives each row not loaded, not null
   * @param unpricedCurrencies receives the currency named by each deal loaded without an amount,
   *     not null
   * @return the counts, never null
   * @throws StageHistoryFormatException if the text is empty, its header is not valid, or it was
   *     said to be grouped by deal and is not
   * @throws IOException if reading fails
   */
  public ReadSummary read(Reader in, Consumer<? super Deal> deals, Consumer<? super RowRejection> rejections,
      BiConsumer<String, Currency> unpricedCurrencies) throws IOException {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(deals, "deals");
    Objects.requireNonNull(rejections, "rejections");
    Objects.requireNonNull(unpricedCurrencies, "unpricedCurrencies");
    return new Pass(new CsvRecordReader(in), deals, rejections, unpricedCurrencies).run();
  }

  /**
   * Splits a text into CSV records as {@link #read} does, without building deals: the tokenizer's
   * share of a read, for measuring it. Blank records are not counted; a record that is not valid
   * CSV is.
   *
   * @param in the text, not null; not closed
   * @return the number of records, header included
   * @throws IOException if reading fails
   */
  public static long countRecords(Reader in) throws IOException {
    CsvRecordReader csv = new CsvRecordReader(Objects.requireNonNull(in, "in"));
    long records = 0;
    for (CsvRecordReader.CsvRecord record = csv.next(); record != null; record = csv.next()) {
      if (!record.isBlank()) {
        records++;
      }
    }
    return records;
  }

  private static String key(String name) {
    return name.strip().toLowerCase(Locale.ROOT);
  }

  /** One reading of one file: the mutable state of a call. */
  private final class Pass {
    private final CsvRecordReader csv;
    private final Consumer<? super Deal> dealSink;
    private final Consumer<? super RowRejection> rejectionSink;
    private final BiConsumer<String, Currency> currencySink;
    private final Map<String, String> shared = new HashMap<>();
    private final Map<String, DealRows> pending = new LinkedHashMap<>();
    private final SeenIds finished = new SeenIds();
    private DealRows current;

    private int width;
    private int idColumn;
    private int stageColumn;
    private int enteredColumn;
    private int amountColumn = -1;
    private int currencyColumn = -1;
    private int ownerColumn = -1;
    private int lostReasonColumn = -1;
    private final List<String> attributeNames = new ArrayList<>();
    private int[] attributeColumns;

    private long rows;
    private long rejectedRows;
    private long dealCount;
    private long rejectedDeals;
    private long repeatedStageRows;

    Pass(CsvRecordReader csv, Consumer<? super Deal> dealSink, Consumer<? super RowRejection> rejectionSink,
        BiConsumer<String, Currency> currencySink) {
      this.csv = csv;
      this.dealSink = dealSink;
      this.rejectionSink = rejectionSink;
      this.currencySink = currencySink;
    }

    ReadSummary run() throws IOException {
      header();
      for (CsvRecordReader.CsvRecord record = csv.next(); record != null; record = csv.next()) {
        if (!record.isBlank()) {
          rows++;
          row(record);
        }
      }
      if (current != null) {
        build(current);
      }
      for (Iterator<DealRows> it = pending.values().iterator(); it.hasNext(); ) {
        DealRows next = it.next();
        it.remove();
        build(next);
      }
      return new ReadSummary(rows, rejectedRows, dealCount, rejectedDeals, repeatedStageRows);
    }

    private void header() throws IOException {
      CsvRecordReader.CsvRecord header = csv.next();
      while (header != null && header.isBlank()) {
        header = csv.next();
      }
      if (header == null) {
        throw new StageHistoryFormatException("the file is empty: a header row with deal_id, stage and entered_at "
            + "is required");
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
              + " of the header has no name");
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
          default -> {
            attributes.add(i);
            attributeNames.add(name);
          }
        }
      }
      List<String> missing = REQUIRED.stream().filter(c -> !columns.containsKey(c)).toList();
      if (!missing.isEmpty()) {
        throw new StageHistoryFormatException("line " + header.line() + ": the header has no column "
            + String.join(", ", missing) + " (it has " + String.join(", ", header.cells()) + ")");
      }
      idColumn = columns.get("deal_id");
      stageColumn = columns.get("stage");
      enteredColumn = columns.get("entered_at");
      attributeColumns = attributes.stream().mapToInt(Integer::intValue).toArray();
    }

    private void row(CsvRecordReader.CsvRecord record) throws StageHistoryFormatException {
      List<String> cells = record.cells();
      String id = cells.size() > idColumn ? cell(cells, idColumn) : "";
      DealRows deal = id.isEmpty() ? null : dealFor(id, record.line());
      if (record.error() != null) {
        reject(record.line(), id, "not valid CSV: " + record.error());
        return;
      }
      if (cells.size() != width) {
        reject(record.line(), id, "the row has " + cells.size() + " cells but the header has " + width);
        return;
      }
      if (id.isEmpty()) {
        reject(record.line(), id, "empty deal_id");
        return;
      }
      String stageName = cell(cells, stageColumn);
      Integer stage = stageByName.get(key(stageName));
      if (stage == null) {
        reject(record.line(), id, stageName.isEmpty() ? "empty stage" : "unknown stage '" + stageName
            + "': the pipeline's stages are " + String.join(", ", pipeline.stages().stream().map(Stage::name).toList()));
        return;
      }
      Either<String, Instant> entered = Timestamps.parse(cell(cells, enteredColumn));
      if (entered.isLeft()) {
        reject(record.line(), id, "bad entered_at: " + entered.getLeft());
        return;
      }
      String amount = amountColumn < 0 ? "" : cell(cells, amountColumn);
      if (!amount.isEmpty()) {
        String problem = amountProblem(amount);
        if (problem != null) {
          reject(record.line(), id, problem);
          return;
        }
      }
      String currency = currencyColumn < 0 ? "" : cell(cells, currencyColumn).toUpperCase(Locale.ROOT);
      if (!currency.isEmpty() && !isCurrency(currency)) {
        reject(record.line(), id, "bad currency '" + currency + "': not an ISO 4217 code such as USD");
        return;
      }
      Instant at = entered.get();
      int row = deal.add(at.getEpochSecond(), at.getNano(), stage, record.line());
      int columns = DealRows.FIRST_ATTRIBUTE + attributeColumns.length;
      if (!amount.isEmpty()) {
        deal.offer(DealRows.AMOUNT, row, amount, columns); // amounts rarely repeat: not worth sharing
      }
      offer(deal, DealRows.CURRENCY, row, currency, columns);
      offer(deal, DealRows.OWNER, row, ownerColumn < 0 ? "" : cell(cells, ownerColumn), columns);
      String lostReason = lostReasonColumn < 0 ? "" : cell(cells, lostReasonColumn);
      offer(deal, DealRows.LOST_REASON, row, lostReason, columns);
      if (!lostReason.isEmpty() && stages[stage].kind() == StageKind.LOST) {
        deal.rowLostReason(row, share(lostReason));
      }
      for (int a = 0; a < attributeColumns.length; a++) {
        offer(deal, DealRows.FIRST_ATTRIBUTE + a, row, cell(cells, attributeColumns[a]), columns);
      }
    }

    /** Returns the deal's rows, starting a deal if new. */
    private DealRows dealFor(String id, long line) throws StageHistoryFormatException {
      if (!groupedByDeal) {
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
        deal.offer(column, row, share(value), columns);
      }
    }

    private void build(DealRows rows) {
      if (rows.size == 0) {
        rejectedDeals++; // every row was rejected and reported on its own
        return;
      }
      Integer[] order = rows.timeOrder();
      Either<String, Deal> built = drive(rows, order);
      if (built.isRight()) {
        String currency = rows.latest(DealRows.CURRENCY);
        if (currency != null && rows.latest(DealRows.AMOUNT) == null) {
          currencySink.accept(rows.id, Currency.getInstance(currency));
        }
        dealSink.accept(built.get());
        return;
      }
      rejectedDeals++;
      for (int i = 0; i < rows.size; i++) {
        reject(rows.lines[i], rows.id, built.getLeft());
      }
    }

    /** Drives the deal's rows through the state machine, or says which row it refused and why. */
    private Either<String, Deal> drive(DealRows rows, Integer[] order) {
      int first = order[0];
      Stage start = stages[rows.stages[first]];
      if (!start.isOpen()) {
        return Either.left("the deal's first row (line " + rows.lines[first] + ") is in the " + start.kind()
            .name().toLowerCase(Locale.ROOT) + " stage " + start.name() + ", but a deal must start in an open stage");
      }
      Either<Rejection, Change> result = pipeline.open(draft(rows, start), instant(rows, first));
      if (result.isLeft()) {
        return Either.left(refused(rows, first, result.getLeft()));
      }
      Deal deal = result.get().deal();
      int repeated = 0;
      String lastLostReason = Option.of(rows.latest(DealRows.LOST_REASON)).getOrElse("");
      for (int i = 1; i < order.length; i++) {
        int row = order[i];
        Stage stage = stages[rows.stages[row]];
        if (stage.id().equals(deal.stageId())) {
          repeated++;
          continue;
        }
        Instant at = instant(rows, row);
        String reason = rows.rowLostReasons != null && rows.rowLostReasons[row] != null
            ? rows.rowLostReasons[row] : lastLostReason;
        result = step(deal, stage, reason, at);
        if (result.isLeft()) {
          return Either.left(refused(rows, row, result.getLeft()));
        }
        deal = result.get().deal();
      }
      repeatedStageRows += repeated;
      return Either.right(deal);
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

    private NewDeal draft(DealRows rows, Stage start) {
      Option<Money> amount = Option.of(rows.latest(DealRows.AMOUNT)).map(a -> Money.of(new BigDecimal(a),
          Option.of(rows.latest(DealRows.CURRENCY)).map(Currency::getInstance).getOrElse(defaultCurrency)));
      Map<String, String> attributes = new LinkedHashMap<>();
      for (int a = 0; a < attributeColumns.length; a++) {
        String value = rows.latest(DealRows.FIRST_ATTRIBUTE + a);
        if (value != null) {
          attributes.put(attributeNames.get(a), value);
        }
      }
      return new NewDeal(rows.id, "", "", Option.of(rows.latest(DealRows.OWNER)).getOrElse(""), amount,
          Option.some(start.id()), Option.none(), Qualification.UNKNOWN, attributes);
    }

    private String refused(DealRows rows, int row, Rejection rejection) {
      return "the deal is not loaded: the pipeline refused line " + rows.lines[row] + ": " + rejection.message()
          + " [" + rejection.code() + "]";
    }

    private void reject(long line, String dealId, String reason) {
      rejectedRows++;
      rejectionSink.accept(new RowRejection(line, dealId, reason));
    }

    private String cell(List<String> cells, int column) {
      return SpreadsheetCells.restore(cells.get(column).strip());
    }

    /**
     * Stores each distinct value once (owners, currencies, attribute values repeat across deals
     * that wait for the end of the file); a grouped reading builds deals at once and shares nothing.
     */
    private String share(String value) {
      if (groupedByDeal) {
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

  private static String amountProblem(String amount) {
    if (amount.length() > MAX_AMOUNT_CHARS) {
      // checked before parsing: BigDecimal takes seconds over a megabyte of digits
      return "bad amount '" + amount.substring(0, 24) + "…' (" + amount.length() + " characters): an amount has at"
          + " most " + MAX_AMOUNT_CHARS + " characters";
    }
    BigDecimal value;
    try {
      value = new BigDecimal(amount);
    } catch (NumberFormatException e) {
      return "bad amount '" + amount + "': not a decimal number such as 1250.50";
    }
    if (value.signum() < 0) {
      return "bad amount '" + amount + "': an amount must not be negative";
    }
    if (value.precision() - value.scale() > MAX_INTEGER_DIGITS || value.scale() > MAX_DECIMALS) {
      return "bad amount '" + amount + "': more than " + MAX_INTEGER_DIGITS + " digits before or " + MAX_DECIMALS
          + " after the decimal point";
    }
    return null;
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
