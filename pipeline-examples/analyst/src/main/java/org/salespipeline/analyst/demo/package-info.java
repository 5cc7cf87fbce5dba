/**
 * Runnable examples of the sales pipeline library: the demo and the README's embedding example.
 * The analyst toolkit lives in {@code org.salespipeline.analyst} (built on the stage-history reader
 * of {@code org.salespipeline.history}) and {@code org.salespipeline.analyst.cli} (the command line
 * of the all-in-one jar).
 */
package org.salespipeline.analyst.demo;
