package org.salespipeline.history.importers;

import java.util.Objects;

/**
 * A record of a CRM export that was not imported, and why: the file, the physical line it starts
 * on, the deal, the record as it reads in the file, and the reason.
 *
 * <p>Immutable and thread-safe.
 *
 * @param file the file's name as the caller gave it (or {@code <input>})
 * @param line the physical line the record starts on, 1 being the header
 * @param dealId the record's deal id, empty if it has none
 * @param record the record's cells, as CSV text on one line
 * @param reason why the record was not imported, in plain words
 */
public record ImportRejection(String file, long line, String dealId, String record, String reason) {

  /**
   * Creates the value.
   *
   * @param file the file's name as the caller gave it (or {@code <input>})
   * @param line the physical line the record starts on, 1 being the header
   * @param dealId the record's deal id, empty if it has none
   * @param record the record's cells, as CSV text on one line
   * @param reason why the record was not imported, in plain words
   * @throws IllegalArgumentException if the line is below 1 or the reason is blank
   */
  public ImportRejection {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(dealId, "dealId");
    Objects.requireNonNull(record, "record");
    Objects.requireNonNull(reason, "reason");
    if (line < 1) {
      throw new IllegalArgumentException("line must be at least 1 but was " + line);
    }
    if (reason.isBlank()) {
      throw new IllegalArgumentException("reason must not be blank");
    }
  }

  /**
   * Returns the rejection as one line:
   * {@code sales_pipeline.csv:12 (deal 1C1I7A6R): closed deal without close_date [1C1I7A6R,Moses Frase,…]}.
   *
   * @return the text, never null
   */
  @Override
  public String toString() {
    String shown = record.length() > 200 ? record.substring(0, 200) + "…" : record;
    return ImportException.oneLine(file + ":" + line + (dealId.isEmpty() ? "" : " (deal " + dealId + ")") + ": "
        + reason + " [" + shown + "]");
  }
}
