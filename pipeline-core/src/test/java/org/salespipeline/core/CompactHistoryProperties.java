package org.salespipeline.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.salespipeline.core.testing.Theories.qt;

import io.vavr.control.Option;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.salespipeline.core.internal.DealCursor;
import org.salespipeline.core.testing.Theories.Hits;

/**
 * A deal keeps its history compactly (a mark per event holding the kind and the nanoseconds since
 * the opening, events more than 18 years out kept apart) and its attributes in one array. These
 * properties check that nothing is lost on the way: every instant comes back exact, at any
 * distance from the opening and anywhere in {@link Instant}'s range, and the attributes behave as
 * an insertion-ordered map.
 */
class CompactHistoryProperties {

  private static final long MIN_SECOND = Instant.MIN.getEpochSecond();
  private static final long MAX_SECOND = Instant.MAX.getEpochSecond();
  /** The compact history's edge: offsets from the opening up to this many seconds fit in a mark. */
  private static final long NEAR_SECONDS = (Long.MAX_VALUE >>> 4) / 1_000_000_000L;
  /** Whole-second offsets below this many seconds (2^28, about 8.5 years) are kept as an int. */
  private static final long COMPACT_SECONDS = 1L << 28;
  /** What {@link #instants()} must reach. */
  private static final Hits HITS = new Hits("Instant.MIN", "Instant.MAX", "a single event", "nine events",
      "just inside the 18-year edge", "just beyond the 18-year edge", "at the whole-second edge",
      "beyond epoch millis", "same instant twice");

  @AfterAll
  static void everyEdgeWasReached() {
    HITS.requireAll();
  }

  @Test
  void everyInstant_comesBackExact() {
    qt(0xC0DE_0001L, 500).forAll(instants()).checkAssert(CompactHistoryProperties::everyInstantComesBackExact);
  }

  private static void everyInstantComesBackExact(List<Instant> instants) {
    List<DealEvent> events = new ArrayList<>();
    events.add(new DealEvent.Opened("D-1", "standard", "prospecting", "", "", "ana", Option.none(), Option.none(),
        Qualification.UNKNOWN, Map.of(), instants.get(0)));
    for (Instant at : instants.subList(1, instants.size())) {
      events.add(new DealEvent.ActivityRecorded("D-1", at));
    }

    Deal deal = Deal.restore(events);

    assertThat(deal.history()).isEqualTo(events);
    assertThat(deal.lastEventAt()).isEqualTo(instants.get(instants.size() - 1));
    assertThat(deal.lastActivityAt()).isEqualTo(instants.get(instants.size() - 1));
    assertThat(Deal.restore(deal.history())).isEqualTo(deal).hasSameHashCodeAs(deal);
    for (int i = 0; i < instants.size(); i++) {
      Instant at = instants.get(i);
      for (Instant other : instants) {
        assertThat(Integer.signum(DealCursor.of(deal).at(i).compareAt(other))).isEqualTo(Integer.signum(at.compareTo(other)));
      }
      assertThat(DealCursor.of(deal).at(i).enteredStage()).isEqualTo(i == 0 ? "prospecting" : null);
      if (fitsInMillis(at)) {
        assertThat(DealCursor.of(deal).at(i).epochMilli()).isEqualTo(at.toEpochMilli());
      } else {
        int index = i;
        assertThatThrownBy(() -> DealCursor.of(deal).at(index).epochMilli()).isInstanceOf(ArithmeticException.class);
      }
    }
  }

  @Test
  void attributes_behaveAsAnInsertionOrderedMap() {
    qt(0xC0DE_0002L, 300).forAll(edits()).checkAssert(CompactHistoryProperties::attributesBehaveAsAMap);
  }

  private static void attributesBehaveAsAMap(List<String[]> edits) {
    Map<String, String> model = new LinkedHashMap<>();
    Deal deal = Fixtures.prospect();
    Instant at = Fixtures.T0;
    model.putAll(deal.attributes());
    for (String[] edit : edits) {
      at = at.plusSeconds(60);
      if (edit[1] == null) {
        model.remove(edit[0]);
        deal = Fixtures.accepted(Fixtures.STANDARD.clearAttribute(deal, edit[0], at)).deal();
      } else {
        model.put(edit[0], edit[1]);
        deal = Fixtures.accepted(Fixtures.STANDARD.setAttribute(deal, edit[0], edit[1], at)).deal();
      }
      Map<String, String> attributes = deal.attributes();
      assertThat(attributes).isEqualTo(model).hasSameHashCodeAs(model);
      assertThat(model).isEqualTo(attributes);
      assertThat(attributes.keySet()).containsExactlyElementsOf(model.keySet());
      assertThat(attributes.values()).containsExactlyElementsOf(model.values());
      for (String key : List.of("a", "b", "c", "d", "e", "segment", "source")) {
        assertThat(attributes.get(key)).isEqualTo(model.get(key));
        assertThat(attributes.containsKey(key)).isEqualTo(model.containsKey(key));
      }
    }
    assertThat(Deal.replay(Fixtures.STANDARD, deal.history())).isEqualTo(deal);
  }

  @Test
  void openedEvent_keepsItsOwnOpeningValues_afterChanges() {
    for (int edits = 1; edits <= 5; edits++) { // five values: every one of them, not a sample
      openedEventKeepsItsOpeningValues(edits);
    }
  }

