package org.salespipeline.history.importers;

import io.vavr.control.Either;
import io.vavr.control.Option;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.salespipeline.core.StageKind;
import org.salespipeline.history.CsvRecords;

/**
 * Imports an export with one row per opportunity — its created date, its closed date (empty while
 * open), its final stage and its amount, other columns being attributes — as a stage history.
 *
 * <p>The defaults are the columns and stages of the Maven Analytics "CRM Sales Opportunities"
 * sample ({@code opportunity_id, sales_agent, product, account, deal_stage, engage_date,
 * close_date, close_value}; stages Prospecting, Engaging, Won, Lost), whose created date is the
 * day the deal entered Engaging. Every column name, the stages and the stage a deal is opened in
 * are options.
 *
 * <p>What is known when (point in time):
 * <ul>
 *   <li>A deal is opened at its created date (the start of that day, in the import's zone): a
 *       closed deal in the {@linkplain #withOpenedIn opened-in stage}, an open deal in its final
 *       stage. When that final stage is not the opened-in stage, the export does not say when the
 *       deal entered it, and a warning counts such deals.</li>
 *   <li>A won or lost deal enters its final stage at its closed date, and its amount (the close
 *       value) becomes known then, not at creation: as of an earlier instant the deal has no
 *       amount.</li>
 *   <li>An open deal's amount is its value at the export, with no date: it is placed at the
 *       deal's created date, and a warning says how many deals that is.</li>
 *   <li>Owner, currency and the other columns are the export's values, placed at the opening (a
 *       warning says so when there are any).</li>
 *   <li>A lost deal's amount of {@code 0} is read as unknown by default (the Maven sample writes
 *       0 for every lost deal); {@link #withZeroLostAmountUnknown(boolean)} keeps it.</li>
 * </ul>
 *
 * <p>An opportunity without a created date is set aside — counted, named, never guessed. A record
 * is bad when it is malformed CSV, has another number of cells than the header, has no id, repeats
 * an id (both records are then left out), names an unknown stage, has a date or amount that cannot
 * be read, is closed without a closed date or open with one, or closes before it was created.
 *
 * <p>Immutable and thread-safe.
 */
public final class OpportunitiesImporter {

  private static final List<String> MAVEN_OPEN_STAGES = List.of("Prospecting", "Engaging");

  private final String idColumn;
  private final String stageColumn;
  private final String createdColumn;
  private final String closedColumn;
  private final String amountColumn;
  private final String ownerColumn;
  private final Option<String> currencyColumn;
  private final Option<String> lostReasonColumn;
  private final List<String> openStages;
  private final String wonStage;
  private final String lostStage;
  private final Option<String> openedIn;
  private final boolean zeroLostAmountUnknown;

  private OpportunitiesImporter(String idColumn, String stageColumn, String createdColumn, String closedColumn,
      String amountColumn, String ownerColumn, Option<String> currencyColumn, Option<String> lostReasonColumn,
      List<String> openStages, String wonStage, String lostStage, Option<String> openedIn,
      boolean zeroLostAmountUnknown) {
    this.idColumn = idColumn;
    this.stageColumn = stageColumn;
    this.createdColumn = createdColumn;
    this.closedColumn = closedColumn;
    this.amountColumn = amountColumn;
    this.ownerColumn = ownerColumn;
    this.currencyColumn = currencyColumn;
    this.lostReasonColumn = lostReasonColumn;
    this.openStages = openStages;
    this.wonStage = wonStage;
    this.lostStage = lostStage;
    this.openedIn = openedIn;
    this.zeroLostAmountUnknown = zeroLostAmountUnknown;
  }

  /**
   * Returns the importer of the Maven CRM sample's shape: id {@code opportunity_id}, stage
   * {@code deal_stage}, created {@code engage_date}, closed {@code close_date}, amount
   * {@code close_value}, owner {@code sales_agent}, no currency or lost-reason column; open stages
   * Prospecting, Engaging, won {@code Won}, lost {@code Lost}; closed deals opened in Engaging; a
   * lost deal's amount of 0 read as unknown.
   *
   * @return the importer, never null
   */
  public static OpportunitiesImporter defaults() {
    return new OpportunitiesImporter("opportunity_id", "deal_stage", "engage_date", "close_date", "close_value",
        "sales_agent", Option.none(), Option.none(), MAVEN_OPEN_STAGES, "Won", "Lost", Option.none(), true);
  }

