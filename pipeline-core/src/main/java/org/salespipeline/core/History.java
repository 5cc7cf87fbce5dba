package org.salespipeline.core;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.salespipeline.core.internal.DealCursor;

/**
 * The compact form of a deal's history, shared between a deal and the deals that evolve from it:
 * the one class that knows the layout. Everything else reads it through {@link #kindAt},
 * {@link #payloadAt}, {@link #instantAt} and the {@link Cursor}.
 *
 * <p>Per event, one mark (the kind and the time since the opening's whole second) and one payload
 * reference. While every event, the opening included, falls on a whole second within about 8 years
 * of the opening, marks are {@code int}s of seconds (exact, and 4 bytes where an instant costs 24);
 * otherwise {@code long}s of nanoseconds, exact for about 18 years, beyond which an event keeps its
 * instant in a {@link Far} payload; the opening's own mark holds its nanoseconds, so that a deal
 * keeps only the opening's second. The kind takes the low bits, as many as {@link DealEvent.Kind}
 * needs, so the number of kinds has no limit (each bit more halves those spans). The deal's status
 * shares an {@code int} with the number of events: with these two, a deal takes 72 bytes, not 80.
 *
 * <p>Payloads by kind: the stage entered (opening, move, win, reopening), a {@link LostTo}, the
 * new probability override or null, the new forecast category override or null, nothing for an activity, and for the fields a deal holds
 * (amount, qualification, expected close, owner, attributes) the value <em>before</em> the event:
 * the value after is the next such event's payload or the deal's field, so a deal needs no copy of
 * its opening values.
 *
 * <p>Sharing: a deal sees the first {@link #size} slots of arrays that may be longer (a deal opens
 * with four compact slots, or two wide ones). Appending
 * claims slot {@code size} with a compare-and-set on its mark (0 means free: only the opening has
 * mark 0) and writes there, so a chain of commands fills one array; a deal whose next slot is taken
 * (it branched: another command was applied to it before) or whose arrays are full copies its
 * slots into new arrays: of the next even length while short (compact arrays of an odd length are
 * padded to the next even one anyway, so every other append of a chain finds a free slot at no
 * cost in memory), larger by a quarter once past {@value #EXACT_UP_TO} events, so appending costs
 * the same at any length. Slots below a deal's size are never written again, and the
 * final fields publish them safely: immutable and thread-safe.
 */
abstract class History {

  private static final DealEvent.Kind[] KINDS = DealEvent.Kind.values();
  /** Kinds are coded from 1, so that only a free slot has mark 0. */
  private static final int KIND_BITS = 32 - Integer.numberOfLeadingZeros(KINDS.length);
  private static final int KIND_MASK = (1 << KIND_BITS) - 1;
  /** Seconds a compact mark holds: its unsigned bits above the kind. */
  private static final long COMPACT_SECONDS = 1L << (32 - KIND_BITS);
  /** The largest offset a wide mark holds; this offset itself means "the instant is in a Far payload". */
  private static final long FAR = Long.MAX_VALUE >>> KIND_BITS;
  private static final long NANOS_PER_SECOND = 1_000_000_000L;
  private static final long NEAR_SECONDS = FAR / NANOS_PER_SECOND;
  /** The slots of a new deal's compact arrays. */
  private static final int OPENING_SLOTS = 4;
  /** Up to this many events, arrays grow to the next even length: no room that costs memory in short histories. */
  private static final int EXACT_UP_TO = 16;
  private static final VarHandle INT_MARK = MethodHandles.arrayElementVarHandle(int[].class);
  private static final VarHandle LONG_MARK = MethodHandles.arrayElementVarHandle(long[].class);

  private static final DealStatus[] STATUSES = DealStatus.values();
  /** The size takes the low bits of {@link #sizeAndStatus}, the deal's status the two above. */
  private static final int SIZE_BITS = 30;
  private static final int SIZE_MASK = (1 << SIZE_BITS) - 1;

  static {
    if (STATUSES.length > 1 << (Integer.SIZE - SIZE_BITS)) { // the sign bit holds one, read by an unsigned shift
      throw new IllegalStateException("bug: a deal's status must fit the two bits above its size");
    }
  }

  /** The whole second of the opening: marks count from it (the opening's nanoseconds are its own mark's). */
  private final long openedSecond;
  /** The number of events and the deal's status in one int: a deal of 72 bytes, not 80. */
  private final int sizeAndStatus;
  /** An int[] of compact marks or a long[] of wide ones; see the class comment. */
  private final Object marks;
  private final @Nullable Object[] payloads;

