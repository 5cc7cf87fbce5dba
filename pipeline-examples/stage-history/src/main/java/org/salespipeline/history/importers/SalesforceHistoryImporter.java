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
import java.util.Currency;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.salespipeline.core.ForecastCategory;
import org.salespipeline.core.StageKind;
import org.salespipeline.history.CsvRecords;
import org.salespipeline.history.ForecastCategoryCell;

/**
 * Imports a Salesforce {@code OpportunityHistory} export — one record per change of an
 * opportunity's stage, amount, probability or close date — as a stage history, optionally joined
 * with an {@code Opportunity} export for the owner and other fields.
 *
 * <p>The fields, as Salesforce's object reference defines them
 * (<a href="https://developer.salesforce.com/docs/atlas.en-us.api.meta/api/sforce_api_objects_opportunityhistory.htm">OpportunityHistory</a>,
 * <a href="https://developer.salesforce.com/docs/platform/field-reference/references/field-reference/salesforce-field-reference-opportunityhistory.html">field reference</a>):
 * a record is written whenever the {@code Amount}, {@code Probability}, {@code StageName} or
 * {@code CloseDate} of the opportunity changes, and holds the values from then on;
 * {@code CreatedDate} is when the record was written, i.e. the instant of the change;
 * {@code Amount} is the estimated total sale amount; {@code CloseDate} the date the opportunity is
 * expected to close; {@code ForecastCategory} the forecast column it counts in; {@code IsDeleted}
 * marks records in the recycle bin; {@code CurrencyIsoCode} exists in multi-currency orgs.
 *
 * <p>So each record becomes one stage-history row at its {@code CreatedDate}: entering
 * {@code StageName} (or, when the stage did not change, recording the new values), with the
 * {@code Amount} and {@code CloseDate} (as the expected close date) known from that instant, the
 * {@code ForecastCategory} as the deal's forecast category from that instant (the
 * {@code forecast_category} column, read by {@link ForecastCategoryCell}: {@code Pipeline},
 * {@code BestCase}, {@code Forecast} (Commit), {@code Omitted}, and {@code Closed} on a won record),
 * and {@code Probability} as an attribute. Nothing is back-dated: an amount
 * changed in June is the deal's amount from June on. The standard closed stages, {@code Closed Won}
 * and {@code Closed Lost}, are known without options; the open stages default to Salesforce's
 * standard sales process (Prospecting, Qualification, Needs Analysis, Value Proposition, Id.
 * Decision Makers, Perception Analysis, Proposal/Price Quote, Negotiation/Review) and can be set.
 *
 * <p>Joined with an {@code Opportunity} export ({@code Id} matching {@code OpportunityId}), the
 * owner ({@code OwnerId}) and every other field not already in the history and not a system field
 * become values of the deal; the export holds their values at the time of the export only, so they
 * are placed at the deal's first history record, and a warning says so. A lost-reason field (none
 * by default: Salesforce has no standard one) gives the reason on the deal's last loss.
 *
 * <p>A record is bad when it is malformed CSV, has another number of cells than the header, has no
 * {@code OpportunityId}, names an unknown stage, or has a date, amount, currency or forecast
 * category that cannot be read (or a forecast category other than its outcome's on a closed record); a deal is refused when its earliest record is in a closed stage. Deleted records are set
 * aside and counted.
 *
 * <p>Immutable and thread-safe.
 */
public final class SalesforceHistoryImporter {

  /** The columns of the two exports, with Salesforce's field names as defaults. */
  public enum Field {
    /** {@code OpportunityHistory.OpportunityId}: the deal id (required). */
    OPPORTUNITY_ID("OpportunityId"),
    /** {@code OpportunityHistory.StageName}: the stage from this record on (required). */
    STAGE_NAME("StageName"),
    /** {@code OpportunityHistory.CreatedDate}: the instant of the change (required). */
    CREATED_DATE("CreatedDate"),
    /** {@code OpportunityHistory.Amount}: the amount from this record on. */
    AMOUNT("Amount"),
    /** {@code OpportunityHistory.CloseDate}: the expected close date from this record on. */
    CLOSE_DATE("CloseDate"),
    /** {@code OpportunityHistory.Probability}: kept as an attribute. */
    PROBABILITY("Probability"),
    /** {@code OpportunityHistory.ForecastCategory}: the deal's forecast category from this record on. */
    FORECAST_CATEGORY("ForecastCategory"),
    /** {@code CurrencyIsoCode}, in multi-currency orgs: the amount's currency. */
    CURRENCY_ISO_CODE("CurrencyIsoCode"),
    /** {@code OpportunityHistory.IsDeleted}: records in the recycle bin are set aside. */
    IS_DELETED("IsDeleted"),
    /** {@code Opportunity.Id}, in the joined export (required there). */
    ID("Id"),
    /** {@code Opportunity.OwnerId}, in the joined export: the deal's owner. */
    OWNER_ID("OwnerId");