  /**
   * Returns a copy reading the deal id from another column.
   *
   * @param column the column's name, not blank
   * @return the copy, never null
   */
  public OpportunitiesImporter withIdColumn(String column) {
    return new OpportunitiesImporter(text(column, "column"), stageColumn, createdColumn, closedColumn, amountColumn,
        ownerColumn, currencyColumn, lostReasonColumn, openStages, wonStage, lostStage, openedIn,
        zeroLostAmountUnknown);
  }

  /**
   * Returns a copy reading the final stage from another column.
   *
   * @param column the column's name, not blank
   * @return the copy, never null
   */
  public OpportunitiesImporter withStageColumn(String column) {
    return new OpportunitiesImporter(idColumn, text(column, "column"), createdColumn, closedColumn, amountColumn,
        ownerColumn, currencyColumn, lostReasonColumn, openStages, wonStage, lostStage, openedIn,
        zeroLostAmountUnknown);
  }

  /**
   * Returns a copy reading the created date from another column.
   *
   * @param column the column's name, not blank
   * @return the copy, never null
   */
  public OpportunitiesImporter withCreatedColumn(String column) {
    return new OpportunitiesImporter(idColumn, stageColumn, text(column, "column"), closedColumn, amountColumn,
        ownerColumn, currencyColumn, lostReasonColumn, openStages, wonStage, lostStage, openedIn,
        zeroLostAmountUnknown);
  }

  /**
   * Returns a copy reading the closed date from another column.
   *
   * @param column the column's name, not blank
   * @return the copy, never null
   */
  public OpportunitiesImporter withClosedColumn(String column) {
    return new OpportunitiesImporter(idColumn, stageColumn, createdColumn, text(column, "column"), amountColumn,
        ownerColumn, currencyColumn, lostReasonColumn, openStages, wonStage, lostStage, openedIn,
        zeroLostAmountUnknown);
  }

  /**
   * Returns a copy reading the amount from another column.
   *
   * @param column the column's name, not blank
   * @return the copy, never null
   */
  public OpportunitiesImporter withAmountColumn(String column) {
    return new OpportunitiesImporter(idColumn, stageColumn, createdColumn, closedColumn, text(column, "column"),
        ownerColumn, currencyColumn, lostReasonColumn, openStages, wonStage, lostStage, openedIn,
        zeroLostAmountUnknown);
  }

  /**
   * Returns a copy reading the owner from another column.
   *
   * @param column the column's name, not blank
   * @return the copy, never null
   */
  public OpportunitiesImporter withOwnerColumn(String column) {
    return new OpportunitiesImporter(idColumn, stageColumn, createdColumn, closedColumn, amountColumn,
        text(column, "column"), currencyColumn, lostReasonColumn, openStages, wonStage, lostStage, openedIn,
        zeroLostAmountUnknown);
  }

  /**
   * Returns a copy reading each amount's currency (an ISO 4217 code) from a column.
   *
   * @param column the column's name, not blank
   * @return the copy, never null
   */
  public OpportunitiesImporter withCurrencyColumn(String column) {
    return new OpportunitiesImporter(idColumn, stageColumn, createdColumn, closedColumn, amountColumn, ownerColumn,
        Option.some(text(column, "column")), lostReasonColumn, openStages, wonStage, lostStage, openedIn,
        zeroLostAmountUnknown);
  }

  /**
   * Returns a copy reading a lost deal's reason from a column.
   *
   * @param column the column's name, not blank
   * @return the copy, never null
   */
  public OpportunitiesImporter withLostReasonColumn(String column) {
    return new OpportunitiesImporter(idColumn, stageColumn, createdColumn, closedColumn, amountColumn, ownerColumn,
        currencyColumn, Option.some(text(column, "column")), openStages, wonStage, lostStage, openedIn,
        zeroLostAmountUnknown);
  }