  /** The history of a deal just opened in the stage; it is open. */
  History(Instant openedAt, String stageId) {
    this.openedSecond = openedAt.getEpochSecond();
    this.sizeAndStatus = sizeAndStatus(1, DealStatus.OPEN);
    // four slots where marks are compact (32 bytes an array, where one or two take 24): most deals get a few events
    // soon, and a chain of commands then fills them without a copy; wide marks get two (an array of one long or two)
    int nano = openedAt.getNano();
    if (nano == 0) {
      int[] compact = new int[OPENING_SLOTS];
      compact[0] = compactMark(DealEvent.Kind.OPENED, 0);
      this.marks = compact;
      this.payloads = new Object[OPENING_SLOTS];
    } else {
      this.marks = new long[] {(long) nano << KIND_BITS | code(DealEvent.Kind.OPENED), 0L};
      this.payloads = new Object[2];
    }
    this.payloads[0] = stageId;
  }

  /**
   * The history of {@code from} with one more event: in its arrays if the slot is free, else
   * copied. Only the common case is here, a compact mark in a free slot, so that the JIT inlines it
   * into every command; copying and wide marks are {@link #appendedMarks}.
   */
  History(History from, DealEvent.Kind kind, Instant at, @Nullable Object payload, DealStatus status) {
    this.openedSecond = from.openedSecond;
    int n = from.size();
    this.sizeAndStatus = sizeAndStatus(n + 1, status);
    long seconds = at.getEpochSecond() - openedSecond;
    if (from.marks instanceof int[] compact && n < compact.length && at.getNano() == 0
        && seconds >= 0 && seconds < COMPACT_SECONDS
        && INT_MARK.compareAndSet(compact, n, 0, compactMark(kind, seconds))) {
      this.marks = compact;
      this.payloads = from.payloads;
      this.payloads[n] = payload;
    } else {
      Object appended = appendedMarks(from, kind, at);
      this.marks = appended;
      this.payloads = appended == from.marks ? from.payloads : Arrays.copyOf(from.payloads, length(appended));
      this.payloads[n] = appended instanceof long[] wide && isFar(wide[n]) ? new Far(at, payload) : payload;
    }
  }

  /**
   * The marks of {@code from} with the event's mark at slot {@code from.size}: {@code from}'s own
   * wide marks if that slot was free, else a copy, grown (see {@link #grown}), compact if the event
   * has a compact mark and {@code from}'s are compact, else wide.
   */
  private static Object appendedMarks(History from, DealEvent.Kind kind, Instant at) {
    int n = from.size();
    long seconds = at.getEpochSecond() - from.openedSecond;
    int nano = at.getNano();
    if (seconds < 0 || (seconds == 0 && nano < from.openedNano())) {
      throw new IllegalStateException("bug: an event at " + at + " before the opening at " + from.openedAt());
    }
    if (from.marks instanceof int[] compact && nano == 0 && seconds < COMPACT_SECONDS) {
      int[] copy = Arrays.copyOf(compact, grown(n));
      copy[n] = compactMark(kind, seconds);
      return copy;
    }
    // below NEAR_SECONDS the offset is always below FAR, so it never reads as the sentinel
    long offset = seconds >= NEAR_SECONDS ? FAR : seconds * NANOS_PER_SECOND + nano;
    long mark = offset << KIND_BITS | code(kind);
    if (from.marks instanceof long[] wide && n < wide.length && LONG_MARK.compareAndSet(wide, n, 0L, mark)) {
      return wide;
    }
    // grown one by one up to EXACT_UP_TO: an odd number of longs would be padding, not spare room
    long[] copy = new long[n < EXACT_UP_TO ? n + 1 : grown(n)];
    if (from.marks instanceof long[] wide) {
      System.arraycopy(wide, 0, copy, 0, n);
    } else {
      int[] compact = (int[]) from.marks;
      for (int i = 0; i < n; i++) {
        copy[i] = widened(compact[i]);
      }
    }
    copy[n] = mark;
    return copy;
  }

  private static int sizeAndStatus(int size, DealStatus status) {
    if (size > SIZE_MASK) {
      throw new IllegalStateException("a deal holds at most " + SIZE_MASK + " events");
    }
    return status.ordinal() << SIZE_BITS | size;
  }

  private static int length(Object marks) {
    return marks instanceof int[] compact ? compact.length : ((long[]) marks).length;
  }

  /**
   * The length of arrays grown past {@code size} slots: the next even number up to
   * {@value #EXACT_UP_TO} (an array of an odd number of ints or references is padded to the next
   * even one anyway, so the spare slot costs nothing), then a quarter more.
   */
  private static int grown(int size) {
    return size < EXACT_UP_TO ? (size + 2) & ~1 : size + (size >> 2);
  }

