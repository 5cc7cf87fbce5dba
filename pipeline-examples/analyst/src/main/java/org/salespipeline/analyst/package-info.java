/**
 * The analyst's toolkit over exported stage histories: {@link org.salespipeline.analyst.Analyst}
 * loads a CSV file into an {@link org.salespipeline.analyst.Export}, computes its metrics
 * and ranks its open deals into {@link org.salespipeline.analyst.Priorities}. The JShell
 * startup script {@code analyst.jsh} and the {@code metrics} and {@code prioritize} commands are
 * built on it.
 */
package org.salespipeline.analyst;
