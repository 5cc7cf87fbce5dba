/**
 * Runnable examples of the sales pipeline library: the demo and the README's embedding example.
 * The analyst toolkit lives in {@code org.salespipeline.examples.csv} (stage-history files) and
 * {@code org.salespipeline.examples.cli} (the command line of the all-in-one jar).
 */
package org.salespipeline.examples;
