package org.salespipeline.history.importers;

/**
 * How many records an export held and what became of each: imported, rejected (listed with line
 * and reason) or set aside for a stated reason (an opportunity without a created date, a deal of
 * another pipeline, a deleted history record). The parts always add up to the whole.
 *
 * <p>Immutable and thread-safe.
 *
 * @param records the data records read
 * @param importedRecords the records that became stage-history rows
 * @param rejectedRecords the records not imported because they, or another record of their deal,
 *     are bad
 * @param setAsideRecords the records not imported for a reason that is not an error
 * @param importedDeals the deals imported
 * @param rejectedDeals the deals left out because a record of theirs is bad
 * @param historyRows the stage-history rows made from the imported records
 */
public record ImportSummary(long records, long importedRecords, long rejectedRecords, long setAsideRecords,
    long importedDeals, long rejectedDeals, long historyRows) {

  /**
   * Creates the value, checking that the counts add up.
   *
   * @param records the data records read
   * @param importedRecords the records that became stage-history rows
   * @param rejectedRecords the records not imported because they or their deal are bad
   * @param setAsideRecords the records not imported for a reason that is not an error
   * @param importedDeals the deals imported
   * @param rejectedDeals the deals left out because a record of theirs is bad
   * @param historyRows the stage-history rows made from the imported records
   * @throws IllegalArgumentException if a count is negative or the records do not add up
   */
  public ImportSummary {
    if (records < 0 || importedRecords < 0 || rejectedRecords < 0 || setAsideRecords < 0 || importedDeals < 0
        || rejectedDeals < 0 || historyRows < 0) {
      throw new IllegalArgumentException("counts must not be negative but were " + describe(records, importedRecords,
          rejectedRecords, setAsideRecords, importedDeals, rejectedDeals, historyRows));
    }
    if (importedRecords + rejectedRecords + setAsideRecords != records) {
      throw new IllegalArgumentException("imported, rejected and set-aside records must add up to the records but "
          + "were " + describe(records, importedRecords, rejectedRecords, setAsideRecords, importedDeals,
          rejectedDeals, historyRows));
    }
  }

  /**
   * Returns the summary as one line, e.g.
   * {@code 8800 records = 7300 imported + 0 rejected + 1500 set aside; 7300 deals imported, 0 rejected; 13050 stage-history rows}.
   *
   * @return the text, never null
   */
  @Override
  public String toString() {
    return describe(records, importedRecords, rejectedRecords, setAsideRecords, importedDeals, rejectedDeals,
        historyRows);
  }

  private static String describe(long records, long imported, long rejected, long setAside, long deals,
      long rejectedDeals, long rows) {
    return records + " records = " + imported + " imported + " + rejected + " rejected + " + setAside
        + " set aside; " + deals + " deals imported, " + rejectedDeals + " rejected; " + rows + " stage-history rows";
  }
}
