package org.salespipeline.history.importers;

import io.vavr.control.Option;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One import as a command line or a JShell line states it: the shape, the file, and options by
 * name, the same for every shape. It maps them onto the shape's importer, so that the command line
 * ({@code import --from SHAPE}, {@code --history-shape SHAPE}) and the JShell kit decide alike.
 *
 * <p>Columns are renamed by the shape's default name: {@code --column "Deal Stage=Stage"} reads
 * HubSpot's {@code Deal Stage} from a column named {@code Stage}. The names:
 * <ul>
 *   <li>{@code opportunities}: {@code opportunity_id}, {@code deal_stage}, {@code engage_date}
 *       (created), {@code close_date}, {@code close_value} (amount), {@code sales_agent} (owner),
 *       and, absent by default, {@code currency} and {@code lost_reason};</li>
 *   <li>{@code salesforce-history}: the {@link SalesforceHistoryImporter.Field} default names
 *       ({@code OpportunityId}, {@code StageName}, {@code CreatedDate}, {@code Amount},
 *       {@code CloseDate}, …, and {@code Id}, {@code OwnerId} of the joined Opportunity export);</li>
 *   <li>{@code hubspot}: the {@link HubSpotImporter.Field} default names ({@code Record ID},
 *       {@code Deal Stage}, {@code Pipeline}, {@code Amount}, {@code Close Date},
 *       {@code Deal owner}, {@code Currency}, {@code Closed Lost Reason}).</li>
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
public final class ImportRequest {

  private static final List<String> OPPORTUNITY_COLUMNS = List.of("opportunity_id", "deal_stage", "engage_date",
      "close_date", "close_value", "sales_agent", "currency", "lost_reason");

  private final ImportShape shape;
  private final Path file;
  private final Option<Path> joined;
  private final Option<List<String>> openStages;
  private final Option<String> won;
  private final Option<String> lost;
  private final Option<String> openedIn;
  private final Option<String> pipeline;
  private final Map<String, String> columns;
  private final boolean keepZeroLostAmounts;
  private final ImportOptions options;

  private ImportRequest(ImportShape shape, Path file, Option<Path> joined, Option<List<String>> openStages,
      Option<String> won, Option<String> lost, Option<String> openedIn, Option<String> pipeline,
      Map<String, String> columns, boolean keepZeroLostAmounts, ImportOptions options) {
    this.shape = shape;
    this.file = file;
    this.joined = joined;
    this.openStages = openStages;
    this.won = won;
    this.lost = lost;
    this.openedIn = openedIn;
    this.pipeline = pipeline;
    this.columns = columns;
    this.keepZeroLostAmounts = keepZeroLostAmounts;
    this.options = options;
  }

  /**
   * Returns a request to import a file with the shape's defaults.
   *
   * @param shape the export's shape, not null
   * @param file the export, not null
   * @return the request, never null
   */
  public static ImportRequest of(ImportShape shape, Path file) {
    return new ImportRequest(Objects.requireNonNull(shape, "shape"), Objects.requireNonNull(file, "file"),
        Option.none(), Option.none(), Option.none(), Option.none(), Option.none(), Option.none(), Map.of(), false,
        ImportOptions.defaults());
  }

  /**
   * Returns the shape.
   *
   * @return the shape, never null
   */
  public ImportShape shape() {
    return shape;
  }

  /**
   * Returns the file imported.
   *
   * @return the file, never null
   */
  public Path file() {
    return file;
  }

  /**
   * Returns the reading options, strictness and zone the file is imported with.
   *
   * @return the options, never null
   */
  public ImportOptions options() {
    return options;
  }

  /**
   * Returns a copy joining a second export: the Salesforce {@code Opportunity} export (only
   * {@code salesforce-history} takes one).
   *
   * @param file the second export, not null
   * @return the copy, never null
   */
  public ImportRequest withJoined(Path file) {
    return new ImportRequest(shape, this.file, Option.some(Objects.requireNonNull(file, "file")), openStages, won,
        lost, openedIn, pipeline, columns, keepZeroLostAmounts, options);
  }

