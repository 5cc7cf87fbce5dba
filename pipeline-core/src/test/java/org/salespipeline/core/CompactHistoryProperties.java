package org.salespipeline.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vavr.control.Option;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.salespipeline.core.internal.DealCursor;

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
  @Property(tries = 500)
  void everyInstant_comesBackExact(@ForAll("instants") List<Instant> instants) {
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

  @Property(tries = 300)
  void attributes_behaveAsAnInsertionOrderedMap(@ForAll("edits") List<String[]> edits) {
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

  @Property(tries = 100)
  void openedEvent_keepsItsOwnOpeningValues_afterChanges(
      @ForAll @IntRange(min = 1, max = 5) int edits) {
    Deal first = Fixtures.accepted(Fixtures.STANDARD.open(NewDeal.of("D-2").withOwner("ana")
        .withAmount(Money.of("48000", "EUR")).withAttribute("source", "web"), Fixtures.T0)).deal();
    Deal deal = first;
    Map<String, String> opening = deal.attributes();
    Instant at = Fixtures.T0;
    for (int i = 0; i < edits; i++) {
      at = at.plusSeconds(1);
      deal = Fixtures.accepted(Fixtures.STANDARD.setAttribute(deal, "k" + i, "v" + i, at)).deal();
      deal = Fixtures.accepted(Fixtures.STANDARD.reassign(deal, "owner" + i, at)).deal();
      deal = Fixtures.accepted(Fixtures.STANDARD.changeAmount(deal, Money.of("1" + i, "EUR"), at)).deal();
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

  @Provide
  Arbitrary<List<Instant>> instants() {
    // a start anywhere in Instant's range, then gaps of nanoseconds, seconds, years or centuries
    Arbitrary<Long> startSecond = Arbitraries.oneOf(
        Arbitraries.longs().between(MIN_SECOND, MAX_SECOND),
        Arbitraries.longs().between(-4_000_000_000L, 4_000_000_000L),
        Arbitraries.of(MIN_SECOND, -1L, 0L, MAX_SECOND - 1_000_000_000L, -9_223_372_036_854_776L));
    Arbitrary<Integer> nano = Arbitraries.oneOf(Arbitraries.integers().between(0, 999_999_999),
        Arbitraries.of(0, 1, 999_999_999, 500_000_000));
    Arbitrary<Long> gapSeconds = Arbitraries.oneOf(Arbitraries.of(0L, 1L, 59L),
        Arbitraries.longs().between(0, 86_400L * 400),
        Arbitraries.longs().between(500_000_000L, 700_000_000L), // around the 18-year edge
        Arbitraries.longs().between(0, 100_000_000_000L));
    Arbitrary<List<long[]>> gaps = Arbitraries.oneOf(
        gapSeconds.flatMap(s -> nano.map(n -> new long[] {s, n})).list().ofMaxSize(8));
    return startSecond.flatMap(start -> nano.flatMap(startNano -> gaps.map(list -> {
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
      return instants;
    })));
  }

  @Provide
  Arbitrary<List<String[]>> edits() {
    Arbitrary<String> key = Arbitraries.of("a", "b", "c", "d", "e", "segment", "source");
    Arbitrary<String> value = Arbitraries.oneOf(Arbitraries.of("x", "y", "z"), Arbitraries.just(null));
    return key.flatMap(k -> value.map(v -> new String[] {k, v})).list().ofMaxSize(12);
  }
}
