package org.salespipeline.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vavr.control.Option;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.salespipeline.core.DealEvent;
import org.salespipeline.core.ForecastCategory;
import org.salespipeline.core.Money;
import org.salespipeline.core.Qualification;
import org.salespipeline.core.QualificationLevel;

/** The stored form of every event type: round trips, the exact stable text, and clear errors. */
class EventFormatTest {

  static final Instant AT = Instant.parse("2026-03-02T09:00:00.123456789Z");
  static final Qualification QUALIFIED = new Qualification(QualificationLevel.YES, QualificationLevel.NO,
      QualificationLevel.PARTIAL, QualificationLevel.UNKNOWN, QualificationLevel.YES);

  static Stream<DealEvent> everyKindOfEvent() {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("source", "web");
    attributes.put("note", "says \"urgent\" \\ backslash\nnew line\ttab \u0001 ctrl é ünï €");
    return Stream.of(
        new DealEvent.Opened("D-1", "standard", "prospecting", "Fleet renewal", "ACME", "ana",
            Option.some(Money.parse("48000.00", "EUR")), Option.some(LocalDate.of(2026, 6, 30)), QUALIFIED, attributes, AT),
        new DealEvent.Opened("D-1", "standard", "prospecting", "", "", "", Option.none(), Option.none(),
            Qualification.UNKNOWN, Map.of(), AT),
        new DealEvent.StageChanged("D-1", "prospecting", "proposal", AT),
        new DealEvent.Won("D-1", "closing", "won", AT),
        new DealEvent.Lost("D-1", "proposal", "lost", "Price", AT),
        new DealEvent.Lost("D-1", "proposal", "lost", "", AT),
        new DealEvent.Reopened("D-1", "negotiation", AT),
        new DealEvent.AmountChanged("D-1", Option.some(Money.parse("0.125", "USD")), AT),
        new DealEvent.AmountChanged("D-1", Option.some(Money.parse("1500", "JPY")), AT),
        new DealEvent.AmountChanged("D-1", Option.none(), AT),
        new DealEvent.QualificationUpdated("D-1", QUALIFIED, AT),
        new DealEvent.AttributeChanged("D-1", "segment", Option.some("SMB"), AT),
        new DealEvent.AttributeChanged("D-1", "segment", Option.none(), AT),
        new DealEvent.ExpectedCloseChanged("D-1", Option.some(LocalDate.of(2027, 1, 15)), AT),
        new DealEvent.ExpectedCloseChanged("D-1", Option.none(), AT),
        new DealEvent.ProbabilityOverridden("D-1", Option.some(0.1 + 0.2), AT),
        new DealEvent.ProbabilityOverridden("D-1", Option.none(), AT),
        new DealEvent.OwnerChanged("D-1", "bo", AT),
        new DealEvent.ActivityRecorded("D-1", AT),
        new DealEvent.ForecastCategoryOverridden("D-1", Option.some(ForecastCategory.COMMIT), AT),
        new DealEvent.ForecastCategoryOverridden("D-1", Option.none(), AT));
  }

  static DealEvent roundTrip(DealEvent event) {
    return EventFormat.read(event.dealId(), EventFormat.typeOf(event), event.at(), EventFormat.payloadOf(event));
  }

  @ParameterizedTest
  @MethodSource("everyKindOfEvent")
  void read_ofWrittenEvent_isEqualToIt(DealEvent event) {
    assertThat(roundTrip(event)).isEqualTo(event);
  }

  @Test
  void typeOf_everyEventTypeOfTheLibrary_hasItsOwnStoredName() {
    Set<Class<?>> permitted = Set.copyOf(Arrays.asList(DealEvent.class.getPermittedSubclasses()));
    List<DealEvent> samples = everyKindOfEvent().toList();

    assertThat(samples.stream().map(Object::getClass).collect(Collectors.toSet())).isEqualTo(permitted);
    assertThat(samples.stream().map(EventFormat::typeOf).distinct()).containsExactlyElementsOf(EventFormat.TYPES);
  }

  @Test
  void payloadOf_opened_isThisExactText() {
    // the format is a contract with every row a vendor already stored: this text must never change
    DealEvent opened = new DealEvent.Opened("D-1", "standard", "prospecting", "Fleet renewal", "ACME", "ana",
        Option.some(Money.parse("48000", "EUR")), Option.some(LocalDate.of(2026, 6, 30)), QUALIFIED,
        Map.of("source", "web"), AT);

    assertThat(EventFormat.payloadOf(opened)).isEqualTo("{\"pipelineId\":\"standard\",\"stageId\":\"prospecting\","
        + "\"title\":\"Fleet renewal\",\"account\":\"ACME\",\"owner\":\"ana\",\"amount\":\"48000.00\","
        + "\"currency\":\"EUR\",\"expectedClose\":\"2026-06-30\",\"qualification\":{\"budget\":\"YES\","
        + "\"authority\":\"NO\",\"need\":\"PARTIAL\",\"timeline\":\"UNKNOWN\",\"interest\":\"YES\"},"
        + "\"attributes\":{\"source\":\"web\"}}");
  }

