package org.salespipeline.analyst.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.salespipeline.history.SpreadsheetCells;

/**
 * A table written as RFC 4180 CSV for {@code --format csv}: a header row, CRLF line ends, every
 * cell escaped by {@link SpreadsheetCells#encode} (quoted where needed, and never run as a formula
 * by a spreadsheet).
 */
final class CsvTable {

  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();

  CsvTable(String... header) {
    this.header = List.of(header);
  }

  /** Adds a row; a null cell is written empty. */
  void add(Object... cells) {
    if (cells.length != header.size()) {
      throw new IllegalStateException("bug: a row of " + cells.length + " cells for " + header.size() + " columns");
    }
    List<String> row = new ArrayList<>(cells.length);
    for (Object cell : cells) {
      row.add(cell == null ? "" : cell.toString());
    }
    rows.add(row);
  }

  /** Writes the header and the rows. */
  void writeTo(PrintStream out) {
    line(out, header);
    for (List<String> row : rows) {
      line(out, row);
    }
    out.flush();
  }

  /**
   * The figures of a JSON-shaped value (maps, lists, text, numbers, null) as rows of
   * {@code group, figure, detail, value}: {@code figure} is the top-level key, {@code detail} the
   * path below it joined with dots (a list item of a map with a {@code stage} is named by its
   * stage), so the CSV holds the same figures as the JSON.
   */
  static CsvTable figures(Map<String, Object> json) {
    CsvTable table = new CsvTable("group", "figure", "detail", "value");
    table.flatten("", json);
    return table;
  }

  private void flatten(String group, Map<String, Object> json) {
    for (Map.Entry<String, Object> entry : json.entrySet()) {
      if (entry.getKey().equals("groups") && entry.getValue() instanceof Map<?, ?> groups) {
        for (Map.Entry<?, ?> g : groups.entrySet()) {
          @SuppressWarnings("unchecked")
          Map<String, Object> figures = (Map<String, Object>) g.getValue();
          flatten(String.valueOf(g.getKey()), figures);
        }
      } else {
        cells(group, entry.getKey(), "", entry.getValue());
      }
    }
  }

  private void cells(String group, String figure, String detail, Object value) {
    if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        if (!entry.getKey().equals("stage")) {
          cells(group, figure, join(detail, String.valueOf(entry.getKey())), entry.getValue());
        }
      }
    } else if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        Object item = list.get(i);
        String name = item instanceof Map<?, ?> map && map.get("stage") != null ? String.valueOf(map.get("stage"))
            : String.valueOf(i);
        cells(group, figure, join(detail, name), item);
      }
    } else if (value instanceof Double d && !Double.isFinite(d)) {
      add(group, figure, detail, null);
    } else {
      add(group, figure, detail, value);
    }
  }

  private static String join(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  private static void line(PrintStream out, List<String> cells) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        line.append(',');
      }
      line.append(SpreadsheetCells.encode(cells.get(i)));
    }
    out.print(line.append("\r\n"));
  }
}
