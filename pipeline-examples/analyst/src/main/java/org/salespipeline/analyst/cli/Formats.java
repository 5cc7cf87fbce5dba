package org.salespipeline.analyst.cli;

/** The {@code --format table|json} option that the commands share. */
final class Formats {

  /** The option, default {@code table}. */
  static final OptionSpec OPTION = OptionSpec.optional("format", "table|json",
      "how to print the result: aligned tables, or one JSON object", "table");

  private Formats() {}

  /**
   * Tells whether the command line asks for JSON.
   *
   * @throws UsageException if the format is neither table nor json
   */
  static boolean json(ParsedArgs args) throws UsageException {
    String format = args.value("format", "table");
    if (!format.equals("table") && !format.equals("json")) {
      throw new UsageException("bad --format: expected table or json but was '" + format + "'");
    }
    return format.equals("json");
  }
}
