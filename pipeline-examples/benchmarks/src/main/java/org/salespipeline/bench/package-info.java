/**
 * The side-by-side benchmark harness (the {@code bench} command of the benchmarks jar): one seeded, realistic data set, every
 * approach checked for the same results as this library, then timed the same way. Its JMH
 * benchmarks of single hot paths live in the {@code jmh} subpackage.
 */
package org.salespipeline.bench;