  /**
   * Returns a copy with the open stages in order (and, when not none, the won and lost stages'
   * names); unset, each shape has its defaults.
   *
   * @param open the open stages in order, comma-separated, or none for the shape's
   * @param won the won stage's name, or none for the shape's
   * @param lost the lost stage's name, or none for the shape's
   * @return the copy, never null
   */
  public ImportRequest withStages(Option<String> open, Option<String> won, Option<String> lost) {
    Objects.requireNonNull(open, "open");
    Option<List<String>> names = open.map(text -> {
      List<String> list = new ArrayList<>();
      for (String name : text.split(",", -1)) {
        list.add(name.strip());
      }
      return List.copyOf(list);
    });
    return new ImportRequest(shape, file, joined, names, Objects.requireNonNull(won, "won"),
        Objects.requireNonNull(lost, "lost"), openedIn, pipeline, columns, keepZeroLostAmounts, options);
  }

  /**
   * Returns a copy opening closed opportunities in this stage ({@code opportunities} only).
   *
   * @param stage the open stage, not null
   * @return the copy, never null
   */
  public ImportRequest withOpenedIn(String stage) {
    return new ImportRequest(shape, file, joined, openStages, won, lost,
        Option.some(Objects.requireNonNull(stage, "stage")), pipeline, columns, keepZeroLostAmounts, options);
  }

  /**
   * Returns a copy importing one HubSpot pipeline ({@code hubspot} only).
   *
   * @param name the pipeline's name, not null
   * @return the copy, never null
   */
  public ImportRequest withPipeline(String name) {
    return new ImportRequest(shape, file, joined, openStages, won, lost, openedIn,
        Option.some(Objects.requireNonNull(name, "name")), columns, keepZeroLostAmounts, options);
  }

  /**
   * Returns a copy reading a column under another name.
   *
   * @param defaultName the column's default name for the shape (see the class comment), not null
   * @param name the name in the export, not null
   * @return the copy, never null
   */
  public ImportRequest withColumn(String defaultName, String name) {
    Map<String, String> copy = new LinkedHashMap<>(columns);
    copy.put(Objects.requireNonNull(defaultName, "defaultName").strip(), Objects.requireNonNull(name, "name"));
    return new ImportRequest(shape, file, joined, openStages, won, lost, openedIn, pipeline, Map.copyOf(copy),
        keepZeroLostAmounts, options);
  }

  /**
   * Returns a copy that keeps a lost opportunity's amount of 0 instead of reading it as unknown
   * ({@code opportunities} only).
   *
   * @param keep true to keep zeros
   * @return the copy, never null
   */
  public ImportRequest withKeepZeroLostAmounts(boolean keep) {
    return new ImportRequest(shape, file, joined, openStages, won, lost, openedIn, pipeline, columns, keep, options);
  }

  /**
   * Returns a copy with other reading options (strictness, delimiter, encoding, date format...) or zone.
   *
   * @param options the options, not null
   * @return the copy, never null
   */
  public ImportRequest withOptions(ImportOptions options) {
    return new ImportRequest(shape, file, joined, openStages, won, lost, openedIn, pipeline, columns,
        keepZeroLostAmounts, Objects.requireNonNull(options, "options"));
  }

  /**
   * Imports the file.
   *
   * @return the stage history, never null
   * @throws IllegalArgumentException if an option does not apply to the shape, names an unknown
   *     column, or gives stage names that are blank or repeated
   * @throws ImportException if the export cannot be imported as asked (see the shape's importer)
   * @throws IOException if a file cannot be read
   */
  public ImportedHistory read() throws IOException {
    if (joined.isDefined() && shape != ImportShape.SALESFORCE_HISTORY) {
      throw new IllegalArgumentException("only salesforce-history joins a second export, not " + shape.cliName());
    }
    if (openedIn.isDefined() && shape != ImportShape.OPPORTUNITIES || keepZeroLostAmounts
        && shape != ImportShape.OPPORTUNITIES) {
      throw new IllegalArgumentException("the opened-in stage and kept zero amounts are options of opportunities "
          + "only, not of " + shape.cliName());
    }
    if (pipeline.isDefined() && shape != ImportShape.HUBSPOT) {
      throw new IllegalArgumentException("only hubspot imports one pipeline of several, not " + shape.cliName());
    }
    return switch (shape) {
      case OPPORTUNITIES -> opportunities().read(file, options);
      case SALESFORCE_HISTORY -> salesforce().read(file, joined, options);
      case HUBSPOT -> hubspot().read(file, options);
    };
  }

