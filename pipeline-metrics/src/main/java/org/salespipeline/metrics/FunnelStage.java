package org.salespipeline.metrics;

import io.vavr.control.Option;

/**
 * One open stage of the funnel, over the cohort of deals created in the window.
 *
 * <p>A deal's furthest stage is the highest-ordered open stage it ever entered (up to the as-of
 * instant), or "beyond the last open stage" if it is won; a skipped stage counts as passed. Hence
 * {@code reached == advanced + lost + open}. Immutable and thread-safe.
 *
 * @param stageId the stage's id
 * @param stageName the stage's display name
 * @param reached deals whose furthest stage is this one or later
 * @param advanced deals whose furthest stage is later than this one (open deals further on and
 *     won deals)
 * @param lost lost deals whose furthest stage is this one
 * @param open open deals whose furthest stage is this one
 * @param conversion advanced / (advanced + lost) with its Wilson interval: open deals here are
 *     undecided and excluded; none when nothing was decided
 * @param winRate won / (won + lost) among the deals that reached this stage; none when none of
 *     them is closed
 */
public record FunnelStage(
    String stageId,
    String stageName,
    long reached,
    long advanced,
    long lost,
    long open,
    Option<Rate> conversion,
    Option<Rate> winRate) {}
