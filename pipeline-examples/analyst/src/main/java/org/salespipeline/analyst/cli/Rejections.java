package org.salespipeline.analyst.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.salespipeline.history.ReadSummary;
import org.salespipeline.history.RowRejection;

/**
 * The JSON form of what a reading left out: the counts, which add up, and every rejected row with
 * its line, deal and reason. Stateless.
 */
final class Rejections {

  private Rejections() {}

  /** Returns {@code rowsRead}, {@code rejectedDeals}, {@code dealsRead} and {@code rejections}. */
  static Map<String, Object> json(ReadSummary summary, List<RowRejection> rejections) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("rowsRead", summary.rows());
    json.put("dealsRead", summary.deals());
    json.put("rejectedDeals", summary.rejectedDeals());
    List<Object> list = new ArrayList<>(rejections.size());
    for (RowRejection r : rejections) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("line", r.line());
      entry.put("dealId", r.dealId());
      entry.put("reason", r.reason());
      list.add(entry);
    }
    json.put("rejections", list);
    return json;
  }
}
