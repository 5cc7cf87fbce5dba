package org.salespipeline.analyst.cli;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** How a command prints its result: {@code --format table|json|csv}. */
enum Format {

  /** Aligned tables for a person to read. */
  TABLE,
  /** One JSON object. */
  JSON,
  /** The result's tables as RFC 4180 CSV. */
  CSV;

  /** Reads the value in lower case, as written on the command line. */
  static final class Converter implements ITypeConverter<Format> {

    @Override
    public Format convert(String text) {
      for (Format format : values()) {
        if (format.toString().equals(text)) {
          return format;
        }
      }
      throw new TypeConversionException("expected table, json or csv but was '" + text + "'");
    }
  }

  /** Reads {@code table} or {@code json} only, for the commands without tables to write as CSV. */
  static final class TableOrJson implements ITypeConverter<Format> {

    @Override
    public Format convert(String text) {
      if (text.equals("table") || text.equals("json")) {
        return valueOf(text.toUpperCase(Locale.ROOT));
      }
      throw new TypeConversionException("expected table or json but was '" + text + "'");
    }
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
