package org.salespipeline.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.salespipeline.core.DealEvent;

/**
 * Fuzzes {@link EventFormat#read}, the reader of stored event rows: any row gives the event it
 * writes back, or the reader's documented {@link IllegalArgumentException} whose message names the
 * type ({@code type must be one of …}) or the payload ({@code payload …}), never another exception.
 *
 * <p>An input is one stored row as in {@code event-format/events-v1.tsv}: deal id, type, instant
 * and payload separated by tabs. The instant is a typed column of its own (the database never
 * hands the reader an unparseable one), so a cell that is not an instant is read as a fixed one;
 * missing cells are empty.
 *
 * <p>Every build replays the committed corpus in {@code EventFormatFuzzTestInputs/}: every row of
 * the golden file and every bad payload {@link EventFormatTest} knows; {@code ./mvnw -Pfuzz verify}
 * explores from it.
 */
class EventFormatFuzzTest {

  private static final Instant AT = Instant.parse("2026-03-02T09:00:00.123456789Z");

  @FuzzTest
  void read_anyStoredRow_isTheEventItWritesOrTheDocumentedError(byte[] input) {
    String[] cells = new String(input, StandardCharsets.UTF_8).split("\t", 4);
    String dealId = cells[0];
    String type = cells.length > 1 ? cells[1] : "";
    Instant at = instant(cells.length > 2 ? cells[2] : "");
    String payload = cells.length > 3 ? cells[3] : "";

    DealEvent event;
    try {
      event = EventFormat.read(dealId, type, at, payload);
    } catch (IllegalArgumentException e) {
      assertThat(e.getMessage()).matches(message -> message.startsWith("type must be one of ")
          || message.startsWith("payload "), "a documented message naming the type or the payload");
      return;
    }

    assertThat(event.dealId()).isEqualTo(dealId);
    assertThat(event.at()).isEqualTo(at);
    assertThat(EventFormat.typeOf(event)).isEqualTo(type);
    String written = EventFormat.payloadOf(event);
    assertThat(EventFormat.read(dealId, type, at, written)).as("what it reads, it writes and reads back")
        .isEqualTo(event);
    assertThat(EventFormat.payloadOf(EventFormat.read(dealId, type, at, written))).isEqualTo(written);
  }

  private static Instant instant(String cell) {
    try {
      return Instant.parse(cell);
    } catch (DateTimeParseException e) {
      return AT;
    }
  }
}
