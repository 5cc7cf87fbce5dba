package org.salespipeline.history;

import java.util.Objects;

/**
 * A row of a stage-history file that was not loaded, and why.
 *
 * <p>Immutable and thread-safe.
 *
 * @param line the physical line the row starts on, 1 being the header
 * @param dealId the row's deal id, empty if the row has none
 * @param reason why the row was not loaded, in plain words
 */
public record RowRejection(long line, String dealId, String reason) {

  /**
   * Creates the value.
   *
   * @param line the physical line the row starts on, at least 2
   * @param dealId the row's deal id, not null, empty if the row has none
   * @param reason why the row was not loaded, not blank
   * @throws IllegalArgumentException if the line is below 2 or the reason is blank
   */
  public RowRejection {
    if (line < 2) {
      throw new IllegalArgumentException("line must be at least 2 (line 1 is the header) but was " + line);
    }
    Objects.requireNonNull(dealId, "dealId");
    Objects.requireNonNull(reason, "reason");
    if (reason.isBlank()) {
      throw new IllegalArgumentException("reason must not be blank");
    }
  }

  /**
   * Returns the rejection as one line: {@code line 12 (deal D-7): unknown stage 'Demo'…}.
   *
   * @return the text, never null
   */
  @Override
  public String toString() {
    return "line " + line + (dealId.isEmpty() ? "" : " (deal " + dealId + ")") + ": " + reason;
  }
}
