/**
 * JMH benchmarks of the hot paths: one transition, a deal's lifecycle, replay, the metrics pass,
 * scoring and top-k. Not part of the test run; see the README section "Benchmarks" for the
 * command that runs them.
 */
package org.salespipeline.bench.jmh;
