package org.salespipeline.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.DealEvent;

/**
 * Event files written by version 1 of the event format still read, and write back byte for byte:
 * {@code event-format/events-v1.tsv} (deal id, type, instant, payload per line) was written by the
 * hand-written JSON code the format began with, before the codec moved to Jackson, and is never
 * regenerated. A change that breaks a stored event fails here.
 */
class EventFormatGoldenTest {

  private static List<String> goldenLines() throws IOException {
    try (InputStream in = EventFormatGoldenTest.class.getResourceAsStream("/event-format/events-v1.tsv")) {
      assertThat(in).as("the committed golden file").isNotNull();
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(text).endsWith("\n");
      return List.of(text.split("\n"));
    }
  }

  @Test
  void storedV1Events_readAsTheEventsTheyWereWrittenFrom() throws IOException {
    List<DealEvent> read = new ArrayList<>();
    for (String line : goldenLines()) {
      String[] cells = line.split("\t", 4);
      read.add(EventFormat.read(cells[0], cells[1], Instant.parse(cells[2]), cells[3]));
    }

    assertThat(read).containsExactlyElementsOf(EventFormatTest.everyKindOfEvent().toList());
  }

  @Test
  void storedV1Events_writeBackByteIdentical() throws IOException {
    for (String line : goldenLines()) {
      String[] cells = line.split("\t", 4);
      DealEvent event = EventFormat.read(cells[0], cells[1], Instant.parse(cells[2]), cells[3]);

      assertThat(event.dealId() + "\t" + EventFormat.typeOf(event) + "\t" + event.at() + "\t"
          + EventFormat.payloadOf(event)).isEqualTo(line);
    }
  }

  @Test
  void goldenFile_coversEveryEventType() throws IOException {
    assertThat(goldenLines().stream().map(line -> line.split("\t", 4)[1]).distinct())
        .containsExactlyInAnyOrderElementsOf(EventFormat.TYPES);
  }
}
