package org.salespipeline.history;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.salespipeline.core.Pipeline;
import org.salespipeline.core.Stage;
import org.salespipeline.core.TransitionPolicy;

/**
 * Builds the pipeline of an exported stage history from stage names alone, as an analyst types
 * them: {@code --stages "Prospecting,Qualification,Proposal" --won Won --lost Lost}.
 *
 * <p>Stage ids are derived from the names (lower case, every run of other characters than letters
 * and digits becoming one {@code -}: {@code "Closed Won"} is {@code closed-won}). Open stages have
 * probability 0 (an export does not say more; pass a probability function to the metrics). The
 * policy is permissive, because an export records what happened rather than what the rules allow:
 * skips, backward moves and reopens are allowed, and a lost deal needs no reason (exports often
 * lack it). Stateless and thread-safe.
 */
public final class HistoryPipeline {

  /** The id of every pipeline built here. */
  public static final String ID = "history";

  private HistoryPipeline() {}

  /**
   * Builds the pipeline from a comma-separated list of open stages.
   *
   * @param openStageNames the open stages in order, comma-separated, not blank
   * @param wonName the won stage's name, not blank
   * @param lostName the lost stage's name, not blank
   * @return the pipeline, never null
   * @throws IllegalArgumentException if a name is blank, two names are equal ignoring case, or two
   *     names give the same id
   */
  public static Pipeline parse(String openStageNames, String wonName, String lostName) {
    Objects.requireNonNull(openStageNames, "openStageNames");
    List<String> names = new ArrayList<>();
    for (String name : openStageNames.split(",", -1)) {
      names.add(name.strip());
    }
    return of(names, wonName, lostName);
  }

  /**
   * Builds the pipeline from stage names.
   *
   * @param openStageNames the open stages in order, not empty
   * @param wonName the won stage's name, not blank
   * @param lostName the lost stage's name, not blank
   * @return the pipeline, never null
   * @throws IllegalArgumentException if a name is blank, two names are equal ignoring case, or two
   *     names give the same id
   */
  public static Pipeline of(List<String> openStageNames, String wonName, String lostName) {
    Objects.requireNonNull(openStageNames, "openStageNames");
    Objects.requireNonNull(wonName, "wonName");
    Objects.requireNonNull(lostName, "lostName");
    if (openStageNames.isEmpty()) {
      throw new IllegalArgumentException("openStageNames must name at least one open stage but was empty");
    }
    List<String> all = new ArrayList<>(openStageNames);
    all.add(wonName);
    all.add(lostName);
    Map<String, String> byLowerName = new HashMap<>();
    Map<String, String> byId = new HashMap<>();
    for (String raw : all) {
      String name = Objects.requireNonNull(raw, "each stage name").strip();
      if (name.isEmpty()) {
        throw new IllegalArgumentException("stage names must not be blank but were " + all);
      }
      String previous = byLowerName.put(name.toLowerCase(Locale.ROOT), name);
      if (previous != null) {
        throw new IllegalArgumentException("stage names must differ (ignoring case) but '" + previous + "' and '"
            + name + "' are the same");
      }
      String clash = byId.put(idOf(name), name);
      if (clash != null) {
        throw new IllegalArgumentException("stage names must give different ids but '" + clash + "' and '" + name
            + "' both give '" + idOf(name) + "'");
      }
    }
    Pipeline.Builder builder = Pipeline.builder(ID, "Stage history")
        .policy(TransitionPolicy.defaults().withLostReasonRequired(false));
    for (String name : openStageNames) {
      builder.openStage(Stage.open(idOf(name.strip()), name.strip()));
    }
    return builder.wonStage(Stage.won(idOf(wonName.strip()), wonName.strip()))
        .lostStage(Stage.lost(idOf(lostName.strip()), lostName.strip()))
        .build();
  }

  /**
   * Returns the id derived from a stage name: lower case, with every run of characters other
   * than letters and digits replaced by one {@code -} and none at either end.
   *
   * @param name the name, not null
   * @return the id, never blank ({@code stage} if the name has no letter or digit)
   */
  public static String idOf(String name) {
    Objects.requireNonNull(name, "name");
    String id = name.strip().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("^-|-$", "");
    return id.isEmpty() ? "stage" : id;
  }
}