    private final String defaultName;

    Field(String defaultName) {
      this.defaultName = defaultName;
    }

    /**
     * Returns Salesforce's name of the field, the default column name.
     *
     * @return the name, never null
     */
    public String defaultName() {
      return defaultName;
    }
  }

  /** The open stages of Salesforce's standard sales process, in order. */
  public static final List<String> STANDARD_OPEN_STAGES = List.of("Prospecting", "Qualification", "Needs Analysis",
      "Value Proposition", "Id. Decision Makers", "Perception Analysis", "Proposal/Price Quote",
      "Negotiation/Review");

  /** Fields of an {@code Opportunity} export that the history already has, or that are Salesforce's own bookkeeping. */
  private static final Set<String> NOT_ATTRIBUTES = Set.of("stagename", "amount", "closedate", "probability",
      "forecastcategory", "forecastcategoryname", "expectedrevenue", "isclosed", "iswon", "isdeleted", "createddate",
      "createdbyid", "lastmodifieddate", "lastmodifiedbyid", "systemmodstamp", "lastactivitydate", "lastvieweddate",
      "lastreferenceddate", "currencyisocode", "laststagechangedate", "fiscal", "fiscalquarter", "fiscalyear",
      "hasopportunitylineitem", "hasopenactivity", "hasoverduetask", "pushcount");

  private static final List<Field> REQUIRED = List.of(Field.OPPORTUNITY_ID, Field.STAGE_NAME, Field.CREATED_DATE);

  private final Map<Field, String> columns;
  private final Set<Field> given;
  private final List<String> openStages;
  private final String wonStage;
  private final String lostStage;
  private final Option<String> lostReasonField;

  private SalesforceHistoryImporter(Map<Field, String> columns, Set<Field> given, List<String> openStages,
      String wonStage, String lostStage, Option<String> lostReasonField) {
    this.columns = columns;
    this.given = given;
    this.openStages = openStages;
    this.wonStage = wonStage;
    this.lostStage = lostStage;
    this.lostReasonField = lostReasonField;
  }

  /**
   * Returns the importer with Salesforce's field names, its standard sales process's open stages
   * and {@code Closed Won} / {@code Closed Lost}.
   *
   * @return the importer, never null
   */
  public static SalesforceHistoryImporter defaults() {
    Map<Field, String> columns = new EnumMap<>(Field.class);
    for (Field field : Field.values()) {
      columns.put(field, field.defaultName);
    }
    return new SalesforceHistoryImporter(Map.copyOf(columns), Set.of(), STANDARD_OPEN_STAGES, "Closed Won",
        "Closed Lost", Option.none());
  }

  /**
   * Returns a copy reading a field from another column; a column named here must exist.
   *
   * @param field the field, not null
   * @param column the column's name, not blank
   * @return the copy, never null
   */
  public SalesforceHistoryImporter withColumn(Field field, String column) {
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
    return new SalesforceHistoryImporter(Map.copyOf(copy), Set.copyOf(nowGiven), openStages, wonStage, lostStage,
        lostReasonField);
  }

  /**
   * Returns a copy with other stages (an org's own sales process).
   *
   * @param open the open stages in order, not empty
   * @param won the won stage's name, not blank
   * @param lost the lost stage's name, not blank
   * @return the copy, never null
   * @throws IllegalArgumentException if a name is blank or two names are the same ignoring case
   */
  public SalesforceHistoryImporter withStages(List<String> open, String won, String lost) {
    new StageSet(Objects.requireNonNull(open, "open"), Objects.requireNonNull(won, "won"),
        Objects.requireNonNull(lost, "lost"));
    return new SalesforceHistoryImporter(columns, given, List.copyOf(open), won.strip(), lost.strip(),
        lostReasonField);
  }

  /**
   * Returns a copy taking a lost deal's reason from a field of the joined {@code Opportunity}
   * export (a custom field such as {@code Loss_Reason__c}).
   *
   * @param field the column's name, not blank
   * @return the copy, never null
   */
  public SalesforceHistoryImporter withLostReasonField(String field) {
    Objects.requireNonNull(field, "field");
    if (field.isBlank()) {
      throw new IllegalArgumentException("field must not be blank");
    }
    return new SalesforceHistoryImporter(columns, given, openStages, wonStage, lostStage,
        Option.some(field.strip()));
  }

