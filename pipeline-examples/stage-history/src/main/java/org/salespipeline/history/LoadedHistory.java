package org.salespipeline.history;

import java.util.List;
import java.util.Objects;
import org.salespipeline.core.Deal;
import org.salespipeline.core.Pipeline;

/**
 * A whole stage-history file in memory: the pipeline it was read with, the deals loaded (in the
 * order their ids first appear), the rows rejected (in file order) and the counts.
 *
 * <p>Immutable and thread-safe.
 *
 * @param pipeline the pipeline the deals run through
 * @param deals the deals loaded
 * @param rejections the rows not loaded, with line and reason
 * @param summary the counts of rows and deals read and rejected
 */
public record LoadedHistory(Pipeline pipeline, List<Deal> deals, List<RowRejection> rejections, ReadSummary summary) {

  /**
   * Creates the value, copying the lists.
   *
   * @param pipeline the pipeline, not null
   * @param deals the deals loaded, not null
   * @param rejections the rows not loaded, not null
   * @param summary the counts, not null
   */
  public LoadedHistory {
    Objects.requireNonNull(pipeline, "pipeline");
    deals = List.copyOf(deals);
    rejections = List.copyOf(rejections);
    Objects.requireNonNull(summary, "summary");
  }
}