  private static int code(DealEvent.Kind kind) {
    return kind.ordinal() + 1;
  }

  private static int compactMark(DealEvent.Kind kind, long seconds) {
    return (int) (seconds << KIND_BITS) | code(kind);
  }

  /** A compact mark as a wide one: the same kind, its seconds in nanoseconds. */
  private static long widened(int mark) {
    long seconds = Integer.toUnsignedLong(mark) >>> KIND_BITS;
    return seconds * NANOS_PER_SECOND << KIND_BITS | (mark & KIND_MASK);
  }

  /** The payload of an event too far after the opening for a wide mark: its instant and its payload. */
  record Far(Instant at, @Nullable Object payload) {}

  /** The payload of a loss: the lost stage and the reason, empty when none was given. */
  record LostTo(String stageId, String reason) {}

  /** The payload of an attribute change: the key, and every attribute as they were before (see Attributes). */
  static final class AttributeEdit {
    final String key;
    final String[] before;

    AttributeEdit(String key, String[] before) {
      this.key = key;
      this.before = before;
    }

    /** Written by hand: the attributes are kept as the deal's packed key-value array, compared as maps. */
    @Override
    public boolean equals(Object other) {
      return other instanceof AttributeEdit that && key.equals(that.key)
          && Attributes.view(before).equals(Attributes.view(that.before));
    }

    @Override
    public int hashCode() {
      return key.hashCode();
    }
  }

  // ------------------------------------------------------------------------------------- reads

  /** The number of events: at least 1, the opening. */
  final int size() {
    return sizeAndStatus & SIZE_MASK;
  }

  /** The deal's status after its latest event. */
  final DealStatus lastStatus() {
    return STATUSES[sizeAndStatus >>> SIZE_BITS];
  }

  final long openedSecond() {
    return openedSecond;
  }

  /** The opening's nanoseconds: 0 with compact marks, else its own wide mark's offset from the opening's second. */
  final int openedNano() {
    return marks instanceof int[] ? 0 : (int) (((long[]) marks)[0] >>> KIND_BITS);
  }

  final Instant openedAt() {
    return Instant.ofEpochSecond(openedSecond, openedNano());
  }

  private long wideMark(int index) {
    Objects.checkIndex(index, size());
    return marks instanceof int[] compact ? widened(compact[index]) : ((long[]) marks)[index];
  }

  final DealEvent.Kind kindAt(int index) {
    Objects.checkIndex(index, size());
    int code = marks instanceof int[] compact ? compact[index] & KIND_MASK : (int) ((long[]) marks)[index] & KIND_MASK;
    return KINDS[code - 1];
  }

  /** The event's payload, whether it is near or far. */
  final @Nullable Object payloadAt(int index) {
    Object stored = payloads[Objects.checkIndex(index, size())];
    return stored instanceof Far far ? far.payload() : stored;
  }

  private static boolean isFar(long mark) {
    return mark >>> KIND_BITS == FAR;
  }

  final Instant instantAt(int index) {
    if (marks instanceof int[] compact) {
      Objects.checkIndex(index, size());
      return Instant.ofEpochSecond(openedSecond + (Integer.toUnsignedLong(compact[index]) >>> KIND_BITS));
    }
    long mark = wideMark(index);
    if (isFar(mark)) {
      return ((Far) Objects.requireNonNull(payloads[index])).at();
    }
    long nanos = mark >>> KIND_BITS;
    return Instant.ofEpochSecond(openedSecond + nanos / NANOS_PER_SECOND, nanos % NANOS_PER_SECOND);
  }

  /** Compares the event's instant with {@code other} without making an Instant, if near. */
  final int compareAt(int index, Instant other) {
    long second;
    long nano;
    if (marks instanceof int[] compact) {
      Objects.checkIndex(index, size());
      second = openedSecond + (Integer.toUnsignedLong(compact[index]) >>> KIND_BITS);
      nano = 0;
    } else {
      long mark = wideMark(index);
      if (isFar(mark)) {
        return ((Far) Objects.requireNonNull(payloads[index])).at().compareTo(other);
      }
      long nanos = mark >>> KIND_BITS;
      second = openedSecond + nanos / NANOS_PER_SECOND;
      nano = nanos % NANOS_PER_SECOND;
    }
    int bySecond = Long.compare(second, other.getEpochSecond());
    return bySecond != 0 ? bySecond : Long.compare(nano, other.getNano());
  }

