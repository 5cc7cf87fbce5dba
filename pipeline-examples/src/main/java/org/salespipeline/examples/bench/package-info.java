/**
 * The side-by-side benchmark harness ({@code bench} command): one seeded, realistic data set, every
 * approach checked for the same results as this library, then timed the same way. Its JMH
 * benchmarks of single hot paths live in the {@code jmh} subpackage.
 */
package org.salespipeline.examples.bench;
