package org.salespipeline.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The readable summary printed at the end of a run: every timed approach with its median time, its
 * throughput and how many times slower than ours it is; then the other measured figures (memory).
 */
final class ResultsTable {

  private record Row(String what, String approach, double millis, long work, String unit, double oursMillis) {}

  private final List<Row> rows = new ArrayList<>();
  private final Map<String, String> figures = new LinkedHashMap<>();

  /**
   * Adds a timed approach.
   *
   * @param work how many units of work one run did (transitions, deals…), for the throughput
   * @param oursMillis our median time on the same work, for the ratio
   */
  void timed(String what, String approach, double millis, long work, String unit, double oursMillis) {
    rows.add(new Row(what, approach, millis, work, unit, oursMillis));
  }

  void figure(String name, String value) {
    figures.put(name, value);
  }

  void print(PrintStream out) {
    out.println();
    if (!rows.isEmpty()) {
      out.printf(Locale.ROOT, "%-12s %-20s %12s %30s %12s%n", "what", "approach", "median ms", "throughput",
          "ours faster");
      for (Row row : rows) {
        double perSecond = row.work() / (row.millis() / 1000.0);
        out.printf(Locale.ROOT, "%-12s %-20s %12.3f %30s %11.2fx%n", row.what(), row.approach(), row.millis(),
            String.format(Locale.ROOT, "%,.0f %s/s", perSecond, row.unit()), row.millis() / row.oursMillis());
      }
    }
    if (!figures.isEmpty()) {
      out.println();
      int width = figures.keySet().stream().mapToInt(String::length).max().orElse(0);
      figures.forEach((name, value) -> out.printf(Locale.ROOT, "%-" + width + "s  %s%n", name, value));
    }
  }
}
