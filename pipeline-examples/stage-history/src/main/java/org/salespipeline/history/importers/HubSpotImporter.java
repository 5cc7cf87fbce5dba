package org.salespipeline.history.importers;

import io.vavr.control.Either;
import io.vavr.control.Option;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.salespipeline.core.StageKind;
import org.salespipeline.history.CsvRecords;

/**
 * Imports a HubSpot deals export with HubSpot's stage-calculated properties — one
 * {@code Date entered "<stage> (<pipeline>)"} column (and one {@code Date exited …}) per stage of a
 * pipeline — as a stage history.
 *
 * <p>What the columns mean, as HubSpot documents its
 * <a href="https://knowledge.hubspot.com/properties/stage-calculated-properties">stage calculated
 * properties</a>: "Date entered" is the date and time the deal entered the stage and "Date exited"
 * when it left it; HubSpot keeps one of each per stage (the latest stay: "Latest time in" is
 * computed from them), so a deal that went back to a stage shows only its last entry there. Its
 * <a href="https://knowledge.hubspot.com/crm-deals/hubspots-default-deal-properties">default deal
 * properties</a> give the rest: {@code Close Date} is the day the deal is expected to close, or
 * closed; {@code Amount}, {@code Deal owner}, {@code Pipeline}, {@code Deal Stage} (the current
 * stage).
 *
 * <p>So each non-empty "Date entered" cell of the chosen pipeline becomes a stage-history row at
 * that instant, the deal's rows in time order (ties in stage order). The latest must be the deal's
 * {@code Deal Stage}; a stage exited before it was entered (other than the current stage, which a
 * deal can re-enter) is a bad record. Point in time: the export gives the current amount, owner,
 * close date and other properties with no date; a closed deal's amount is taken as known when it
 * closed (its closing row), an open deal's amount and expected close date are placed at its first
 * entry (a warning counts them), owner and the other properties at the first entry (a warning says
 * so). The derived {@code Latest time in} / {@code Cumulative time in} / {@code Time in} columns
 * are left out.
 *
 * <p>Stages: the won and lost stages default to HubSpot's {@code Closed Won} / {@code Closed Lost};
 * the open stages, unless given, are the pipeline's other "Date entered" columns in the order the
 * export has them (HubSpot writes them in pipeline order). An export with columns for several
 * pipelines needs the pipeline named; deals of other pipelines are set aside and counted. A deal
 * with no "Date entered" cell is set aside and counted, never guessed; a deal whose earliest entry
 * is a closed stage is a bad record (a stage history starts in an open stage).
 *
 * <p>Immutable and thread-safe.
 */
public final class HubSpotImporter {

  /** The columns of a deals export, with HubSpot's property labels as defaults. */
  public enum Field {
    /** The deal's id: {@code Record ID} (older exports: {@code Deal ID}, also accepted). */
    RECORD_ID("Record ID"),
    /** {@code Deal Stage}: the current stage, checked against the latest entry. */
    DEAL_STAGE("Deal Stage"),
    /** {@code Pipeline}: deals of another pipeline than the imported one are set aside. */
    PIPELINE("Pipeline"),
    /** {@code Amount}: the current amount. */
    AMOUNT("Amount"),
    /** {@code Close Date}: an open deal's expected close date. */
    CLOSE_DATE("Close Date"),
    /** {@code Deal owner}: the owner. */
    DEAL_OWNER("Deal owner"),
    /** {@code Currency}, in multi-currency accounts: the amount's currency. */
    CURRENCY("Currency"),
    /** {@code Closed Lost Reason}: a lost deal's reason. */
    CLOSED_LOST_REASON("Closed Lost Reason");

    private final String defaultName;

    Field(String defaultName) {
      this.defaultName = defaultName;
    }

    /**
     * Returns HubSpot's label of the property, the default column name.
     *
     * @return the name, never null
     */
    public String defaultName() {
      return defaultName;
    }
  }

  private static final Pattern STAGE_DATE =
      Pattern.compile("(?i)date (entered|exited)\\s*\"?(.+?)\"?");
  private static final Pattern STAGE_AND_PIPELINE = Pattern.compile("(.+?)\\s*\\(([^()]+)\\)");
  private static final Pattern DERIVED = Pattern.compile("(?i)(latest |cumulative )?time in\\s.*");

