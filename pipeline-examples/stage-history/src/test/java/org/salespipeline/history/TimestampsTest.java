package org.salespipeline.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampsTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "2024-03-01                          | 2024-03-01T00:00:00Z",
      "2024-03-01T10:15                    | 2024-03-01T10:15:00Z",
      "2024-03-01T10:15:30                 | 2024-03-01T10:15:30Z",
      "2024-03-01T10:15:30.250             | 2024-03-01T10:15:30.250Z",
      "2024-03-01T10:15:30Z                | 2024-03-01T10:15:30Z",
      "2024-03-01T10:15:30+02:00           | 2024-03-01T08:15:30Z",
      "2024-03-01T00:30-05:00              | 2024-03-01T05:30:00Z",
      "2024-07-01T10:15+02:00[Europe/Paris] | 2024-07-01T08:15:00Z",
      "2024-03-01 10:15:30                 | 2024-03-01T10:15:30Z",
      "' 2024-03-01 '                      | 2024-03-01T00:00:00Z"})
  void parse_isoDateOrDateTime_givesTheInstantUtcWhenNoOffset(String text, String expected) {
    assertThat(Timestamps.parse(text).get()).isEqualTo(Instant.parse(expected));
  }

  @ParameterizedTest
  @ValueSource(strings = {"01/03/2024", "2024-13-01", "2024-03-01T25:00", "yesterday", "2024-03-01T10:15+0200"})
  void parse_notIso_isLeftNamingTheText(String text) {
    assertThat(Timestamps.parse(text).getLeft()).isEqualTo(new BadTimestamp.NotIso8601(text))
        .satisfies(bad -> assertThat(bad.code()).isEqualTo("NOT_ISO_8601"))
        .satisfies(bad -> assertThat(bad.message()).startsWith("'" + text + "' is not an ISO-8601 date"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   "})
  void parse_empty_isLeft(String text) {
    assertThat(Timestamps.parse(text).getLeft()).isEqualTo(new BadTimestamp.Empty())
        .satisfies(bad -> assertThat(bad.code()).isEqualTo("EMPTY_TIMESTAMP"))
        .satisfies(bad -> assertThat(bad.message()).isEqualTo("empty date"));
  }
}