  private static void openedEventKeepsItsOpeningValues(int edits) {
    Deal first = Fixtures.accepted(Fixtures.STANDARD.open(NewDeal.of("D-2").withOwner("ana")
        .withAmount(Money.parse("48000", "EUR")).withAttribute("source", "web"), Fixtures.T0)).deal();
    Deal deal = first;
    Map<String, String> opening = deal.attributes();
    Instant at = Fixtures.T0;
    for (int i = 0; i < edits; i++) {
      at = at.plusSeconds(1);
      deal = Fixtures.accepted(Fixtures.STANDARD.setAttribute(deal, "k" + i, "v" + i, at)).deal();
      deal = Fixtures.accepted(Fixtures.STANDARD.reassign(deal, "owner" + i, at)).deal();
      deal = Fixtures.accepted(Fixtures.STANDARD.changeAmount(deal, Money.parse("1" + i, "EUR"), at)).deal();
    }

    DealEvent.Opened opened = (DealEvent.Opened) deal.history().get(0);

    assertThat(opened.attributes()).isEqualTo(opening);
    assertThat(opened.attributes()).containsExactly(Map.entry("source", "web"));
    assertThat(opened.owner()).isEqualTo("ana");
    assertThat(opened.amount()).isEqualTo(first.amount());
    assertThat(deal.owner()).isEqualTo("owner" + (edits - 1));
    assertThat(deal.attributes()).hasSize(opening.size() + edits);
  }

  private static boolean fitsInMillis(Instant at) {
    try {
      at.toEpochMilli();
      return true;
    } catch (ArithmeticException e) {
      return false;
    }
  }

  /**
   * Histories of one to nine instants: a start anywhere in Instant's range (explicitly Instant.MIN,
   * Instant.MAX, the epoch, and the edges of epoch millis), then gaps of nanoseconds, seconds, years
   * (explicitly just inside and just beyond the 18-year edge of the compact history, and the
   * 2^28-second edge of whole-second offsets) or centuries,
   * stopping at Instant.MAX.
   */
  static Gen<List<Instant>> instants() {
    Gen<Long> startSecond = Generate.oneOf(
        longs().between(MIN_SECOND, MAX_SECOND),
        longs().between(-4_000_000_000L, 4_000_000_000L),
        Generate.pick(List.of(MIN_SECOND, -1L, 0L, MAX_SECOND - 1_000_000_000L, -9_223_372_036_854_776L,
            9_223_372_036_854_775L, MAX_SECOND)));
    Gen<Integer> nano = Generate.oneOf(integers().between(0, 999_999_999),
        Generate.pick(List.of(0, 1, 999_999_999, 500_000_000)));
    Gen<Long> gapSeconds = Generate.oneOf(Generate.pick(List.of(0L, 1L, 59L)),
        longs().between(0, 86_400L * 400),
        longs().between(500_000_000L, 700_000_000L), // around the 18-year edge
        Generate.pick(List.of(NEAR_SECONDS - 1, NEAR_SECONDS, NEAR_SECONDS + 1)),
        Generate.pick(List.of(COMPACT_SECONDS - 1, COMPACT_SECONDS, COMPACT_SECONDS + 1)),
        longs().between(0, 100_000_000_000L));
    Gen<List<long[]>> gaps = lists().of(gapSeconds.zip(nano, (s, n) -> new long[] {s, n})).ofSizeBetween(0, 8);
    return startSecond.zip(nano, gaps, (start, startNano, list) -> {
      List<Instant> instants = new ArrayList<>();
      Instant at = Instant.ofEpochSecond(start, startNano);
      instants.add(at);
      for (long[] gap : list) {
        long room = MAX_SECOND - at.getEpochSecond() - 1;
        at = at.plusSeconds(Math.min(gap[0], Math.max(room, 0)));
        if (at.getEpochSecond() < MAX_SECOND) {
          at = at.plusNanos(gap[1]);
        }
        instants.add(at);
      }
      record(instants);
      return instants;
    }).describedAs(List::toString);
  }

  private static void record(List<Instant> instants) {
    Instant first = instants.get(0);
    HITS.record("a single event", instants.size() == 1);
    HITS.record("nine events", instants.size() == 9);
    for (int i = 0; i < instants.size(); i++) {
      Instant at = instants.get(i);
      long offset = at.getEpochSecond() - first.getEpochSecond();
      HITS.record("Instant.MIN", at.equals(Instant.MIN));
      HITS.record("Instant.MAX", at.equals(Instant.MAX));
      HITS.record("just inside the 18-year edge", offset >= NEAR_SECONDS - 86_400 && offset < NEAR_SECONDS);
      HITS.record("just beyond the 18-year edge", offset > NEAR_SECONDS && offset <= NEAR_SECONDS + 86_400);
      HITS.record("at the whole-second edge", at.getNano() == first.getNano()
          && offset >= COMPACT_SECONDS - 1 && offset <= COMPACT_SECONDS + 1);
      HITS.record("beyond epoch millis", !fitsInMillis(at));
      HITS.record("same instant twice", i > 0 && at.equals(instants.get(i - 1)));
    }
  }

  /** Up to twelve edits of seven keys, each setting a value or (half of them) removing the key. */
  static Gen<List<String[]>> edits() {
    Gen<String> key = Generate.pick(List.of("a", "b", "c", "d", "e", "segment", "source"));
    Gen<String> value = Generate.pick(List.of("x", "y", "z"));
    Gen<String[]> edit = key.zip(value, booleans().all(), (k, v, remove) -> new String[] {k, remove ? null : v});
    return lists().of(edit).ofSizeBetween(0, 12)
        .describedAs(list -> list.stream().map(java.util.Arrays::toString).toList().toString());
  }
}