  private final Map<Field, String> columns;
  private final Set<Field> given;
  private final Option<String> pipeline;
  private final Option<List<String>> openStages;
  private final String wonStage;
  private final String lostStage;

  private HubSpotImporter(Map<Field, String> columns, Set<Field> given, Option<String> pipeline,
      Option<List<String>> openStages, String wonStage, String lostStage) {
    this.columns = columns;
    this.given = given;
    this.pipeline = pipeline;
    this.openStages = openStages;
    this.wonStage = wonStage;
    this.lostStage = lostStage;
  }

  /**
   * Returns the importer with HubSpot's property labels, {@code Closed Won} / {@code Closed Lost},
   * the open stages in the export's column order and the export's only pipeline.
   *
   * @return the importer, never null
   */
  public static HubSpotImporter defaults() {
    Map<Field, String> columns = new EnumMap<>(Field.class);
    for (Field field : Field.values()) {
      columns.put(field, field.defaultName);
    }
    return new HubSpotImporter(Map.copyOf(columns), Set.of(), Option.none(), Option.none(), "Closed Won",
        "Closed Lost");
  }

  /**
   * Returns a copy reading a field from another column; a column named here must exist.
   *
   * @param field the field, not null
   * @param column the column's name, not blank
   * @return the copy, never null
   */
  public HubSpotImporter withColumn(Field field, String column) {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(column, "column");
    if (column.isBlank()) {
      throw new IllegalArgumentException("column must not be blank");
    }
    Map<Field, String> copy = new EnumMap<>(columns);
    copy.put(field, column.strip());
    Set<Field> nowGiven = EnumSet.noneOf(Field.class);
    nowGiven.addAll(given);
    nowGiven.add(field);
    return new HubSpotImporter(Map.copyOf(copy), Set.copyOf(nowGiven), pipeline, openStages, wonStage, lostStage);
  }