  private OpportunitiesImporter opportunities() {
    OpportunitiesImporter importer = OpportunitiesImporter.defaults();
    for (Map.Entry<String, String> c : columns.entrySet()) {
      String key = c.getKey().toLowerCase(Locale.ROOT);
      importer = switch (key) {
        case "opportunity_id" -> importer.withIdColumn(c.getValue());
        case "deal_stage" -> importer.withStageColumn(c.getValue());
        case "engage_date" -> importer.withCreatedColumn(c.getValue());
        case "close_date" -> importer.withClosedColumn(c.getValue());
        case "close_value" -> importer.withAmountColumn(c.getValue());
        case "sales_agent" -> importer.withOwnerColumn(c.getValue());
        case "currency" -> importer.withCurrencyColumn(c.getValue());
        case "lost_reason" -> importer.withLostReasonColumn(c.getValue());
        default -> throw unknownColumn(c.getKey(), OPPORTUNITY_COLUMNS);
      };
    }
    if (openStages.isDefined() || won.isDefined() || lost.isDefined()) {
      importer = importer.withStages(openStages.getOrElse(List.of("Prospecting", "Engaging")), won.getOrElse("Won"),
          lost.getOrElse("Lost"));
    }
    if (openedIn.isDefined()) {
      importer = importer.withOpenedIn(openedIn.get());
    }
    return importer.withZeroLostAmountUnknown(!keepZeroLostAmounts);
  }

  private SalesforceHistoryImporter salesforce() {
    SalesforceHistoryImporter importer = SalesforceHistoryImporter.defaults();
    for (Map.Entry<String, String> c : columns.entrySet()) {
      SalesforceHistoryImporter.Field field = null;
      for (SalesforceHistoryImporter.Field f : SalesforceHistoryImporter.Field.values()) {
        if (f.defaultName().equalsIgnoreCase(c.getKey())) {
          field = f;
        }
      }
      if (field == null) {
        if (c.getKey().equalsIgnoreCase("lost_reason")) {
          importer = importer.withLostReasonField(c.getValue());
          continue;
        }
        List<String> names = new ArrayList<>();
        for (SalesforceHistoryImporter.Field f : SalesforceHistoryImporter.Field.values()) {
          names.add(f.defaultName());
        }
        names.add("lost_reason");
        throw unknownColumn(c.getKey(), names);
      }
      importer = importer.withColumn(field, c.getValue());
    }
    if (openStages.isDefined() || won.isDefined() || lost.isDefined()) {
      importer = importer.withStages(openStages.getOrElse(SalesforceHistoryImporter.STANDARD_OPEN_STAGES),
          won.getOrElse("Closed Won"), lost.getOrElse("Closed Lost"));
    }
    return importer;
  }

  private HubSpotImporter hubspot() {
    HubSpotImporter importer = HubSpotImporter.defaults();
    for (Map.Entry<String, String> c : columns.entrySet()) {
      HubSpotImporter.Field field = null;
      for (HubSpotImporter.Field f : HubSpotImporter.Field.values()) {
        if (f.defaultName().equalsIgnoreCase(c.getKey())) {
          field = f;
        }
      }
      if (field == null) {
        throw unknownColumn(c.getKey(), List.of(HubSpotImporter.Field.values()).stream()
            .map(HubSpotImporter.Field::defaultName).toList());
      }
      importer = importer.withColumn(field, c.getValue());
    }
    if (won.isDefined() || lost.isDefined()) {
      importer = importer.withClosedStages(won.getOrElse("Closed Won"), lost.getOrElse("Closed Lost"));
    }
    if (openStages.isDefined()) {
      importer = importer.withOpenStages(openStages.get());
    }
    if (pipeline.isDefined()) {
      importer = importer.withPipeline(pipeline.get());
    }
    return importer;
  }

  private IllegalArgumentException unknownColumn(String name, List<String> known) {
    return new IllegalArgumentException("no column of " + shape.cliName() + " is named '" + name + "' by default; "
        + "rename one of " + String.join(", ", known));
  }

  @Override
  public String toString() {
    return "ImportRequest{" + shape.cliName() + " " + file + (joined.isDefined() ? " + " + joined.get() : "")
        + ", stages=" + openStages.map(s -> String.join(",", s)).getOrElse("default") + ", won="
        + won.getOrElse("default") + ", lost=" + lost.getOrElse("default") + ", columns=" + columns + ", " + options
        + "}";
  }
}