  /**
   * Imports an {@code OpportunityHistory} export file, optionally joined with an
   * {@code Opportunity} export file (both in the reading options' encoding, UTF-8 by default).
   *
   * @param history the {@code OpportunityHistory} export, not null
   * @param opportunities the {@code Opportunity} export, if any, not null
   * @param options strictness and dates, not null
   * @return the stage history, never null
   * @throws ImportException if a header lacks a column the options name, a file is empty, or
   *     (strictly) a record is bad
   * @throws IOException if a file cannot be read
   */
  public ImportedHistory read(Path history, Option<Path> opportunities, ImportOptions options) throws IOException {
    Objects.requireNonNull(history, "history");
    Objects.requireNonNull(opportunities, "opportunities");
    try (Reader in = Files.newBufferedReader(history, options.reading().encoding())) {
      if (opportunities.isEmpty()) {
        return read(in, history.getFileName().toString(), Option.none(), "", options);
      }
      try (Reader joined = Files.newBufferedReader(opportunities.get(), options.reading().encoding())) {
        return read(in, history.getFileName().toString(), Option.some(joined),
            opportunities.get().getFileName().toString(), options);
      }
    }
  }

  /**
   * Imports an {@code OpportunityHistory} export from text, optionally joined with an
   * {@code Opportunity} export.
   *
   * @param history the {@code OpportunityHistory} text, not null; not closed
   * @param historyName the name messages give it, not null
   * @param opportunities the {@code Opportunity} text, if any, not null; not closed
   * @param opportunitiesName the name messages give it, not null
   * @param options strictness and dates, not null
   * @return the stage history, never null
   * @throws ImportException if a header lacks a column the options name, a text is empty, or
   *     (strictly) a record is bad
   * @throws IOException if reading fails
   */
  public ImportedHistory read(Reader history, String historyName, Option<Reader> opportunities,
      String opportunitiesName, ImportOptions options) throws IOException {
    Objects.requireNonNull(history, "history");
    Objects.requireNonNull(historyName, "historyName");
    Objects.requireNonNull(opportunities, "opportunities");
    Objects.requireNonNull(opportunitiesName, "opportunitiesName");
    Objects.requireNonNull(options, "options");
    StageSet stages = new StageSet(openStages, wonStage, lostStage);
    Intake intake = new Intake(historyName, options);
    Map<String, Joined> joined = new HashMap<>();
    List<String> warnings = new ArrayList<>();
    if (opportunities.isDefined()) {
      readOpportunities(VendorTable.open(opportunities.get(), opportunitiesName, options), intake, joined, warnings);
    }
    VendorTable table = VendorTable.open(history, historyName, options);
    Map<Field, Integer> at = new EnumMap<>(Field.class);
    for (Field field : List.of(Field.OPPORTUNITY_ID, Field.STAGE_NAME, Field.CREATED_DATE, Field.AMOUNT,
        Field.CLOSE_DATE, Field.PROBABILITY, Field.FORECAST_CATEGORY, Field.CURRENCY_ISO_CODE, Field.IS_DELETED)) {
      at.put(field, REQUIRED.contains(field) || given.contains(field)
          ? table.required(columns.get(field), "the " + field.defaultName + " column")
          : table.column(columns.get(field)));
    }
    VendorCells cells = new VendorCells(options);
    Map<String, Long> unknownStages = new LinkedHashMap<>();
    for (Option<CsvRecords.Record> next = table.next(); next.isDefined(); next = table.next()) {
      CsvRecords.Record record = next.get();
      intake.read();
      String dealId = VendorTable.cell(record, at.get(Field.OPPORTUNITY_ID));
      String deleted = VendorTable.cell(record, at.get(Field.IS_DELETED)).toLowerCase(Locale.ROOT);
      if (record.error().isEmpty() && (deleted.equals("true") || deleted.equals("1"))) {
        intake.setAside("deleted history records (" + columns.get(Field.IS_DELETED) + " true)",
            "line " + record.line());
        continue;
      }
      Either<String, HistoryRow> row = row(record, table, dealId, at, stages, cells);
      if (row.isLeft()) {
        String stageCell = VendorTable.cell(record, at.get(Field.STAGE_NAME));
        if (!stageCell.isEmpty() && stages.name(stageCell).isEmpty()) {
          unknownStages.merge(stageCell, 1L, Long::sum);
        }
        intake.bad(record, dealId, row.getLeft());
      } else {
        intake.take(record, dealId, List.of(row.get()));
      }
    }
    long[] withoutOpportunity = {0};
    Intake.Result result = intake.finish((dealId, rows) -> {
      HistoryRow first = rows.get(0);
      if (stages.kind(first.stage()) != StageKind.OPEN) {
        return Either.left("the deal's earliest history record (" + first.enteredAt() + ") is in the closed stage "
            + first.stage() + ", but a stage history starts in an open stage");
      }
      if (opportunities.isEmpty()) {
        return Either.right(rows);
      }
      Joined values = joined.get(dealId);
      if (values == null) {
        withoutOpportunity[0]++;
        return Either.right(rows);
      }
      values.used = true;
      List<HistoryRow> out = new ArrayList<>(rows);
      HistoryRow opening = first.withAttributes(merged(first.attributes(), values.attributes));
      out.set(0, values.owner.isEmpty() ? opening : opening.withOwner(values.owner));
      if (!values.lostReason.isEmpty()) {
        for (int i = out.size() - 1; i >= 0; i--) {
          if (stages.kind(out.get(i).stage()) == StageKind.LOST) {
            out.set(i, out.get(i).withLostReason(values.lostReason));
            break;
          }
        }
      }
      return Either.right(out);
    });
    result.setAside().forEach((reason, lines) -> warnings.add(lines.size() + " " + reason));
    if (!unknownStages.isEmpty()) {
      StringBuilder text = new StringBuilder("unknown stages (records): ");
      unknownStages.forEach((name, count) -> text.append(name).append(" (").append(count).append(") "));
      warnings.add(text.toString().strip() + "; give the org's stages in order (--stages, --won, --lost)");
    }
    if (opportunities.isDefined()) {
      long unused = joined.values().stream().filter(j -> !j.used).count();
      warnings.add("owner and fields of the Opportunity export are its values at the export, placed at each deal's "
          + "first history record");
      if (withoutOpportunity[0] > 0) {
        warnings.add(withoutOpportunity[0] + " deals have no record in " + opportunitiesName + ": no owner");
      }
      if (unused > 0) {
        warnings.add(unused + " records of " + opportunitiesName + " have no history imported (no history records, "
            + "or their deal was left out): not imported");
      }
    }
    return new ImportedHistory(ImportShape.SALESFORCE_HISTORY, stages.open, stages.won, stages.lost, result.rows(),
        result.rejections(), result.setAside(), warnings, result.summary());
  }