  /**
   * Returns a copy with other stages.
   *
   * @param open the open stages in pipeline order, not empty
   * @param won the won stage's name, not blank
   * @param lost the lost stage's name, not blank
   * @return the copy, never null
   * @throws IllegalArgumentException if a name is blank or two names are the same ignoring case
   */
  public OpportunitiesImporter withStages(List<String> open, String won, String lost) {
    new StageSet(Objects.requireNonNull(open, "open"), Objects.requireNonNull(won, "won"),
        Objects.requireNonNull(lost, "lost"));
    return new OpportunitiesImporter(idColumn, stageColumn, createdColumn, closedColumn, amountColumn, ownerColumn,
        currencyColumn, lostReasonColumn, List.copyOf(open), won.strip(), lost.strip(), openedIn,
        zeroLostAmountUnknown);
  }

  /**
   * Returns a copy opening closed deals, at their created date, in this open stage: the stage
   * whose entry the created date records. Unset, it is Engaging when that is an open stage (the
   * Maven sample's {@code engage_date}), else the first open stage.
   *
   * @param stage an open stage's name, not blank
   * @return the copy, never null
   */
  public OpportunitiesImporter withOpenedIn(String stage) {
    return new OpportunitiesImporter(idColumn, stageColumn, createdColumn, closedColumn, amountColumn, ownerColumn,
        currencyColumn, lostReasonColumn, openStages, wonStage, lostStage, Option.some(text(stage, "stage")),
        zeroLostAmountUnknown);
  }

  /**
   * Returns a copy that reads a lost deal's amount of zero as unknown (the default) or keeps it.
   *
   * @param unknown true to read 0 on a lost deal as "no amount"
   * @return the copy, never null
   */
  public OpportunitiesImporter withZeroLostAmountUnknown(boolean unknown) {
    return new OpportunitiesImporter(idColumn, stageColumn, createdColumn, closedColumn, amountColumn, ownerColumn,
        currencyColumn, lostReasonColumn, openStages, wonStage, lostStage, openedIn, unknown);
  }

  /**
   * Imports a file (in the reading options' encoding, UTF-8 by default; a byte order mark is skipped).
   *
   * @param file the export, not null
   * @param options strictness and dates, not null
   * @return the stage history, never null
   * @throws ImportException if the header lacks a column the options name, the file is empty, an
   *     option names a stage that is not open, or (strictly) a record is bad
   * @throws IOException if the file cannot be read
   */
  public ImportedHistory read(Path file, ImportOptions options) throws IOException {
    Objects.requireNonNull(file, "file");
    try (Reader in = Files.newBufferedReader(file, options.reading().encoding())) {
      return read(in, file.getFileName().toString(), options);
    }
  }

