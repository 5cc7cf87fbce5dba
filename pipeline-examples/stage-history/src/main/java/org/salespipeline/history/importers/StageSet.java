package org.salespipeline.history.importers;

import io.vavr.control.Option;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.salespipeline.core.StageKind;
import org.salespipeline.history.HistoryPipeline;

/** The stages of an import by name (matched ignoring case and surrounding spaces) and kind. Immutable. */
final class StageSet {

  final List<String> open;
  final String won;
  final String lost;
  private final Map<String, String> canonical = new HashMap<>();
  private final Map<String, StageKind> kinds = new HashMap<>();

  /**
   * @throws IllegalArgumentException if a name is blank or two names are the same (as the
   *     stage-history pipeline requires)
   */
  StageSet(List<String> open, String won, String lost) {
    HistoryPipeline.of(open, won, lost); // the same rules as the pipeline the rows are read into
    this.open = open.stream().map(String::strip).toList();
    this.won = won.strip();
    this.lost = lost.strip();
    for (String name : this.open) {
      put(name, StageKind.OPEN);
    }
    put(this.won, StageKind.WON);
    put(this.lost, StageKind.LOST);
  }

  private void put(String name, StageKind kind) {
    canonical.put(key(name), name);
    kinds.put(key(name), kind);
  }

  /** Returns the stage's name as the options spell it, if the name is a stage. */
  Option<String> name(String name) {
    return Option.of(canonical.get(key(name)));
  }

  /** Returns the kind of a known stage. */
  StageKind kind(String knownName) {
    return kinds.get(key(knownName));
  }

  List<String> all() {
    List<String> all = new ArrayList<>(open);
    all.add(won);
    all.add(lost);
    return all;
  }

  static String key(String name) {
    return name.strip().toLowerCase(Locale.ROOT);
  }
}