  /**
   * Returns a copy importing the deals of one pipeline (its name as in the {@code Pipeline}
   * column and in the "Date entered" columns' parentheses).
   *
   * @param name the pipeline's name, not blank
   * @return the copy, never null
   */
  public HubSpotImporter withPipeline(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank");
    }
    return new HubSpotImporter(columns, given, Option.some(name.strip()), openStages, wonStage, lostStage);
  }

  /**
   * Returns a copy with the open stages in this order (instead of the columns' order).
   *
   * @param open the open stages in order, not empty
   * @return the copy, never null
   * @throws IllegalArgumentException if a name is blank or two names are the same ignoring case
   */
  public HubSpotImporter withOpenStages(List<String> open) {
    new StageSet(Objects.requireNonNull(open, "open"), wonStage, lostStage);
    return new HubSpotImporter(columns, given, pipeline, Option.some(List.copyOf(open)), wonStage, lostStage);
  }

  /**
   * Returns a copy with other names of the won and lost stages.
   *
   * @param won the won stage's name, not blank
   * @param lost the lost stage's name, not blank
   * @return the copy, never null
   */
  public HubSpotImporter withClosedStages(String won, String lost) {
    Objects.requireNonNull(won, "won");
    Objects.requireNonNull(lost, "lost");
    if (won.isBlank() || lost.isBlank()) {
      throw new IllegalArgumentException("won and lost must not be blank but were '" + won + "' and '" + lost + "'");
    }
    return new HubSpotImporter(columns, given, pipeline, openStages, won.strip(), lost.strip());
  }

  /**
   * Imports a deals export file (in the reading options' encoding, UTF-8 by default; a byte order mark is skipped).
   *
   * @param file the export, not null
   * @param options strictness, dates and the account's time zone, not null
   * @return the stage history, never null
   * @throws ImportException if the header lacks a column the options name or any "Date entered"
   *     column, the pipeline is ambiguous, the file is empty, or (strictly) a record is bad
   * @throws IOException if the file cannot be read
   */
  public ImportedHistory read(Path file, ImportOptions options) throws IOException {
    Objects.requireNonNull(file, "file");
    try (Reader in = Files.newBufferedReader(file, options.reading().encoding())) {
      return read(in, file.getFileName().toString(), options);
    }
  }

  /** A "Date entered" / "Date exited" column of the imported pipeline. */
  private record StageColumns(String stage, int entered, int exited) {}

  /**
   * Imports a deals export from text.
   *
   * @param in the text, not null; not closed
   * @param fileName the name messages give the text, not null
   * @param options strictness, dates and the account's time zone, not null
   * @return the stage history, never null
   * @throws ImportException if the header lacks a column the options name or any "Date entered"
   *     column, the pipeline is ambiguous, the text is empty, or (strictly) a record is bad
   * @throws IOException if reading fails
   */
  public ImportedHistory read(Reader in, String fileName, ImportOptions options) throws IOException {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(options, "options");
    VendorTable table = VendorTable.open(in, fileName, options);
    Map<Field, Integer> at = new EnumMap<>(Field.class);
    for (Field field : Field.values()) {
      int index = given.contains(field) ? table.required(columns.get(field), "the " + field.defaultName + " column")
          : table.column(columns.get(field));
      if (index < 0 && field == Field.RECORD_ID) {
        index = table.column("Deal ID");
        if (index < 0) {
          table.required(columns.get(field), "the deal id column");
        }
      }
      at.put(field, index);
    }
    // stage columns by pipeline, in column order
    Map<String, Map<String, int[]>> byPipeline = new LinkedHashMap<>();
    Map<String, String> spelled = new LinkedHashMap<>();
    Set<Integer> stageDateColumns = new LinkedHashSet<>();
    for (int i = 0; i < table.header.size(); i++) {
      Matcher m = STAGE_DATE.matcher(table.header.get(i));
      if (!m.matches()) {
        continue;
      }
      stageDateColumns.add(i);
      Matcher sp = STAGE_AND_PIPELINE.matcher(m.group(2).strip());
      String stage = sp.matches() ? sp.group(1).strip() : m.group(2).strip();
      String pipe = sp.matches() ? sp.group(2).strip() : "";
      spelled.putIfAbsent(pipe.toLowerCase(Locale.ROOT), pipe);
      int[] pair = byPipeline.computeIfAbsent(pipe.toLowerCase(Locale.ROOT), p -> new LinkedHashMap<>())
          .computeIfAbsent(stage, s -> new int[] {-1, -1});
      pair[m.group(1).equalsIgnoreCase("entered") ? 0 : 1] = i;
    }
    if (byPipeline.isEmpty()) {
      throw new ImportException(fileName + ": the header has no 'Date entered \"<stage> (<pipeline>)\"' column: "
          + "export the deals with their stage-calculated properties");
    }
    String chosen;
    if (pipeline.isDefined()) {
      chosen = pipeline.get().toLowerCase(Locale.ROOT);
      if (!byPipeline.containsKey(chosen)) {
        throw new ImportException(fileName + ": no 'Date entered' column is for pipeline '" + pipeline.get()
            + "'; the columns' pipelines are " + String.join(", ", spelled.values()));
      }
    } else if (byPipeline.size() > 1) {
      throw new ImportException(fileName + ": the 'Date entered' columns are for several pipelines ("
          + String.join(", ", spelled.values()) + "): name the one to import (--pipeline)");
    } else {
      chosen = byPipeline.keySet().iterator().next();
    }
    List<String> columnStages = new ArrayList<>(byPipeline.get(chosen).keySet());
    List<String> open = openStages.getOrElse(() -> columnStages.stream()
        .filter(s -> !s.equalsIgnoreCase(wonStage) && !s.equalsIgnoreCase(lostStage)).toList());
    if (open.isEmpty()) {
      throw new ImportException(fileName + ": the 'Date entered' columns name no open stage (only " + String.join(", ",
          columnStages) + ")");
    }
    StageSet stages;
    try {
      stages = new StageSet(open, wonStage, lostStage);
    } catch (IllegalArgumentException e) {
      throw new ImportException(fileName + ": the 'Date entered' columns' stages cannot be a pipeline: "
          + e.getMessage());
    }
    List<StageColumns> stageColumns = new ArrayList<>();
    for (String stage : columnStages) {
      Option<String> known = stages.name(stage);
      if (known.isEmpty()) {
        throw new ImportException(fileName + ": the column 'Date entered \"" + stage + "\"' names a stage that is not"
            + " among the stages " + String.join(", ", stages.all()));
      }
      int[] pair = byPipeline.get(chosen).get(stage);
      stageColumns.add(new StageColumns(known.get(), pair[0], pair[1]));
    }
    stageColumns.sort(Comparator.comparingInt(c -> stages.all().indexOf(c.stage())));
    List<Integer> attributeColumns = new ArrayList<>();
    for (int i = 0; i < table.header.size(); i++) {
      if (!at.containsValue(i) && !stageDateColumns.contains(i) && !DERIVED.matcher(table.header.get(i)).matches()
          && !table.header.get(i).isEmpty()) {
        attributeColumns.add(i);
      }
    }
    String pipelineName = spelled.get(chosen);
    VendorCells cells = new VendorCells(options);
    Intake intake = new Intake(fileName, options);
    long[] counts = new long[2];
    for (Option<CsvRecords.Record> next = table.next(); next.isDefined(); next = table.next()) {
      CsvRecords.Record record = next.get();
      intake.read();
      String dealId = VendorTable.cell(record, at.get(Field.RECORD_ID));
      Either<String, List<HistoryRow>> rows = rows(record, table, dealId, at, stages, stageColumns, attributeColumns,
          cells, intake, chosen, pipelineName, counts);
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
    if (openStages.isEmpty()) {
      warnings.add("open stages in the export's column order for pipeline " + pipelineName + ": "
          + String.join(", ", open));
    }
    if (counts[0] > 0) {
      warnings.add(counts[0] + " open deals' amount or close date is placed at their first stage entry: the export "
          + "gives only the current values, not when they became known");
    }
    if (result.summary().importedDeals() > 0) {
      warnings.add("owner and the other properties are the export's values, placed at each deal's first stage entry;"
          + " a closed deal's amount at its close; HubSpot keeps only the latest entry into each stage, so earlier "
          + "visits to a stage are not in the history");
    }
    return new ImportedHistory(ImportShape.HUBSPOT, stages.open, stages.won, stages.lost, result.rows(),
        result.rejections(), result.setAside(), warnings, result.summary());
  }

  /** An entry into a stage. */
  private record Entry(String stage, Instant at, int order) {}

  private Either<String, List<HistoryRow>> rows(CsvRecords.Record record, VendorTable table, String dealId,
      Map<Field, Integer> at, StageSet stages, List<StageColumns> stageColumns, List<Integer> attributeColumns,
      VendorCells cells, Intake intake, String chosen, String pipelineName, long[] counts) {
    if (record.error().isDefined()) {
      return Either.left("not valid CSV: " + record.error().get());
    }
    if (record.cells().size() != table.header.size()) {
      return Either.left("the record has " + record.cells().size() + " cells but the header has "
          + table.header.size());
    }
    String idName = table.header.get(at.get(Field.RECORD_ID));
    if (dealId.isEmpty()) {
      return Either.left("empty " + idName);
    }
    Option<Long> first = intake.firstLine(dealId);
    if (first.isDefined()) {
      return Either.left(idName + " " + dealId + " appears again (first on line " + first.get()
          + "): no record of it is imported");
    }
    String pipelineCell = VendorTable.cell(record, at.get(Field.PIPELINE));
    if (at.get(Field.PIPELINE) >= 0 && !pipelineCell.toLowerCase(Locale.ROOT).equals(chosen)) {
      intake.setAsideDeal("deals of other pipelines than " + pipelineName, dealId, record.line());
      return Either.right(List.of());
    }
    List<Entry> entries = new ArrayList<>();
    for (int order = 0; order < stageColumns.size(); order++) {
      StageColumns columns = stageColumns.get(order);
      String entered = VendorTable.cell(record, columns.entered());
      String exited = VendorTable.cell(record, columns.exited());
      Option<Instant> enteredAt = Option.none();
      if (!entered.isEmpty()) {
        Either<String, Instant> read = cells.instant(entered).mapLeft(e -> "bad " + table.header.get(columns.entered())
            + ": " + e);
        if (read.isLeft()) {
          return Either.left(read.getLeft());
        }
        enteredAt = Option.some(read.get());
        entries.add(new Entry(columns.stage(), read.get(), order));
      }
      if (!exited.isEmpty()) {
        Either<String, Instant> read = cells.instant(exited).mapLeft(e -> "bad " + table.header.get(columns.exited())
            + ": " + e);
        if (read.isLeft()) {
          return Either.left(read.getLeft());
        }
        if (enteredAt.isEmpty()) {
          return Either.left(table.header.get(columns.exited()) + " without " + (columns.entered() < 0
              ? "a Date entered column for " + columns.stage() : table.header.get(columns.entered())));
        }
        if (read.get().isBefore(enteredAt.get()) && !columns.stage().equalsIgnoreCase(
            VendorTable.cell(record, at.get(Field.DEAL_STAGE)))) {
          return Either.left(table.header.get(columns.exited()) + " " + exited + " is before "
              + table.header.get(columns.entered()) + " " + entered);
        }
      }
    }
    if (entries.isEmpty()) {
      intake.setAsideDeal("deals without any Date entered (not imported: a date is never guessed)", dealId,
          record.line());
      return Either.right(List.of());
    }
    entries.sort(Comparator.comparing(Entry::at).thenComparingInt(Entry::order));
    Entry last = entries.get(entries.size() - 1);
    String current = VendorTable.cell(record, at.get(Field.DEAL_STAGE));
    if (!current.isEmpty()) {
      Option<String> known = stages.name(current);
      if (known.isEmpty()) {
        return Either.left(Cells.unknownStage(current, stages.all()));
      }
      if (!known.get().equals(last.stage())) {
        return Either.left(table.header.get(at.get(Field.DEAL_STAGE)) + " is " + known.get()
            + " but the latest Date entered is for " + last.stage() + " (" + last.at() + ")");
      }
    }
    if (stages.kind(entries.get(0).stage()) != StageKind.OPEN) {
      return Either.left("the earliest Date entered is for the closed stage " + entries.get(0).stage()
          + ", but a stage history starts in an open stage");
    }
    Option<BigDecimal> amount = Option.none();
    String amountCell = VendorTable.cell(record, at.get(Field.AMOUNT));
    if (!amountCell.isEmpty()) {
      Either<String, BigDecimal> read = cells.amount(amountCell, table.header.get(at.get(Field.AMOUNT)));
      if (read.isLeft()) {
        return Either.left(read.getLeft());
      }
      amount = Option.some(read.get());
    }
    Option<Currency> currency = Option.none();
    String currencyCell = VendorTable.cell(record, at.get(Field.CURRENCY));
    if (!currencyCell.isEmpty()) {
      Either<String, Currency> read = Cells.currency(currencyCell, table.header.get(at.get(Field.CURRENCY)));
      if (read.isLeft()) {
        return Either.left(read.getLeft());
      }
      currency = Option.some(read.get());
    }
    Option<LocalDate> closeDate = Option.none();
    String closeCell = VendorTable.cell(record, at.get(Field.CLOSE_DATE));
    if (!closeCell.isEmpty()) {
      Either<String, LocalDate> read = cells.date(closeCell).mapLeft(e -> "bad "
          + table.header.get(at.get(Field.CLOSE_DATE)) + ": " + e);
      if (read.isLeft()) {
        return Either.left(read.getLeft());
      }
      closeDate = Option.some(read.get());
    }
    Map<String, String> attributes = new LinkedHashMap<>();
    for (int column : attributeColumns) {
      String value = VendorTable.cell(record, column);
      if (!value.isEmpty()) {
        attributes.put(VendorTable.attributeName(table.header.get(column)), value);
      }
    }
    List<HistoryRow> rows = new ArrayList<>();
    for (Entry entry : entries) {
      rows.add(HistoryRow.of(dealId, entry.stage(), entry.at()));
    }
    HistoryRow opening = rows.get(0).withAttributes(attributes);
    String owner = VendorTable.cell(record, at.get(Field.DEAL_OWNER));
    if (!owner.isEmpty()) {
      opening = opening.withOwner(owner);
    }
    if (currency.isDefined()) {
      opening = opening.withCurrency(currency.get());
    }
    StageKind now = stages.kind(last.stage());
    if (now == StageKind.OPEN) {
      if (amount.isDefined() || closeDate.isDefined()) {
        counts[0]++;
      }
      opening = amount.isDefined() ? opening.withAmount(amount.get()) : opening;
      opening = closeDate.isDefined() ? opening.withExpectedClose(closeDate.get()) : opening;
      rows.set(0, opening);
      return Either.right(rows);
    }
    rows.set(0, opening);
    HistoryRow closing = rows.get(rows.size() - 1);
    closing = amount.isDefined() ? closing.withAmount(amount.get()) : closing;
    String reason = VendorTable.cell(record, at.get(Field.CLOSED_LOST_REASON));
    if (now == StageKind.LOST && !reason.isEmpty()) {
      closing = closing.withLostReason(reason);
    }
    rows.set(rows.size() - 1, closing);
    return Either.right(rows);
  }
}
