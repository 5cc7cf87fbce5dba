package org.salespipeline.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.salespipeline.core.Fixtures.accepted;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A command's change is a value whose events are made when asked for: it equals, hashes and prints
 * as the change built with those events in a list, and differs from a change with another deal or
 * other events.
 */
class ChangeValueTest {

  @Test
  void aCommandsChange_equalsTheChangeWithItsEventsInAList_andNoOther() {
    Pipeline standard = Pipeline.standard();
    Instant opening = Instant.parse("2026-03-02T09:00:00Z");
    Instant movedAt = Instant.parse("2026-03-02T10:00:00Z");
    Deal deal = accepted(standard.open(NewDeal.of("D-1").withOwner("ana"), opening)).deal();

    Change move = accepted(standard.move(deal, "qualification", movedAt));
    Change activity = accepted(standard.recordActivity(deal, movedAt));
    DealEvent stageChanged = new DealEvent.StageChanged("D-1", "prospecting", "qualification", movedAt);
    Change built = new Change(move.deal(), List.of(stageChanged));
    Change otherEvents = new Change(move.deal(), List.of(new DealEvent.ActivityRecorded("D-1", movedAt)));
    Change otherDeal = new Change(activity.deal(), List.of(stageChanged));

    assertThat(move).isEqualTo(built).hasSameHashCodeAs(built);
    assertThat(move.events()).containsExactly(stageChanged);
    assertThat(activity.events()).containsExactly(new DealEvent.ActivityRecorded("D-1", movedAt));
    assertThat(move).isNotEqualTo(otherEvents).isNotEqualTo(otherDeal).isNotEqualTo(activity);
    assertThat(move.hashCode()).isNotEqualTo(otherEvents.hashCode()).isNotEqualTo(otherDeal.hashCode());
    assertThat(move.toString()).startsWith("Change[deal=").contains(stageChanged.toString());
    assertThat(activity.toString()).contains("ActivityRecorded[dealId=D-1, at=2026-03-02T10:00:00Z]");
  }
}
