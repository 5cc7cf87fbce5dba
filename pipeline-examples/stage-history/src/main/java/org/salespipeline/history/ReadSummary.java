package org.salespipeline.history;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How many rows and deals a stage-history file held, and how many were not loaded: every data
 * row is either loaded or rejected with its line and reason, so the counts always add up.
 *
 * <p>A deal is rejected when none of its rows could be loaded, or when the state machine refused
 * its stage history (then all its rows are rejected). Immutable and thread-safe.
 *
 * @param rows the data rows read (blank lines are not rows)
 * @param rejectedRows the rows not loaded
 * @param deals the distinct non-empty deal ids read
 * @param rejectedDeals the deals not loaded
 * @param repeatedStageRows loaded rows that named the stage their deal was already in: they
 *     change no stage (the deal keeps the earlier entry time) but their amount, currency, owner
 *     and attributes still count
 * @param unknownStages the stage names the pipeline does not know, in the order first seen, with
 *     their row counts (empty when every stage name is known)
 */
public record ReadSummary(long rows, long rejectedRows, long deals, long rejectedDeals, long repeatedStageRows,
    Map<String, Long> unknownStages) {

  /**
   * Creates the value for a file whose stage names are all known.
   *
   * @param rows the data rows read
   * @param rejectedRows the rows not loaded, at most {@code rows}
   * @param deals the distinct deal ids read
   * @param rejectedDeals the deals not loaded, at most {@code deals}
   * @param repeatedStageRows loaded rows that repeated their deal's stage
   * @throws IllegalArgumentException if a count is negative or a part exceeds its whole
   */
  public ReadSummary(long rows, long rejectedRows, long deals, long rejectedDeals, long repeatedStageRows) {
    this(rows, rejectedRows, deals, rejectedDeals, repeatedStageRows, Map.of());
  }

  /**
   * Creates the value, checking that the counts are consistent.
   *
   * @param rows the data rows read
   * @param rejectedRows the rows not loaded, at most {@code rows}
   * @param deals the distinct deal ids read
   * @param rejectedDeals the deals not loaded, at most {@code deals}
   * @param repeatedStageRows loaded rows that repeated their deal's stage
   * @param unknownStages the unknown stage names with their row counts, not null; copied
   * @throws IllegalArgumentException if a count is negative or a part exceeds its whole
   */
  public ReadSummary {
    unknownStages = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(unknownStages,
        "unknownStages")));
    if (rows < 0 || rejectedRows < 0 || deals < 0 || rejectedDeals < 0 || repeatedStageRows < 0) {
      throw new IllegalArgumentException("counts must not be negative but were rows=" + rows + ", rejectedRows="
          + rejectedRows + ", deals=" + deals + ", rejectedDeals=" + rejectedDeals + ", repeatedStageRows="
          + repeatedStageRows);
    }
    if (rejectedRows > rows || rejectedDeals > deals || repeatedStageRows > rows - rejectedRows) {
      throw new IllegalArgumentException("counts must add up but were rows=" + rows + ", rejectedRows=" + rejectedRows
          + ", deals=" + deals + ", rejectedDeals=" + rejectedDeals + ", repeatedStageRows=" + repeatedStageRows);
    }
  }

  /**
   * Returns the rows loaded.
   *
   * @return {@code rows - rejectedRows}
   */
  public long loadedRows() {
    return rows - rejectedRows;
  }

  /**
   * Returns the deals loaded.
   *
   * @return {@code deals - rejectedDeals}
   */
  public long loadedDeals() {
    return deals - rejectedDeals;
  }

  /**
   * Returns the summary as one line, e.g. {@code 120 rows (2 rejected), 40 deals (1 rejected)}:
   * the rows loaded and rejected add up to the rows, the deals loaded and rejected to the deals.
   *
   * @return the text, never null
   */
  @Override
  public String toString() {
    return rows + " rows (" + rejectedRows + " rejected" + (repeatedStageRows == 0 ? "" : ", "
        + repeatedStageRows + " repeating their deal's stage") + "), " + deals + " deals (" + rejectedDeals
        + " rejected)";
  }
}
