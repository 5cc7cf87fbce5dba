package org.salespipeline.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.salespipeline.core.Pipeline;
import org.salespipeline.core.Stage;
import org.salespipeline.core.StageKind;

/**
 * Explains stage names a pipeline does not know: their row counts, the closest known names, and
 * — when they look like the closing stages under other names ({@code Closed Won}) — which options
 * name them. Stateless.
 */
final class StageNames {

  private StageNames() {}

  /** Returns one line about the unknown names (in first-seen order, with their row counts). */
  static String explain(Pipeline pipeline, Map<String, Long> unknown) {
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, Long> e : unknown.entrySet()) {
      String closest = closest(pipeline, e.getKey());
      parts.add("'" + e.getKey() + "' (" + e.getValue() + (e.getValue() == 1 ? " row" : " rows")
          + (closest.isEmpty() ? "" : ", closest known: " + closest) + ")");
    }
    StringBuilder sb = new StringBuilder(unknown.size() == 1 ? "unknown stage " : "unknown stages ")
        .append(String.join(", ", parts))
        .append("; the pipeline's stages are ")
        .append(String.join(", ", pipeline.stages().stream().map(Stage::name).toList()));
    String won = closing(unknown, StageKind.WON, pipeline.wonStage().name());
    String lost = closing(unknown, StageKind.LOST, pipeline.lostStage().name());
    if (!won.isEmpty() || !lost.isEmpty()) {
      sb.append("; if ").append(won.isEmpty() ? "'" + lost + "' is the lost stage"
              : lost.isEmpty() ? "'" + won + "' is the won stage"
              : "'" + won + "' and '" + lost + "' are the won and lost stages")
          .append(", say so: ")
          .append(won.isEmpty() ? "" : "--won \"" + won + "\"")
          .append(!won.isEmpty() && !lost.isEmpty() ? " " : "")
          .append(lost.isEmpty() ? "" : "--lost \"" + lost + "\"");
    } else {
      sb.append("; add open stages to --stages, or fix the rows");
    }
    return sb.toString();
  }

  /** Returns the single unknown name that looks like a won (or lost) stage, or empty. */
  private static String closing(Map<String, Long> unknown, StageKind kind, String knownName) {
    String found = "";
    for (String name : unknown.keySet()) {
      List<String> words = List.of(name.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"));
      boolean looks = words.contains(knownName.toLowerCase(Locale.ROOT)) || (kind == StageKind.WON
          ? words.contains("won") || words.contains("win") || words.contains("closedwon")
          : words.contains("lost") || words.contains("loss") || words.contains("closedlost"));
      if (looks) {
        if (!found.isEmpty()) {
          return "";
        }
        found = name;
      }
    }
    return found;
  }

  /** Returns the known stage names closest to a name (edit distance), or empty if none is near. */
  static String closest(Pipeline pipeline, String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    int best = Integer.MAX_VALUE;
    List<String> names = new ArrayList<>();
    for (Stage stage : pipeline.stages()) {
      String known = stage.name().toLowerCase(Locale.ROOT);
      int d = lower.contains(known) || known.contains(lower) ? 1 : distance(lower, known);
      if (d < best) {
        best = d;
        names.clear();
      }
      if (d == best) {
        names.add(stage.name());
      }
    }
    return best <= Math.max(2, lower.length() / 3) ? String.join(" or ", names) : "";
  }

  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