  @Test
  void payloadOf_otherTypes_isThisExactText() {
    assertThat(EventFormat.payloadOf(new DealEvent.StageChanged("D-1", "prospecting", "proposal", AT)))
        .isEqualTo("{\"fromStageId\":\"prospecting\",\"toStageId\":\"proposal\"}");
    assertThat(EventFormat.payloadOf(new DealEvent.Lost("D-1", "proposal", "lost", "Price", AT)))
        .isEqualTo("{\"fromStageId\":\"proposal\",\"lostStageId\":\"lost\",\"reason\":\"Price\"}");
    assertThat(EventFormat.payloadOf(new DealEvent.AmountChanged("D-1", Option.none(), AT)))
        .isEqualTo("{\"amount\":null,\"currency\":null}");
    assertThat(EventFormat.payloadOf(new DealEvent.ProbabilityOverridden("D-1", Option.some(0.35), AT)))
        .isEqualTo("{\"probability\":\"0.35\"}");
    assertThat(EventFormat.payloadOf(new DealEvent.ActivityRecorded("D-1", AT))).isEqualTo("{}");
    assertThat(EventFormat.payloadOf(new DealEvent.ForecastCategoryOverridden("D-1",
        Option.some(ForecastCategory.BEST_CASE), AT))).isEqualTo("{\"forecastCategory\":\"BEST_CASE\"}");
  }

  @Test
  void payloadOf_controlAndNonAsciiCharacters_keepTheEscapesOfVersion1() {
    // version 1 wrote backspace and form feed as hex escapes, hex in lower case, and nothing above 0x1f escaped
    DealEvent event = new DealEvent.AttributeChanged("D-1", "k", Option.some("\b\f\u001b\u007f/\u2028\uD83D\uDE00"), AT);

    assertThat(EventFormat.payloadOf(event))
        .isEqualTo("{\"key\":\"k\",\"value\":\"\\u0008\\u000c\\u001b\u007f/\u2028\uD83D\uDE00\"}");
    assertThat(roundTrip(event)).isEqualTo(event);
  }

  @Test
  void read_amount_keepsEveryDigitAndTheScale() {
    DealEvent read = EventFormat.read("D-1", "AmountChanged", AT, "{\"amount\":\"0.125\",\"currency\":\"USD\"}");

    Money amount = ((DealEvent.AmountChanged) read).amount().get();
    assertThat(amount.amount()).isEqualByComparingTo("0.125");
    assertThat(amount.amount().scale()).isEqualTo(3);
  }

  @Test
  void read_unknownMember_isIgnoredSoNewerWritersStayReadable() {
    DealEvent read = EventFormat.read("D-1", "OwnerChanged", AT, "{ \"owner\" : \"bo\", \"team\": {\"name\":\"EMEA\"} }");

    assertThat(read).isEqualTo(new DealEvent.OwnerChanged("D-1", "bo", AT));
  }

  @Test
  void read_missingMember_namesTheTypeAndTheMember() {
    assertThatThrownBy(() -> EventFormat.read("D-1", "StageChanged", AT, "{\"fromStageId\":\"prospecting\"}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("payload of a StageChanged event: 'toStageId' is missing");
  }

  @Test
  void read_nullWhereRequired_namesTheMember() {
    assertThatThrownBy(() -> EventFormat.read("D-1", "OwnerChanged", AT, "{\"owner\":null}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("payload of a OwnerChanged event: 'owner' must not be null");
  }

  @Test
  void read_amountWithoutCurrency_isRefused() {
    assertThatThrownBy(() -> EventFormat.read("D-1", "AmountChanged", AT, "{\"amount\":\"10\",\"currency\":null}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("amount' and currency must both be set or both be null");
  }

  @Test
  void read_badValues_nameTheMemberAndTheValue() {
    assertThatThrownBy(() -> EventFormat.read("D-1", "AmountChanged", AT, "{\"amount\":\"ten\",\"currency\":\"USD\"}"))
        .hasMessageContaining("'amount' must be a decimal");
    assertThatThrownBy(() -> EventFormat.read("D-1", "AmountChanged", AT, "{\"amount\":\"10\",\"currency\":\"XYZ1\"}"))
        .hasMessageContaining("'XYZ1'");
    assertThatThrownBy(() -> EventFormat.read("D-1", "ExpectedCloseChanged", AT, "{\"expectedClose\":\"30/06/2026\"}"))
        .hasMessageContaining("'expectedClose' must be an ISO-8601 date");
    assertThatThrownBy(() -> EventFormat.read("D-1", "QualificationUpdated", AT,
        "{\"qualification\":{\"budget\":\"MAYBE\",\"authority\":\"NO\",\"need\":\"NO\",\"timeline\":\"NO\",\"interest\":\"NO\"}}"))
        .hasMessageContaining("'qualification.budget' must be one of UNKNOWN, NO, PARTIAL, YES but was MAYBE");
    assertThatThrownBy(() -> EventFormat.read("D-1", "ForecastCategoryOverridden", AT,
        "{\"forecastCategory\":\"MOST_LIKELY\"}"))
        .hasMessage("payload of a ForecastCategoryOverridden event: 'forecastCategory' must be one of"
            + " [PIPELINE, BEST_CASE, COMMIT, CLOSED, OMITTED] but was MOST_LIKELY");
  }

  @Test
  void read_unknownType_namesItAndTheKnownOnes() {
    assertThatThrownBy(() -> EventFormat.read("D-1", "Merged", AT, "{}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("type must be one of [Opened, StageChanged")
        .hasMessageEndingWith("but was 'Merged'");
  }

  @Test
  void read_malformedJson_namesThePosition() {
    assertThatThrownBy(() -> EventFormat.read("D-1", "OwnerChanged", AT, "{\"owner\":\"bo\""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected more payload at position 13");
    assertThatThrownBy(() -> EventFormat.read("D-1", "OwnerChanged", AT, "{\"owner\":42}"))
        .hasMessageContaining("expected a string, null or an object at position 9");
    assertThatThrownBy(() -> EventFormat.read("D-1", "OwnerChanged", AT, "{\"owner\":\"bo\"} x"))
        .hasMessageContaining("expected end of payload at position 15");
    assertThatThrownBy(() -> EventFormat.read("D-1", "OwnerChanged", AT, "{\"owner\":\"a\",\"owner\":\"b\"}"))
        .hasMessageContaining("no duplicate member 'owner'");
  }
}
