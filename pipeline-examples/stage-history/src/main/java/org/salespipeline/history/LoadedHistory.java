package org.salespipeline.history;

import java.util.Currency;
import java.util.List;
import java.util.Map;
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
 * @param unpricedCurrencies by deal id, the currency that a deal loaded without an amount names in
 *     its {@code currency} cells (a deal has a currency only with an amount, so the file's is kept
 *     here); deals that name none are absent
 */
public record LoadedHistory(Pipeline pipeline, List<Deal> deals, List<RowRejection> rejections, ReadSummary summary,
    Map<String, Currency> unpricedCurrencies) {

  /**
   * Creates the value, copying the lists and the map.
   *
   * @param pipeline the pipeline, not null
   * @param deals the deals loaded, not null
   * @param rejections the rows not loaded, not null
   * @param summary the counts, not null
   * @param unpricedCurrencies the currencies named by deals without an amount, by deal id, not null
   */
  public LoadedHistory {
    Objects.requireNonNull(pipeline, "pipeline");
    deals = List.copyOf(deals);
    rejections = List.copyOf(rejections);
    Objects.requireNonNull(summary, "summary");
    unpricedCurrencies = Map.copyOf(unpricedCurrencies);
  }

  /**
   * Creates the value for deals none of which names a currency without an amount.
   *
   * @param pipeline the pipeline, not null
   * @param deals the deals loaded, not null
   * @param rejections the rows not loaded, not null
   * @param summary the counts, not null
   */
  public LoadedHistory(Pipeline pipeline, List<Deal> deals, List<RowRejection> rejections, ReadSummary summary) {
    this(pipeline, deals, rejections, summary, Map.of());
  }
}