  /** The values of one record of the Opportunity export. */
  private static final class Joined {
    final String owner;
    final String lostReason;
    final Map<String, String> attributes;
    boolean used;

    Joined(String owner, String lostReason, Map<String, String> attributes) {
      this.owner = owner;
      this.lostReason = lostReason;
      this.attributes = attributes;
    }
  }

  private void readOpportunities(VendorTable table, Intake intake, Map<String, Joined> joined, List<String> warnings)
      throws IOException {
    int id = table.required(columns.get(Field.ID), "the Opportunity Id column");
    int owner = given.contains(Field.OWNER_ID) ? table.required(columns.get(Field.OWNER_ID), "the owner column")
        : table.column(columns.get(Field.OWNER_ID));
    int lostReason = lostReasonField.isDefined() ? table.required(lostReasonField.get(), "the lost-reason field") : -1;
    List<Integer> attributes = new ArrayList<>();
    for (int i = 0; i < table.header.size(); i++) {
      String name = table.header.get(i);
      if (i != id && i != owner && i != lostReason && !name.isEmpty()
          && !NOT_ATTRIBUTES.contains(name.toLowerCase(Locale.ROOT))) {
        attributes.add(i);
      }
    }
    Map<String, Long> lines = new HashMap<>();
    for (Option<CsvRecords.Record> next = table.next(); next.isDefined(); next = table.next()) {
      CsvRecords.Record record = next.get();
      String dealId = VendorTable.cell(record, id);
      if (record.error().isDefined()) {
        intake.badJoined(table.file, record, dealId, "not valid CSV: " + record.error().get());
      } else if (record.cells().size() != table.header.size()) {
        intake.badJoined(table.file, record, dealId, "the record has " + record.cells().size()
            + " cells but the header has " + table.header.size());
      } else if (dealId.isEmpty()) {
        intake.badJoined(table.file, record, dealId, "empty " + columns.get(Field.ID));
      } else if (lines.containsKey(dealId)) {
        joined.remove(dealId);
        intake.badJoined(table.file, record, dealId, columns.get(Field.ID) + " " + dealId
            + " appears again (first on line " + lines.get(dealId) + ")");
      } else {
        lines.put(dealId, record.line());
        Map<String, String> values = new LinkedHashMap<>();
        for (int column : attributes) {
          String value = VendorTable.cell(record, column);
          if (!value.isEmpty()) {
            values.put(VendorTable.attributeName(table.header.get(column)), value);
          }
        }
        joined.put(dealId, new Joined(VendorTable.cell(record, owner), VendorTable.cell(record, lostReason), values));
      }
    }
    if (joined.isEmpty() && lines.isEmpty()) {
      warnings.add(table.file + " has no records: no owners joined");
    }
  }