  /** Milliseconds since the epoch, as {@link Instant#toEpochMilli()}, without making an Instant, if near. */
  final long epochMilliAt(int index) {
    long seconds;
    long nano;
    if (marks instanceof int[] compact) {
      Objects.checkIndex(index, size());
      seconds = openedSecond + (Integer.toUnsignedLong(compact[index]) >>> KIND_BITS);
      nano = 0;
    } else {
      long mark = wideMark(index);
      if (isFar(mark)) {
        return ((Far) Objects.requireNonNull(payloads[index])).at().toEpochMilli();
      }
      long nanos = mark >>> KIND_BITS;
      seconds = openedSecond + nanos / NANOS_PER_SECOND;
      nano = nanos % NANOS_PER_SECOND;
    }
    if (seconds < 0 && nano > 0) { // as Instant does, so that the edges overflow alike
      return Math.addExact(Math.multiplyExact(seconds + 1, 1000L), nano / 1_000_000L - 1000L);
    }
    return Math.addExact(Math.multiplyExact(seconds, 1000L), nano / 1_000_000L);
  }

  /** The stage the event at the index put the deal into, or null if it did not change stage. */
  final @Nullable String enteredStageAt(int index) {
    return switch (kindAt(index)) {
      case OPENED, STAGE_CHANGED, WON, REOPENED -> (String) payloadAt(index);
      case LOST -> ((LostTo) Objects.requireNonNull(payloadAt(index))).stageId();
      case AMOUNT_CHANGED, QUALIFICATION_UPDATED, ATTRIBUTE_CHANGED, EXPECTED_CLOSE_CHANGED, PROBABILITY_OVERRIDDEN,
          OWNER_CHANGED, ACTIVITY_RECORDED, FORECAST_CATEGORY_OVERRIDDEN -> null;
    };
  }

  /** The index of the last event of the kind before {@code end}, or -1. */
  final int lastIndexOf(DealEvent.Kind kind, int end) {
    for (int i = end - 1; i >= 0; i--) {
      if (kindAt(i) == kind) {
        return i;
      }
    }
    return -1;
  }

  /** The index of the first event of the kind from {@code start}, or -1. */
  final int firstIndexOf(DealEvent.Kind kind, int start) {
    for (int i = start, size = size(); i < size; i++) {
      if (kindAt(i) == kind) {
        return i;
      }
    }
    return -1;
  }

  /** Whether both histories hold the same events: the same marks and payloads in their first slots. */
  final boolean sameHistory(History that) {
    int size = size();
    if (sizeAndStatus != that.sizeAndStatus || openedSecond != that.openedSecond) {
      return false;
    }
    // the form of the marks is a function of the events, so equal histories have the same form
    boolean marksEqual = marks instanceof int[] compact
        ? that.marks instanceof int[] thatCompact && Arrays.equals(compact, 0, size, thatCompact, 0, size)
        : that.marks instanceof long[] thatWide && Arrays.equals((long[]) marks, 0, size, thatWide, 0, size);
    return marksEqual && Arrays.equals(payloads, 0, size, that.payloads, 0, size);
  }

  final int historyHash() {
    int size = size();
    int hash = size;
    for (int i = 0; i < size; i++) {
      hash = hash * 31 + Long.hashCode(wideMark(i));
    }
    return hash;
  }

  /**
   * The cursor of the library's modules: reads one deal's history in place, event by event.
   * Made only by {@link DealCursor#of(Deal)}, through {@link Deal}'s private factory.
   */
  static final class Cursor extends DealCursor {
    private Deal deal;
    private int index;

    Cursor(Deal deal) {
      this.deal = deal;
    }

    @Override
    public DealCursor on(Deal deal) {
      this.deal = Objects.requireNonNull(deal, "deal");
      this.index = 0;
      return this;
    }

    @Override
    public int size() {
      return deal.size();
    }

    @Override
    public int index() {
      return index;
    }

    @Override
    public DealCursor at(int index) {
      this.index = Objects.checkIndex(index, deal.size());
      return this;
    }

    @Override
    public boolean next() {
      if (index + 1 >= deal.size()) {
        return false;
      }
      index++;
      return true;
    }

    @Override
    public @Nullable String enteredStage() {
      return deal.enteredStageAt(index);
    }

    @Override
    public long epochMilli() {
      return deal.epochMilliAt(index);
    }

    @Override
    public int compareAt(Instant other) {
      return deal.compareAt(index, Objects.requireNonNull(other, "other"));
    }

    @Override
    public @Nullable String attribute(String key) {
      return DealCursor.attributeOf(deal, key);
    }
  }
}
