package org.salespipeline.analyst;

import java.util.List;
import java.util.Objects;

/**
 * Why an analyst's choice does not fit the loaded export: a column to group by or to learn from
 * that no deal has, an unknown scorer, naive-Bayes options for another scorer, a feature given
 * twice. Each case has a stable {@link #code()} and a one-line {@link #message()} saying what would
 * fit.
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface BadChoice {

  /**
   * Returns the stable code of the case.
   *
   * @return {@code UNKNOWN_GROUPING}, {@code UNKNOWN_SCORER}, {@code OPTIONS_NOT_FOR_SCORER},
   *     {@code UNKNOWN_COLUMN} or {@code REPEATED_FEATURE}
   */
  String code();

  /**
   * Returns the one-line sentence a user reads.
   *
   * @return the message, never null
   */
  String message();

  /**
   * No loaded deal has a value in the column to group by.
   *
   * @param column the column as given, not null
   * @param groupable the columns deals can be grouped by, not null
   */
  record UnknownGrouping(String column, List<String> groupable) implements BadChoice {

    /**
     * Creates the value.
     *
     * @param column the column as given, not null
     * @param groupable the columns deals can be grouped by, not null; copied
     */
    public UnknownGrouping {
      Objects.requireNonNull(column, "column");
      groupable = List.copyOf(groupable);
    }

    @Override
    public String code() {
      return "UNKNOWN_GROUPING";
    }

    @Override
    public String message() {
      return "cannot group by '" + column + "': no loaded deal has a value in such a column; deals can be grouped by "
          + String.join(", ", groupable);
    }
  }

  /**
   * No built-in or plugin scorer has the id.
   *
   * @param scorerId the id as given, not null
   * @param known the known ids, not null
   */
  record UnknownScorer(String scorerId, List<String> known) implements BadChoice {

    /**
     * Creates the value.
     *
     * @param scorerId the id as given, not null
     * @param known the known ids, not null; copied
     */
    public UnknownScorer {
      Objects.requireNonNull(scorerId, "scorerId");
      known = List.copyOf(known);
    }

    @Override
    public String code() {
      return "UNKNOWN_SCORER";
    }

    @Override
    public String message() {
      return "unknown scorer '" + scorerId + "'; known scorers: " + String.join(", ", known);
    }
  }

  /**
   * Features or a team column were given for a scorer other than naive Bayes.
   *
   * @param scorerId the scorer chosen, not null
   */
  record OptionsNotForScorer(String scorerId) implements BadChoice {

    /**
     * Creates the value.
     *
     * @param scorerId the scorer chosen, not null
     */
    public OptionsNotForScorer {
      Objects.requireNonNull(scorerId, "scorerId");
    }

    @Override
    public String code() {
      return "OPTIONS_NOT_FOR_SCORER";
    }

    @Override
    public String message() {
      return "features and team apply to the naive-bayes scorer only, not to '" + scorerId + "'";
    }
  }

  /**
   * No loaded deal has a value in the attribute column named as a feature or team.
   *
   * @param column the column as given, not null
   * @param attributes the attribute columns of the export, not null
   */
  record UnknownColumn(String column, List<String> attributes) implements BadChoice {

    /**
     * Creates the value.
     *
     * @param column the column as given, not null
     * @param attributes the attribute columns of the export, not null; copied
     */
    public UnknownColumn {
      Objects.requireNonNull(column, "column");
      attributes = List.copyOf(attributes);
    }

    @Override
    public String code() {
      return "UNKNOWN_COLUMN";
    }

    @Override
    public String message() {
      String owner = column.strip().equalsIgnoreCase("owner")
          ? "owner is the deal's owner, not an attribute column; " : "";
      return owner + "no loaded deal has a value in a column '" + column + "'; the attribute columns are "
          + (attributes.isEmpty() ? "(none)" : String.join(", ", attributes));
    }
  }

  /**
   * A feature was named twice.
   *
   * @param feature the feature as given the second time, not null
   */
  record RepeatedFeature(String feature) implements BadChoice {

    /**
     * Creates the value.
     *
     * @param feature the feature as given the second time, not null
     */
    public RepeatedFeature {
      Objects.requireNonNull(feature, "feature");
    }

    @Override
    public String code() {
      return "REPEATED_FEATURE";
    }

    @Override
    public String message() {
      return "feature '" + feature + "' is given twice";
    }
  }
}
