/**
 * The metrics report on Apache Spark (SPEC §7, "scale past one machine"): stage-history rows of a
 * {@code Dataset<Row>} grouped by deal on the cluster, each deal built by the stage-history reader's
 * own rules, each partition's partial result sent as the metrics library's versioned bytes and
 * merged by a Spark {@link org.apache.spark.sql.expressions.Aggregator}. Start with
 * {@link org.salespipeline.spark.PipelineSpark}.
 */
package org.salespipeline.spark;
