/**
 * Deals, pipeline definitions and the deal state machine: {@link org.salespipeline.core.Pipeline}
 * opens, moves, wins, loses and reopens {@link org.salespipeline.core.Deal deals} through its
 * {@link org.salespipeline.core.Stage stages} under a {@link org.salespipeline.core.TransitionPolicy},
 * and every command returns either a {@link org.salespipeline.core.Rejection} (a business rule
 * said no, with a stable code) or a {@link org.salespipeline.core.Change} holding the new deal and
 * the {@link org.salespipeline.core.DealEvent events} a host appends to its store.
 *
 * <p>{@link org.salespipeline.core.Deal#replay} and {@link org.salespipeline.core.Deal#restore}
 * rebuild a deal from its events. {@link org.salespipeline.core.Money} is exact (a
 * {@link java.math.BigDecimal} in one currency) and never mixed across currencies.
 *
 * <p>Every type here is immutable and thread-safe; nothing reads the clock (every command takes
 * its instant), prints or touches files. Programmer errors (null, a negative amount, another
 * currency) throw at once naming the parameter; null is never returned.
 */
package org.salespipeline.core;
