package org.salespipeline.history;

import java.util.Objects;

/**
 * Why a text is not an instant {@link Timestamps#parse} reads: it is empty, or it is not ISO-8601.
 * Each case has a stable {@link #code()} and a {@link #message()} naming the text.
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface BadTimestamp {

  /**
   * Returns the stable code of the case.
   *
   * @return {@code EMPTY_TIMESTAMP} or {@code NOT_ISO_8601}
   */
  String code();

  /**
   * Returns the one-line sentence a user reads.
   *
   * @return the message, never null
   */
  String message();

  /** The text was empty or only spaces. */
  record Empty() implements BadTimestamp {

    @Override
    public String code() {
      return "EMPTY_TIMESTAMP";
    }

    @Override
    public String message() {
      return "empty date";
    }
  }

  /**
   * The text is neither an ISO-8601 date nor a date-time.
   *
   * @param text the text as given, not null
   */
  record NotIso8601(String text) implements BadTimestamp {

    /**
     * Creates the value.
     *
     * @param text the text as given, not null
     */
    public NotIso8601 {
      Objects.requireNonNull(text, "text");
    }

    @Override
    public String code() {
      return "NOT_ISO_8601";
    }

    @Override
    public String message() {
      return "'" + text + "' is not an ISO-8601 date (2024-03-01) or date-time (2024-03-01T10:15:30Z)";
    }
  }
}