  private Either<String, HistoryRow> row(CsvRecords.Record record, VendorTable table, String dealId,
      Map<Field, Integer> at, StageSet stages, VendorCells cells) {
    if (record.error().isDefined()) {
      return Either.left("not valid CSV: " + record.error().get());
    }
    if (record.cells().size() != table.header.size()) {
      return Either.left("the record has " + record.cells().size() + " cells but the header has "
          + table.header.size());
    }
    if (dealId.isEmpty()) {
      return Either.left("empty " + columns.get(Field.OPPORTUNITY_ID));
    }
    String stageCell = VendorTable.cell(record, at.get(Field.STAGE_NAME));
    Option<String> stage = stages.name(stageCell);
    if (stage.isEmpty()) {
      return Either.left(Cells.unknownStage(stageCell, stages.all()));
    }
    String createdCell = VendorTable.cell(record, at.get(Field.CREATED_DATE));
    if (createdCell.isEmpty()) {
      return Either.left("empty " + columns.get(Field.CREATED_DATE) + ": the instant of the change is unknown");
    }
    Either<String, Instant> changedAt = cells.instant(createdCell)
        .mapLeft(e -> "bad " + columns.get(Field.CREATED_DATE) + ": " + e);
    if (changedAt.isLeft()) {
      return Either.left(changedAt.getLeft());
    }
    HistoryRow row = HistoryRow.of(dealId, stage.get(), changedAt.get());
    String amountCell = VendorTable.cell(record, at.get(Field.AMOUNT));
    if (!amountCell.isEmpty()) {
      Either<String, BigDecimal> amount = cells.amount(amountCell, columns.get(Field.AMOUNT));
      if (amount.isLeft()) {
        return Either.left(amount.getLeft());
      }
      row = row.withAmount(amount.get());
    }
    String currencyCell = VendorTable.cell(record, at.get(Field.CURRENCY_ISO_CODE));
    if (!currencyCell.isEmpty()) {
      Either<String, Currency> currency = Cells.currency(currencyCell, columns.get(Field.CURRENCY_ISO_CODE));
      if (currency.isLeft()) {
        return Either.left(currency.getLeft());
      }
      row = row.withCurrency(currency.get());
    }
    String closeCell = VendorTable.cell(record, at.get(Field.CLOSE_DATE));
    if (!closeCell.isEmpty()) {
      Either<String, LocalDate> close = cells.date(closeCell).mapLeft(e -> "bad " + columns.get(Field.CLOSE_DATE)
          + ": " + e);
      if (close.isLeft()) {
        return Either.left(close.getLeft());
      }
      row = row.withExpectedClose(close.get());
    }
    Either<String, Option<ForecastCategory>> category = ForecastCategoryCell.read(
        VendorTable.cell(record, at.get(Field.FORECAST_CATEGORY)), stages.kind(stage.get()));
    if (category.isLeft()) {
      return Either.left("bad " + columns.get(Field.FORECAST_CATEGORY) + ": " + category.getLeft());
    }
    if (category.get().isDefined()) {
      row = row.withForecastCategory(category.get().get());
    }
    Map<String, String> attributes = new LinkedHashMap<>();
    String probability = VendorTable.cell(record, at.get(Field.PROBABILITY));
    if (!probability.isEmpty()) {
      attributes.put(VendorTable.attributeName(columns.get(Field.PROBABILITY)), probability);
    }
    return Either.right(row.withAttributes(attributes));
  }

  private static Map<String, String> merged(Map<String, String> first, Map<String, String> second) {
    Map<String, String> all = new LinkedHashMap<>(first);
    all.putAll(second);
    return all;
  }
}
