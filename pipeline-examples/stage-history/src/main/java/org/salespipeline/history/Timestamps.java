package org.salespipeline.history;

import io.vavr.control.Either;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Objects;

/**
 * Reads the instants of a stage-history file and of the command line: an ISO-8601 date
 * ({@code 2024-03-01}, the start of that day in UTC) or date-time ({@code 2024-03-01T10:15},
 * {@code 2024-03-01T10:15:30.5Z}, {@code 2024-03-01T10:15:30+02:00},
 * {@code 2024-03-01T10:15+01:00[Europe/Paris]}); a date-time without offset is UTC. A space instead
 * of the {@code T} is accepted, as many exports write it that way (RFC 3339 allows it).
 *
 * <p>Stateless and thread-safe.
 */
public final class Timestamps {

  private Timestamps() {}

  /**
   * Parses an instant.
   *
   * @param text the text, not null; surrounding spaces are ignored
   * @return the instant, or why the text is not one (naming the text)
   */
  public static Either<BadTimestamp, Instant> parse(String text) {
    Objects.requireNonNull(text, "text");
    String s = text.strip();
    if (s.isEmpty()) {
      return Either.left(new BadTimestamp.Empty());
    }
    try {
      if (s.length() <= 10) {
        return Either.right(LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant());
      }
      if (s.length() > 10 && s.charAt(10) == ' ') {
        s = s.substring(0, 10) + 'T' + s.substring(11);
      }
      TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(s, ZonedDateTime::from, LocalDateTime::from);
      return Either.right(parsed instanceof ZonedDateTime zoned
          ? zoned.toInstant()
          : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException e) {
      return Either.left(new BadTimestamp.NotIso8601(text));
    }
  }
}
