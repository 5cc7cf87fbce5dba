/**
 * Stage-history CSV files for analysts: {@link org.salespipeline.history.StageHistoryReader}
 * loads an export into deals through the state machine, reporting every rejected row with its line
 * and reason; {@link org.salespipeline.history.StageHistoryWriter} writes deals back, safe to
 * open in a spreadsheet; {@link org.salespipeline.history.HistoryPipeline} builds the pipeline
 * from stage names.
 */
package org.salespipeline.history;
