package org.salespipeline.analyst.cli;

import java.nio.charset.Charset;
import java.util.Locale;
import org.salespipeline.history.ReadOptions;
import picocli.CommandLine.Option;

/**
 * How the cells of a file are read, the same for a stage-history file and for a CRM export:
 * {@code --skip-bad-rows}, {@code --delimiter}, {@code --date-format}, {@code --decimal-comma},
 * {@code --encoding} and {@code --allow-any-year}, a picocli mixin of {@link LoadingOptions} and of
 * {@code import}. {@link #readOptions()} turns them into the stage-history module's
 * {@link ReadOptions}, which the importers hold too: one set of options for both.
 */
final class ReadingOptions {

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

  @Option(names = "--allow-any-year", order = 12,
      description = "accept dates before 1900 or after 2200")
  boolean allowAnyYear;

  /**
   * Returns the reader's options as given (default currency and grouping are the reader's
   * defaults: {@link HistoryInput} sets them).
   *
   * @throws UsageException if the delimiter, the date format or the encoding is not valid
   */
  ReadOptions readOptions() throws UsageException {
    ReadOptions options = ReadOptions.defaults().withSkipBadRows(skipBadRows).withDecimalComma(decimalComma)
        .withAllowAnyYear(allowAnyYear);
    options = switch (delimiter.toLowerCase(Locale.ROOT)) {
      case "," -> options;
      case ";" -> options.withDelimiter(';');
      case "tab", "\t", "\\t" -> options.withDelimiter('\t');
      default -> throw new UsageException("bad --delimiter: expected , or ; or tab but was '" + delimiter + "'");
    };
    if (dateFormat != null) {
      try {
        options = options.withDateFormat(dateFormat);
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
}
