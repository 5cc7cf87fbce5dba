/**
 * Stage-history CSV files for analysts: {@link org.salespipeline.examples.csv.StageHistoryReader}
 * loads an export into deals through the state machine, reporting every rejected row with its line
 * and reason; {@link org.salespipeline.examples.csv.StageHistoryWriter} writes deals back, safe to
 * open in a spreadsheet; {@link org.salespipeline.examples.csv.HistoryPipeline} builds the pipeline
 * from stage names.
 */
package org.salespipeline.examples.csv;
