package org.salespipeline.history;

/**
 * Makes text safe to open in a spreadsheet, and reads it back.
 *
 * <p>A spreadsheet runs a cell as a formula when it starts with {@code =}, {@code +}, {@code -} or
 * {@code @}, and some also after a leading tab or carriage return (CSV injection, OWASP). The writer
 * puts a single quote in front of such a cell, the mark spreadsheets themselves use for "this is
 * text". So that writing and reading back loses nothing, a cell that already starts with quotes
 * followed by one of those characters gets one more quote, and the reader removes exactly one
 * quote from any cell of that shape.
 *
 * <p>Public so that every CSV the project writes (the stage history, the analyst's {@code --format
 * csv} tables) is escaped the same way. Stateless and thread-safe.
 */
public final class SpreadsheetCells {

  private SpreadsheetCells() {}

  /** Returns the text with a leading quote if a spreadsheet could run it as a formula. */
  static String neutralise(String text) {
    return isEscapedShape(text, 0) ? "'" + text : text;
  }

  /** Undoes {@link #neutralise}: removes one leading quote from a quoted formula-like cell. */
  static String restore(String text) {
    return text.startsWith("'") && isEscapedShape(text, 1) ? text.substring(1) : text;
  }

  /**
   * Encodes one cell for an RFC 4180 CSV file: neutralised, and quoted when it holds a comma, quote
   * or line break.
   *
   * @param text the cell's text, not null
   * @return the cell as written between commas, never null
   */
  public static String encode(String text) {
    String safe = neutralise(text);
    for (int i = 0; i < safe.length(); i++) {
      char c = safe.charAt(i);
      if (c == ',' || c == '"' || c == '\n' || c == '\r') {
        return '"' + safe.replace("\"", "\"\"") + '"';
      }
    }
    return safe;
  }

  /** Tells whether text from {@code from} on is any number of quotes followed by a formula trigger. */
  private static boolean isEscapedShape(String text, int from) {
    int i = from;
    while (i < text.length() && text.charAt(i) == '\'') {
      i++;
    }
    if (i == text.length()) {
      return false;
    }
    char c = text.charAt(i);
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
  }
}
