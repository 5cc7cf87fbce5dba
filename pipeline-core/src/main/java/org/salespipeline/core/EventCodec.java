package org.salespipeline.core;

import io.vavr.control.Option;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The compact form of a deal's history: per event, one {@code long} mark (the kind and the time)
 * and one payload reference (what the event carries beyond the deal, its kind and its time).
 *
 * <p>A mark holds the kind in its low {@value #KIND_BITS} bits and, above them, the nanoseconds
 * since the deal was opened: exact, and enough for {@value #NEAR_YEARS} years. An event further
 * from the opening keeps its instant in a {@link Far} payload instead. Stage ids, reasons and
 * values are the very objects the events carry, so a history costs about 12 bytes per event plus
 * whatever the event adds, where the events themselves cost 50 to 80.
 *
 * <p>Payloads by kind (the value after the event unless said): Opened, the stage it starts in;
 * stage changed, won and reopened, the stage entered; lost, a {@link LostTo}; amount, the
 * {@link Money} or null; qualification, the {@link Qualification}; attribute, an
 * {@link AttributeEdit}; expected close, the {@link LocalDate} or null; probability, the
 * {@link Double} or null; owner, the owner; activity, null.
 */
final class EventCodec {

  static final int OPENED = 0;
  static final int STAGE_CHANGED = 1;
  static final int WON = 2;
  static final int LOST = 3;
  static final int REOPENED = 4;
  static final int AMOUNT = 5;
  static final int QUALIFICATION = 6;
  static final int ATTRIBUTE = 7;
  static final int EXPECTED_CLOSE = 8;
  static final int PROBABILITY = 9;
  static final int OWNER = 10;
  static final int ACTIVITY = 11;

  private static final int KIND_BITS = 4;
  private static final long KIND_MASK = (1L << KIND_BITS) - 1;
  /** The largest offset a mark holds; this offset itself means "the instant is in a Far payload". */
  private static final long FAR = Long.MAX_VALUE >>> KIND_BITS;
  private static final long NANOS_PER_SECOND = 1_000_000_000L;
  private static final long NEAR_SECONDS = FAR / NANOS_PER_SECOND;
  static final int NEAR_YEARS = 18;

  private EventCodec() {}

  /** The payload of an event more than {@value #NEAR_YEARS} years after the opening. */
  record Far(Instant at, @Nullable Object payload) {}

  /** The payload of a loss: the lost stage and the reason, empty when none was given. */
  record LostTo(String stageId, String reason) {}

  /** The payload of an attribute change: the key and its new value, null when cleared. */
  record AttributeEdit(String key, @Nullable String value) {}

  static int kindOf(DealEvent e) {
    if (e instanceof DealEvent.StageChanged) {
      return STAGE_CHANGED;
    } else if (e instanceof DealEvent.Won) {
      return WON;
    } else if (e instanceof DealEvent.Lost) {
      return LOST;
    } else if (e instanceof DealEvent.Reopened) {
      return REOPENED;
    } else if (e instanceof DealEvent.AmountChanged) {
      return AMOUNT;
    } else if (e instanceof DealEvent.QualificationUpdated) {
      return QUALIFICATION;
    } else if (e instanceof DealEvent.AttributeChanged) {
      return ATTRIBUTE;
    } else if (e instanceof DealEvent.ExpectedCloseChanged) {
      return EXPECTED_CLOSE;
    } else if (e instanceof DealEvent.ProbabilityOverridden) {
      return PROBABILITY;
    } else if (e instanceof DealEvent.OwnerChanged) {
      return OWNER;
    } else if (e instanceof DealEvent.ActivityRecorded) {
      return ACTIVITY;
    } else if (e instanceof DealEvent.Opened) {
      return OPENED;
    }
    throw new IllegalStateException("bug: unknown event " + e);
  }

  /** What the event carries beyond its deal, kind and time. */
  static @Nullable Object payloadOf(DealEvent e) {
    if (e instanceof DealEvent.StageChanged moved) {
      return moved.toStageId();
    } else if (e instanceof DealEvent.Won won) {
      return won.wonStageId();
    } else if (e instanceof DealEvent.Lost lost) {
      return new LostTo(lost.lostStageId(), lost.reason());
    } else if (e instanceof DealEvent.Reopened reopened) {
      return reopened.toStageId();
    } else if (e instanceof DealEvent.AmountChanged changed) {
      return changed.amount().getOrNull();
    } else if (e instanceof DealEvent.QualificationUpdated updated) {
      return updated.qualification();
    } else if (e instanceof DealEvent.AttributeChanged changed) {
      return new AttributeEdit(changed.key(), changed.value().getOrNull());
    } else if (e instanceof DealEvent.ExpectedCloseChanged changed) {
      return changed.expectedClose().getOrNull();
    } else if (e instanceof DealEvent.ProbabilityOverridden overridden) {
      return overridden.probability().getOrNull();
    } else if (e instanceof DealEvent.OwnerChanged changed) {
      return changed.owner();
    } else if (e instanceof DealEvent.ActivityRecorded) {
      return null;
    } else if (e instanceof DealEvent.Opened opened) {
      return opened.stageId();
    }
    throw new IllegalStateException("bug: unknown event " + e);
  }

  /** The mark of an event of this kind at {@code at}; {@link #stored} gives the payload to keep. */
  static long mark(int kind, long openedSecond, int openedNano, Instant at) {
    long seconds = at.getEpochSecond() - openedSecond;
    if (seconds < 0 || (seconds == 0 && at.getNano() < openedNano)) {
      throw new IllegalStateException("bug: an event at " + at + " before the opening at "
          + Instant.ofEpochSecond(openedSecond, openedNano));
    }
    // below NEAR_SECONDS the offset is always below FAR, so it never reads as the sentinel
    long offset = seconds >= NEAR_SECONDS ? FAR : seconds * NANOS_PER_SECOND + at.getNano() - openedNano;
    return offset << KIND_BITS | kind;
  }

  /** The payload to keep for a mark: the event's payload, wrapped with its instant if far. */
  static @Nullable Object stored(long mark, Instant at, @Nullable Object payload) {
    return isFar(mark) ? new Far(at, payload) : payload;
  }

  static int kind(long mark) {
    return (int) (mark & KIND_MASK);
  }

  private static boolean isFar(long mark) {
    return mark >>> KIND_BITS == FAR;
  }

  /** The event's payload, whether it is near or far. */
  static @Nullable Object payload(long mark, @Nullable Object stored) {
    return isFar(mark) ? ((Far) Objects.requireNonNull(stored)).payload() : stored;
  }

  static Instant at(long openedSecond, int openedNano, long mark, @Nullable Object stored) {
    if (isFar(mark)) {
      return ((Far) Objects.requireNonNull(stored)).at();
    }
    long nanos = openedNano + (mark >>> KIND_BITS);
    return Instant.ofEpochSecond(openedSecond + nanos / NANOS_PER_SECOND, nanos % NANOS_PER_SECOND);
  }

  /** Compares the event's instant with {@code other} without making an Instant, if near. */
  static int compareAt(long openedSecond, int openedNano, long mark, @Nullable Object stored, Instant other) {
    if (isFar(mark)) {
      return ((Far) Objects.requireNonNull(stored)).at().compareTo(other);
    }
    long nanos = openedNano + (mark >>> KIND_BITS);
    int bySecond = Long.compare(openedSecond + nanos / NANOS_PER_SECOND, other.getEpochSecond());
    return bySecond != 0 ? bySecond : Long.compare(nanos % NANOS_PER_SECOND, other.getNano());
  }

  /** Milliseconds since the epoch, as {@link Instant#toEpochMilli()}, without making an Instant, if near. */
  static long epochMilli(long openedSecond, int openedNano, long mark, @Nullable Object stored) {
    if (isFar(mark)) {
      return ((Far) Objects.requireNonNull(stored)).at().toEpochMilli();
    }
    long nanos = openedNano + (mark >>> KIND_BITS);
    long seconds = openedSecond + nanos / NANOS_PER_SECOND;
    long nano = nanos % NANOS_PER_SECOND;
    if (seconds < 0 && nano > 0) { // as Instant does, so that the edges overflow alike
      return Math.addExact(Math.multiplyExact(seconds + 1, 1000L), nano / 1_000_000L - 1000L);
    }
    return Math.addExact(Math.multiplyExact(seconds, 1000L), nano / 1_000_000L);
  }

  /** The stage an event of this kind and payload puts the deal into, or null if none. */
  static @Nullable String enteredStage(int kind, @Nullable Object payload) {
    return switch (kind) {
      case OPENED, STAGE_CHANGED, WON, REOPENED -> (String) payload;
      case LOST -> ((LostTo) Objects.requireNonNull(payload)).stageId();
      default -> null;
    };
  }

  @SuppressWarnings("unchecked")
  static <T> Option<T> option(@Nullable Object payload) {
    return Option.of((T) payload);
  }
}