  /**
   * Imports an export from text.
   *
   * @param in the text, not null; not closed
   * @param fileName the name messages give the text, not null
   * @param options strictness and dates, not null
   * @return the stage history, never null
   * @throws ImportException if the header lacks a column the options name, the text is empty, an
   *     option names a stage that is not open, or (strictly) a record is bad
   * @throws IOException if reading fails
   */
  public ImportedHistory read(Reader in, String fileName, ImportOptions options) throws IOException {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(options, "options");
    StageSet stages = new StageSet(openStages, wonStage, lostStage);
    String opening = openingStage(stages);
    VendorTable table = VendorTable.open(in, fileName, options);
    int id = table.required(idColumn, "the id column");
    int stage = table.required(stageColumn, "the stage column");
    int created = table.required(createdColumn, "the created-date column");
    int closed = table.required(closedColumn, "the closed-date column");
    int amount = table.required(amountColumn, "the amount column");
    int owner = table.required(ownerColumn, "the owner column");
    int currency = currencyColumn.isDefined() ? table.required(currencyColumn.get(), "the currency column") : -1;
    int lostReason = lostReasonColumn.isDefined()
        ? table.required(lostReasonColumn.get(), "the lost-reason column") : -1;
    List<Integer> attributeColumns = new ArrayList<>();
    for (int i = 0; i < table.header.size(); i++) {
      if (i != id && i != stage && i != created && i != closed && i != amount && i != owner && i != currency
          && i != lostReason && !table.header.get(i).isEmpty()) {
        attributeColumns.add(i);
      }
    }
    VendorCells cells = new VendorCells(options);
    Intake intake = new Intake(fileName, options);
    Counts counts = new Counts();
    for (Option<CsvRecords.Record> next = table.next(); next.isDefined(); next = table.next()) {
      CsvRecords.Record record = next.get();
      intake.read();
      String dealId = VendorTable.cell(record, id);
      Either<String, List<HistoryRow>> rows = rows(record, table, dealId, intake, stages, opening, cells,
          new int[] {stage, created, closed, amount, owner, currency, lostReason}, attributeColumns, counts);
      if (rows.isLeft()) {
        intake.bad(record, dealId, rows.getLeft());
      } else if (!rows.get().isEmpty()) {
        intake.take(record, dealId, rows.get());
      }
    }
    Intake.Result result = intake.finish((dealId, rows) -> Either.right(rows));
    List<String> warnings = new ArrayList<>();
    result.setAside().forEach((reason, ids) -> warnings.add(ids.size() + " " + reason + ": "
        + String.join(", ", ids.subList(0, Math.min(5, ids.size()))) + (ids.size() > 5 ? ", …" : "")));
    if (counts.openAtFinalStage > 0) {
      warnings.add(counts.openAtFinalStage + " open deals are placed in their current stage from their "
          + createdColumn + ": the export does not say when they entered it");
    }
    if (counts.openAmounts > 0) {
      warnings.add(counts.openAmounts + " open deals' " + amountColumn + " is placed at their " + createdColumn
          + ": the export gives only the current amount, not when it became known");
    }
    if (counts.zeroLost > 0) {
      warnings.add(counts.zeroLost + " lost deals have " + amountColumn + " 0, read as unknown (the value of a lost"
          + " deal is not recorded): value win rate leaves them out");
    }
    if (result.summary().importedDeals() > 0) {
      warnings.add(ownerColumn + (attributeColumns.isEmpty() ? "" : " and the other columns (" + String.join(", ",
          attributeColumns.stream().map(table.header::get).toList()) + ")") + " are the export's values, placed at "
          + "each deal's opening");
    }
    return new ImportedHistory(ImportShape.OPPORTUNITIES, stages.open, stages.won, stages.lost, result.rows(),
        result.rejections(), result.setAside(), warnings, result.summary());
  }

  private String openingStage(StageSet stages) throws ImportException {
    if (openedIn.isDefined()) {
      Option<String> known = stages.name(openedIn.get());
      if (known.isEmpty() || stages.kind(known.get()) != StageKind.OPEN) {
        throw new ImportException("the opened-in stage '" + openedIn.get() + "' is not an open stage; the open stages"
            + " are " + String.join(", ", stages.open));
      }
      return known.get();
    }
    return stages.name("Engaging").filter(s -> stages.kind(s) == StageKind.OPEN).getOrElse(stages.open.get(0));
  }

  /** Mutable counts of one import, for its warnings. */
  private static final class Counts {
    long openAtFinalStage;
    long openAmounts;
    long zeroLost;
  }

