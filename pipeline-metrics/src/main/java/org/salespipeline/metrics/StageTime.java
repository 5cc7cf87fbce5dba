package org.salespipeline.metrics;

/**
 * Time spent in one open stage: the completed stays (entered and left at or before the as-of
 * instant, left in the window) and the ages of the current stays of the deals open in it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param stageId the stage's id
 * @param stageName the stage's display name
 * @param completed the durations of completed stays; a deal that re-enters the stage has one per
 *     stay
 * @param current how long each deal open in the stage at the as-of instant has been in it
 */
public record StageTime(String stageId, String stageName, DurationSummary completed, DurationSummary current) {}
