package org.salespipeline.metrics;

/**
 * How much time the open deals of one stage have spent beyond the stage's norm (see
 * {@link StuckDeal}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param stageId the stage's id
 * @param stageName the stage's display name
 * @param normDays the stage's norm in days
 * @param norm where the norm comes from
 * @param openDeals the number of deals open in the stage
 * @param dealsBeyondNorm how many of them are beyond the norm
 * @param daysBeyondNorm the sum over the open deals of the days spent beyond the norm
 */
public record StageExcess(
    String stageId,
    String stageName,
    double normDays,
    StuckDeal.Norm norm,
    long openDeals,
    long dealsBeyondNorm,
    double daysBeyondNorm) {}