  /** Turns a record into its rows; none when set aside; the reason when bad. */
  private Either<String, List<HistoryRow>> rows(CsvRecords.Record record, VendorTable table, String dealId,
      Intake intake, StageSet stages, String opening, VendorCells cells, int[] c, List<Integer> attributeColumns,
      Counts counts) {
    if (record.error().isDefined()) {
      return Either.left("not valid CSV: " + record.error().get());
    }
    if (record.cells().size() != table.header.size()) {
      return Either.left("the record has " + record.cells().size() + " cells but the header has "
          + table.header.size());
    }
    if (dealId.isEmpty()) {
      return Either.left("empty " + idColumn);
    }
    Option<Long> first = intake.firstLine(dealId);
    if (first.isDefined()) {
      return Either.left(idColumn + " " + dealId + " appears again (first on line " + first.get()
          + "): no record of it is imported");
    }
    String stageCell = VendorTable.cell(record, c[0]);
    Option<String> stage = stages.name(stageCell);
    if (stage.isEmpty()) {
      return Either.left(Cells.unknownStage(stageCell, stages.all()));
    }
    StageKind kind = stages.kind(stage.get());
    String createdCell = VendorTable.cell(record, c[1]);
    String closedCell = VendorTable.cell(record, c[2]);
    if (createdCell.isEmpty()) {
      intake.setAsideDeal("opportunities without " + createdColumn + " (not imported: a created date is never "
          + "guessed)", dealId, record.line());
      return Either.right(List.of());
    }
    Either<String, Instant> createdAt = cells.instant(createdCell).mapLeft(e -> "bad " + createdColumn + ": " + e);
    if (createdAt.isLeft()) {
      return Either.left(createdAt.getLeft());
    }
    Option<Instant> closedAt = Option.none();
    if (!closedCell.isEmpty()) {
      Either<String, Instant> read = cells.instant(closedCell).mapLeft(e -> "bad " + closedColumn + ": " + e);
      if (read.isLeft()) {
        return Either.left(read.getLeft());
      }
      closedAt = Option.some(read.get());
    }
    if (kind == StageKind.OPEN && closedAt.isDefined()) {
      return Either.left("the open stage " + stage.get() + " with a " + closedColumn + " (" + closedCell
          + "): an open deal has no closed date");
    }
    if (kind != StageKind.OPEN && closedAt.isEmpty()) {
      return Either.left("the closed stage " + stage.get() + " without a " + closedColumn);
    }
    if (closedAt.isDefined() && closedAt.get().isBefore(createdAt.get())) {
      return Either.left(closedColumn + " " + closedCell + " is before " + createdColumn + " " + createdCell);
    }
    String amountCell = VendorTable.cell(record, c[3]);
    Option<BigDecimal> amount = Option.none();
    if (!amountCell.isEmpty()) {
      Either<String, BigDecimal> read = cells.amount(amountCell, amountColumn);
      if (read.isLeft()) {
        return Either.left(read.getLeft());
      }
      amount = Option.some(read.get());
    }
    String currencyCell = VendorTable.cell(record, c[5]);
    Option<Currency> currency = Option.none();
    if (!currencyCell.isEmpty()) {
      Either<String, Currency> read = Cells.currency(currencyCell, currencyColumn.getOrElse("currency"));
      if (read.isLeft()) {
        return Either.left(read.getLeft());
      }
      currency = Option.some(read.get());
    }
    Map<String, String> attributes = new LinkedHashMap<>();
    for (int column : attributeColumns) {
      String value = VendorTable.cell(record, column);
      if (!value.isEmpty()) {
        attributes.put(VendorTable.attributeName(table.header.get(column)), value);
      }
    }
    String openedStage = kind == StageKind.OPEN ? stage.get() : opening;
    if (kind == StageKind.OPEN && !stage.get().equals(opening)) {
      counts.openAtFinalStage++;
    }
    HistoryRow open = HistoryRow.of(dealId, openedStage, createdAt.get()).withAttributes(attributes);
    String ownerCell = VendorTable.cell(record, c[4]);
    if (!ownerCell.isEmpty()) {
      open = open.withOwner(ownerCell);
    }
    if (currency.isDefined()) {
      open = open.withCurrency(currency.get());
    }
    if (kind == StageKind.OPEN) {
      if (amount.isDefined()) {
        counts.openAmounts++;
        open = open.withAmount(amount.get());
      }
      return Either.right(List.of(open));
    }
    HistoryRow close = HistoryRow.of(dealId, stage.get(), closedAt.get());
    if (amount.isDefined()) {
      if (kind == StageKind.LOST && amount.get().signum() == 0 && zeroLostAmountUnknown) {
        counts.zeroLost++;
      } else {
        close = close.withAmount(amount.get());
      }
    }
    String reason = VendorTable.cell(record, c[6]);
    if (kind == StageKind.LOST && !reason.isEmpty()) {
      close = close.withLostReason(reason);
    }
    return Either.right(List.of(open, close));
  }

  private static String text(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value.strip();
  }
}
