/**
 * The scoring SPI ({@link org.salespipeline.scoring.Scorer}, {@link org.salespipeline.scoring.Score},
 * {@link org.salespipeline.scoring.ScoringContext}), the built-in scorers, containment of failing
 * scorers ({@link org.salespipeline.scoring.SafeScoring}), prioritisation
 * ({@link org.salespipeline.scoring.Prioritiser}) and evaluation ({@link org.salespipeline.scoring.Backtest}).
 *
 * <p>Everything here is immutable and thread-safe unless its Javadoc says otherwise; nothing
 * reads the clock: the as-of instant is always part of the {@link org.salespipeline.scoring.ScoringContext}.
 */
package org.salespipeline.scoring;
