package org.salespipeline.analyst.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The options that say how to load a stage-history file, the same for every command that reads
 * one: a picocli mixin. {@link HistoryInput#from(LoadingOptions)} turns them into a reader, the
 * reading ones ({@code --skip-bad-rows}, {@code --delimiter}, {@code --date-format},
 * {@code --decimal-comma}, {@code --encoding}, {@code --allow-any-year}) through
 * {@link HistoryInput#readOptions}.
 *
 * <p>Adding a loading option is one annotated field here and its use in
 * {@link HistoryInput#from(LoadingOptions)}; every command then takes it.
 */
final class LoadingOptions {

  @Option(names = "--history", required = true, paramLabel = "FILE", order = 1,
      description = "the stage-history CSV file (UTF-8): deal_id, stage, entered_at, ...")
  Path history = Path.of("");

  @Option(names = "--stages", required = true, paramLabel = "\"A,B,C\"", order = 2,
      description = "the open stages in order, comma-separated (matched ignoring case)")
  String stages = "";

  @Option(names = "--won", paramLabel = "NAME", defaultValue = "Won", order = 3,
      description = "the name of the won stage (default: ${DEFAULT-VALUE})")
  String won = "Won";

  @Option(names = "--lost", paramLabel = "NAME", defaultValue = "Lost", order = 4,
      description = "the name of the lost stage (default: ${DEFAULT-VALUE})")
  String lost = "Lost";

  @Option(names = "--currency", paramLabel = "CODE", defaultValue = "USD", order = 5,
      description = "the currency of amounts whose rows give none, ISO 4217 (default: ${DEFAULT-VALUE})")
  String currency = "USD";

  @Option(names = "--grouped", order = 6,
      description = "the file lists each deal's rows together: summary reads it in bounded memory")
  boolean grouped;

  @Option(names = "--skip-bad-rows", order = 7,
      description = "go on past bad rows: list them and leave out every deal that has one")
  boolean skipBadRows;

  @Option(names = "--delimiter", paramLabel = ",|;|tab", defaultValue = ",", order = 8,
      description = "the cell delimiter (default: ${DEFAULT-VALUE})")
  String delimiter = ",";

  @Option(names = "--date-format", paramLabel = "PATTERN", order = 9,
      description = "a java.time pattern for entered_at and expected_close, such as MM/dd/yyyy (default: ISO-8601)")
  String dateFormat;

  @Option(names = "--decimal-comma", order = 10, description = "amounts are written 1.234,50")
  boolean decimalComma;

  @Option(names = "--encoding", paramLabel = "CHARSET", defaultValue = "UTF-8", order = 11,
      description = "the file's encoding, such as windows-1252 (default: ${DEFAULT-VALUE})")
  String encoding = "UTF-8";

  @Option(names = "--allow-any-year", order = 12, description = "accept dates before 1900 or after 2200")
  boolean allowAnyYear;
}
