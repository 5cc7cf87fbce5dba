/**
 * Implementation of the metrics: numerical building blocks (samples, percentiles, Wilson
 * intervals, Kaplan–Meier, absorbing Markov chains) and text tables. Not exported; no
 * compatibility promise.
 */
package org.salespipeline.metrics.internal;
