/**
 * The analyst command line run from the all-in-one jar: {@link org.salespipeline.analyst.cli.Main}
 * dispatches to {@link org.salespipeline.analyst.cli.Command}s; commands that read a stage history
 * share {@link org.salespipeline.analyst.cli.HistoryInput}.
 */
package org.salespipeline.analyst.cli;
