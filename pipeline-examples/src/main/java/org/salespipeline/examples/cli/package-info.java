/**
 * The analyst command line run from the all-in-one jar: {@link org.salespipeline.examples.cli.Main}
 * dispatches to {@link org.salespipeline.examples.cli.Command}s; commands that read a stage history
 * share {@link org.salespipeline.examples.cli.HistoryInput}.
 */
package org.salespipeline.examples.cli;
