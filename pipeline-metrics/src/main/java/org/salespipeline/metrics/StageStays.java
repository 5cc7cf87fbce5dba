package org.salespipeline.metrics;

import java.util.ArrayList;
import java.util.List;
import org.salespipeline.core.Stage;
import org.salespipeline.metrics.internal.LongSamples;

/**
 * A partial result of {@link Accumulator}: per open stage, the stays completed in the window and
 * the current stays (ages at T) of the deals open in it, in milliseconds; finished into the time
 * in stage, and the source of the stages' norms for stuck deals and bottlenecks.
 *
 * <p>Mutable and not thread-safe; merging pools the samples, so any split gives the same figures.
 */
final class StageStays {

  private final LongSamples[] completed;
  private final LongSamples[] current;

  StageStays(int openStages) {
    this.completed = new LongSamples[openStages];
    this.current = new LongSamples[openStages];
    for (int s = 0; s < openStages; s++) {
      completed[s] = LongSamples.keepingRuns();
      current[s] = LongSamples.keepingRuns();
    }
  }

  void addCompleted(int stage, long millis) {
    completed[stage].add(millis);
  }

  void addCurrent(int stage, long ageMillis) {
    current[stage].add(ageMillis);
  }

  void merge(StageStays other) {
    for (int s = 0; s < completed.length; s++) {
      completed[s].mergeSorted(other.completed[s]);
      current[s].mergeSorted(other.current[s]);
    }
  }

  /** The time in each open stage, in the pipeline's order. */
  List<StageTime> finish(List<Stage> openStages) {
    List<StageTime> timeInStage = new ArrayList<>(completed.length);
    for (int s = 0; s < completed.length; s++) {
      Stage stage = openStages.get(s);
      timeInStage.add(new StageTime(stage.id(), stage.name(), DurationSummary.of(completed[s]),
          DurationSummary.of(current[s])));
    }
    return timeInStage;
  }

  /** The ages of the deals open in a stage, as sorted runs. */
  long[][] currentRuns(int stage) {
    return current[stage].runs();
  }

  /** How many deals are open, over every stage. */
  long currentCount() {
    long count = 0;
    for (LongSamples stays : current) {
      count += stays.size();
    }
    return count;
  }

  void writeTo(PartialResultFormat.Out out) {
    for (int s = 0; s < completed.length; s++) {
      out.samples(completed[s]);
      out.samples(current[s]);
    }
  }

  void readFrom(PartialResultFormat.In in) {
    for (int s = 0; s < completed.length; s++) {
      in.samples(completed[s], "the completed stays of a stage");
      in.samples(current[s], "the current stays of a stage");
    }
  }
}
