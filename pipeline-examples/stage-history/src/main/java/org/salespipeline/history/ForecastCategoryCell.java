package org.salespipeline.history;

import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.Locale;
import java.util.Objects;
import org.salespipeline.core.ForecastCategory;
import org.salespipeline.core.StageKind;

/**
 * Reads a {@code forecast_category} cell of a stage-history row: the forecast category the deal is
 * in from that row on, as the reader and the importers take it.
 *
 * <p>Matched ignoring case, spaces, {@code _} and {@code -}: the enum names ({@code PIPELINE},
 * {@code BEST_CASE}, {@code COMMIT}, {@code OMITTED}, {@code CLOSED}) and Salesforce's spellings,
 * the labels of {@code Opportunity.ForecastCategoryName} ({@code Pipeline}, {@code Best Case},
 * {@code Commit}, {@code Omitted}, {@code Closed}) and the values of
 * {@code OpportunityHistory.ForecastCategory} ({@code Pipeline}, {@code BestCase}, {@code Forecast}
 * — Salesforce's API name of Commit —, {@code Omitted}, {@code Closed}). Salesforce's
 * {@code MostLikely} (customizable forecasting) has no category here and is refused.
 *
 * <p>Only an open deal can be given a category by hand
 * ({@link org.salespipeline.core.Pipeline#overrideForecastCategory});
 * a closed deal's category is its outcome. So a row in the won stage may say only {@code Closed}
 * and a row in the lost stage only {@code Omitted}, which repeat the outcome and set nothing; a
 * row in an open stage may say any category but {@code Closed}.
 *
 * <p>Stateless and thread-safe.
 */
public final class ForecastCategoryCell {

  private static final String OPEN_CATEGORIES = "Pipeline, Best Case, Commit or Omitted";

  private ForecastCategoryCell() {}

  /**
   * Reads a cell of a row in a stage of the given kind.
   *
   * @param cell the cell, trimmed or not, not null
   * @param stageKind the kind of the row's stage, not null
   * @return the category the row names for the open deal, none for an empty cell or a closed row
   *     that names its outcome's category; or why the cell is bad, a phrase starting with the
   *     quoted cell (the caller prefixes the column's name)
   */
  public static Either<String, Option<ForecastCategory>> read(String cell, StageKind stageKind) {
    Objects.requireNonNull(cell, "cell");
    Objects.requireNonNull(stageKind, "stageKind");
    String text = cell.strip();
    if (text.isEmpty()) {
      return Either.right(Option.none());
    }
    String quoted = "'" + text + "'";
    String key = text.toLowerCase(Locale.ROOT).replaceAll("[\\s_-]+", "");
    ForecastCategory category = switch (key) {
      case "pipeline" -> ForecastCategory.PIPELINE;
      case "bestcase" -> ForecastCategory.BEST_CASE;
      case "commit", "forecast" -> ForecastCategory.COMMIT;
      case "omitted" -> ForecastCategory.OMITTED;
      case "closed" -> ForecastCategory.CLOSED;
      default -> null;
    };
    if (category == null) {
      return Either.left(quoted + (key.equals("mostlikely")
          ? " is Salesforce's Most Likely, which this forecast does not have: give " + OPEN_CATEGORIES
          : " is not a forecast category: give " + OPEN_CATEGORIES + " (or PIPELINE, BEST_CASE, COMMIT, OMITTED;"
              + " Closed only on a won row)"));
    }
    return switch (stageKind) {
      case OPEN -> category == ForecastCategory.CLOSED
          ? Either.left(quoted + " is the category of a won deal only, and the row's stage is open: give "
              + OPEN_CATEGORIES)
          : Either.right(Option.some(category));
      case WON -> category == ForecastCategory.CLOSED ? Either.right(Option.none())
          : Either.left(quoted + " on a row in the won stage: a won deal's forecast category is Closed, its outcome");
      case LOST -> category == ForecastCategory.OMITTED ? Either.right(Option.none())
          : Either.left(quoted + " on a row in the lost stage: a lost deal's forecast category is Omitted, its "
              + "outcome");
    };
  }
}
