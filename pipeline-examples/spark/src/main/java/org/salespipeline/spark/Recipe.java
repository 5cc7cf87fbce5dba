package org.salespipeline.spark;

import java.io.Serializable;
import java.util.function.Supplier;

/**
 * How an executor makes a value that cannot itself be sent over the wire: a serializable
 * supplier, such as a lambda or a method reference naming a static factory. A pipeline or query
 * whose parts are functions (entry criteria, a probability function, a converter, a grouping of
 * your own) is sent to the cluster as the recipe that builds it.
 *
 * <pre>{@code
 * Recipe<Pipeline> pipeline = Pipeline::standard;
 * Recipe<MetricsQuery> query = () -> MetricsQuery.asOf(exportedAt).withProbability(MyModel::probability);
 * }</pre>
 *
 * <p>Each call must build an equal value; the partial results carry a fingerprint of the pipeline
 * and query, so an executor whose recipe builds another one fails the calculation rather than
 * mixing figures.
 *
 * @param <T> the type of value made
 */
@FunctionalInterface
public interface Recipe<T> extends Supplier<T>, Serializable {}
