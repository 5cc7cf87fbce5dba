package org.salespipeline.metrics;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Currency;
import java.util.HexFormat;
import java.util.zip.CRC32;
import org.salespipeline.core.Money;
import org.salespipeline.core.Pipeline;
import org.salespipeline.core.Stage;
import org.salespipeline.metrics.InvalidPartialResultException.Problem;
import org.salespipeline.metrics.internal.LongSamples;

/**
 * The wire form of a partial result ({@link Accumulator}): what crosses a process boundary between
 * the partitions of a distributed calculation.
 *
 * <p>Layout, big-endian: the magic {@code "SPPR"} (4 bytes), the format version (2 bytes), the
 * fingerprint of the pipeline and query (8 bytes), the payload's length (4 bytes), the payload, and
 * the CRC-32 of everything before it (4 bytes). The payload is explicit fields in a fixed order
 * (counts as unsigned LEB128 varints, signed values zig-zag encoded, sorted samples as deltas),
 * written by each part of the accumulator for itself. Whatever is kept in a hash map is written in
 * sorted order and samples are written sorted, so equal states give equal bytes.
 *
 * <p>Reading checks, in order: the magic, the version, the exact length, the checksum, the
 * fingerprint, then every field as it is read (a count never exceeds the bytes left, a varint is
 * minimal, a stage index is within the pipeline, a currency is known, the counts agree with each
 * other) and that the payload is read to its last byte. Any failure throws
 * {@link InvalidPartialResultException}: bad bytes never become a partial result.
 *
 * <p>The fingerprint is the 64-bit FNV-1a hash of what fixes the partial result's
 * meaning: the pipeline's id and its stages (ids, kinds, probabilities, rotting thresholds in
 * order) and the query's as-of instant, window, grouping name, trend unit and zone, forecast
 * period, and whether it has a probability function or a converter (and the converter's target).
 * The functions themselves cannot be compared: two queries whose grouping has the same name or
 * whose probability functions differ are indistinguishable here.
 */
final class PartialResultFormat {

  /** Version 1: the first. A reader reads exactly the versions it knows. */
  static final int VERSION = 1;
  private static final byte[] MAGIC = {'S', 'P', 'P', 'R'};
  private static final int HEADER = MAGIC.length + 2 + 8 + 4;
  private static final int TRAILER = 4;

  private PartialResultFormat() {}

  static byte[] write(Accumulator accumulator, Pipeline pipeline, MetricsQuery query) {
    Out payload = new Out();
    accumulator.writeTo(payload);
    Out all = new Out();
    all.raw(MAGIC);
    all.fixed(VERSION, 2);
    all.raw(fingerprint(pipeline, query));
    all.fixed(payload.size, 4);
    all.raw(payload.bytes, payload.size);
    CRC32 crc = new CRC32();
    crc.update(all.bytes, 0, all.size);
    all.fixed(crc.getValue(), 4);
    return Arrays.copyOf(all.bytes, all.size);
  }

  /** Checks the header, length, checksum and fingerprint, then fills the accumulator from the payload. */
  static void read(byte[] bytes, Accumulator into, Pipeline pipeline, MetricsQuery query) {
    if (bytes.length < MAGIC.length || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
      throw new InvalidPartialResultException(Problem.NOT_A_PARTIAL_RESULT, "bytes are not a metrics partial result:"
          + " they do not start with \"SPPR\" (" + bytes.length + " bytes)");
    }
    if (bytes.length < HEADER + TRAILER) {
      throw corrupted("it has " + bytes.length + " bytes, fewer than the " + (HEADER + TRAILER) + " of an empty one");
    }
    int version = (int) fixedAt(bytes, MAGIC.length, 2);
    if (version != VERSION) {
      throw new InvalidPartialResultException(Problem.UNSUPPORTED_VERSION, "partial result has format version "
          + version + " but this library reads version " + VERSION + " only; read it with the library version that"
          + " wrote it");
    }
    long length = fixedAt(bytes, MAGIC.length + 10, 4);
    if (length != bytes.length - HEADER - TRAILER) {
      throw corrupted("its header announces " + length + " bytes of figures but " + (bytes.length - HEADER - TRAILER)
          + " follow: it is truncated or has bytes appended");
    }
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, bytes.length - TRAILER);
    if (crc.getValue() != fixedAt(bytes, bytes.length - TRAILER, 4)) {
      throw corrupted("its checksum does not match: bytes were changed on the way");
    }
    byte[] expected = fingerprint(pipeline, query);
    if (!Arrays.equals(bytes, MAGIC.length + 2, MAGIC.length + 10, expected, 0, 8)) {
      throw new InvalidPartialResultException(Problem.OTHER_PIPELINE_OR_QUERY, "partial result was computed for"
          + " another pipeline or query (fingerprint "
          + HexFormat.of().formatHex(bytes, MAGIC.length + 2, MAGIC.length + 10) + ", but pipeline '" + pipeline.id()
          + "' with query " + query + " has " + HexFormat.of().formatHex(expected) + "); read it with the pipeline"
          + " and query it was computed with");
    }
    In in = new In(bytes, HEADER, bytes.length - TRAILER);
    into.readFrom(in);
    in.end();
  }

  static InvalidPartialResultException corrupted(String why) {
    return new InvalidPartialResultException(Problem.CORRUPTED, "partial result is truncated or corrupted: " + why);
  }

  private static long fixedAt(byte[] bytes, int at, int width) {
    long value = 0;
    for (int i = 0; i < width; i++) {
      value = value << 8 | (bytes[at + i] & 0xff);
    }
    return value;
  }

  static byte[] fingerprint(Pipeline pipeline, MetricsQuery query) {
    Out f = new Out();
    f.string(pipeline.id());
    f.unsigned(pipeline.stages().size());
    for (Stage stage : pipeline.stages()) {
      f.string(stage.id());
      f.string(stage.kind().name());
      f.raw64(Double.doubleToLongBits(stage.probability()));
      f.flag(stage.rottingAfter().isDefined());
      stage.rottingAfter().forEach(d -> duration(f, d));
    }
    instant(f, query.asOf());
    f.flag(query.window().isDefined());
    query.window().forEach(w -> {
      instant(f, w.from());
      instant(f, w.to());
    });
    f.flag(query.grouping().isDefined());
    query.grouping().forEach(g -> f.string(g.name()));
    f.flag(query.probability().isDefined());
    f.flag(query.converter().isDefined());
    query.converter().forEach(c -> f.string(c.target().getCurrencyCode()));
    f.flag(query.trends().isDefined());
    query.trends().forEach(unit -> {
      f.string(unit.name());
      f.string(query.zone().getId());
    });
    f.flag(query.forecastPeriod().isDefined());
    query.forecastPeriod().forEach(p -> {
      f.signed(p.start().toEpochDay());
      f.signed(p.end().toEpochDay());
    });
    long hash = 0xcbf29ce484222325L; // FNV-1a, 64 bits: against mistakes, not against forgery
    for (int i = 0; i < f.size; i++) {
      hash = (hash ^ (f.bytes[i] & 0xff)) * 0x100000001b3L;
    }
    Out bytes = new Out();
    bytes.raw64(hash);
    return Arrays.copyOf(bytes.bytes, 8);
  }

  private static void instant(Out out, Instant instant) {
    out.signed(instant.getEpochSecond());
    out.unsigned(instant.getNano());
  }

  private static void duration(Out out, Duration duration) {
    out.signed(duration.getSeconds());
    out.unsigned(duration.getNano());
  }

  /** A growing byte array written field by field. */
  static final class Out {

    private byte[] bytes = new byte[256];
    private int size;

    private void ensure(int more) {
      if (size + more > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(size + more, bytes.length * 2));
      }
    }

    private void raw(byte[] b) {
      raw(b, b.length);
    }

    void raw(byte[] b, int length) {
      ensure(length);
      System.arraycopy(b, 0, bytes, size, length);
      size += length;
    }

    private void fixed(long value, int width) {
      ensure(width);
      for (int i = width - 1; i >= 0; i--) {
        bytes[size++] = (byte) (value >>> (8 * i));
      }
    }

    void raw64(long value) {
      fixed(value, 8);
    }

    void flag(boolean value) {
      ensure(1);
      bytes[size++] = (byte) (value ? 1 : 0);
    }

    /** An unsigned LEB128 varint: 7 bits a byte, the high bit set on every byte but the last. */
    void unsigned(long value) {
      ensure(10);
      long v = value;
      while ((v & ~0x7fL) != 0) {
        bytes[size++] = (byte) ((v & 0x7f) | 0x80);
        v >>>= 7;
      }
      bytes[size++] = (byte) v;
    }

    /** A signed value, zig-zag encoded so that small magnitudes take few bytes. */
    void signed(long value) {
      unsigned((value << 1) ^ (value >> 63));
    }

    /** The chars of a string, each as a varint: exact for every string, one byte a char for ASCII. */
    void string(String s) {
      unsigned(s.length());
      for (int i = 0; i < s.length(); i++) {
        unsigned(s.charAt(i));
      }
    }

    void decimal(BigDecimal value) {
      signed(value.scale());
      byte[] unscaled = value.unscaledValue().toByteArray();
      unsigned(unscaled.length);
      raw(unscaled);
    }

    void currency(Currency currency) {
      string(currency.getCurrencyCode());
    }

    void money(Money money) {
      currency(money.currency());
      decimal(money.amount());
    }

    /** A sample as its sorted values: the first, then the (unsigned) differences. */
    void samples(LongSamples samples) {
      long[] sorted = samples.sorted();
      unsigned(sorted.length);
      long previous = 0;
      for (int i = 0; i < sorted.length; i++) {
        if (i == 0) {
          signed(sorted[0]);
        } else {
          unsigned(sorted[i] - previous);
        }
        previous = sorted[i];
      }
    }
  }

  /** Reads fields back from a byte array, each read checked against the bytes left. */
  static final class In {

    /** How many characters of a bad text an error message shows. */
    private static final int QUOTED = 16;

    private static final int MAX_DECIMAL_BYTES = 4096;
    private static final int MAX_DECIMAL_SCALE = 10_000;

    private final byte[] bytes;
    private int at;
    private final int end;

    In(byte[] bytes, int from, int end) {
      this.bytes = bytes;
      this.at = from;
      this.end = end;
    }

    private void end() {
      if (at != end) {
        throw corrupted((end - at) + " bytes are left after the last figure");
      }
    }

    private byte next() {
      if (at >= end) {
        throw corrupted("it ends in the middle of a figure");
      }
      return bytes[at++];
    }

    long raw64() {
      long value = 0;
      for (int i = 0; i < 8; i++) {
        value = value << 8 | (next() & 0xff);
      }
      return value;
    }

    boolean flag() {
      byte b = next();
      if (b != 0 && b != 1) {
        throw corrupted("a flag is " + b + ", not 0 or 1");
      }
      return b == 1;
    }

    long unsigned() {
      long value = 0;
      for (int shift = 0; ; shift += 7) {
        byte b = next();
        if (shift == 63 && (b & 0xfe) != 0) {
          throw corrupted("a number is longer than 64 bits");
        }
        value |= (long) (b & 0x7f) << shift;
        if (b >= 0) {
          if (b == 0 && shift > 0) {
            throw corrupted("a number is not in its shortest form");
          }
          return value;
        }
      }
    }

    long signed() {
      long z = unsigned();
      return (z >>> 1) ^ -(z & 1);
    }

    /** A count or a figure that cannot be negative. */
    long count(String what) {
      long value = unsigned();
      if (value < 0) {
        throw corrupted(what + " is beyond the largest count");
      }
      return value;
    }

    /** A number of items that follow, each taking at least one byte. */
    int items(String what) {
      long value = unsigned();
      if (value < 0 || value > end - at) {
        throw corrupted(what + " announces " + Long.toUnsignedString(value) + " items but only " + (end - at)
            + " bytes are left");
      }
      return (int) value;
    }

    int index(String what, int bound) {
      long value = unsigned();
      if (value < 0 || value >= bound) {
        throw corrupted(what + " is " + Long.toUnsignedString(value) + ", not within [0, " + bound + ")");
      }
      return (int) value;
    }

    String string(String what) {
      int length = items(what);
      char[] chars = new char[length];
      for (int i = 0; i < length; i++) {
        long c = unsigned();
        if (c < 0 || c > Character.MAX_VALUE) {
          throw corrupted(what + " has a character beyond U+FFFF");
        }
        chars[i] = (char) c;
      }
      return new String(chars);
    }

    BigDecimal decimal(String what) {
      long scale = signed();
      int length = items(what);
      if (scale < -MAX_DECIMAL_SCALE || scale > MAX_DECIMAL_SCALE || length == 0 || length > MAX_DECIMAL_BYTES) {
        throw corrupted(what + " has scale " + scale + " and " + length + " bytes of digits, beyond any figure");
      }
      byte[] unscaled = Arrays.copyOfRange(bytes, at, at + length);
      at += length;
      BigInteger value = new BigInteger(unscaled);
      if (value.toByteArray().length != length) {
        throw corrupted(what + " is not in its shortest form");
      }
      return new BigDecimal(value, (int) scale);
    }

    Currency currency(String what) {
      String code = string(what);
      Currency currency;
      try {
        currency = Currency.getInstance(code);
      } catch (IllegalArgumentException e) {
        throw corrupted(what + " " + quoted(code) + " is not a currency code");
      }
      check(currency.getCurrencyCode().equals(code), what + " " + quoted(code) + " is not a currency code");
      return currency;
    }

    /**
     * Text read from bad bytes as a message shows it: on one line, printable ASCII as it is and
     * any other character as a backslash, {@code u} and its four hex digits, at most {@value #QUOTED} characters of it.
     */
    private static String quoted(String text) {
      StringBuilder quoted = new StringBuilder("'");
      for (int i = 0; i < Math.min(text.length(), QUOTED); i++) {
        char c = text.charAt(i);
        if (c >= ' ' && c <= '~' && c != '\\') {
          quoted.append(c);
        } else {
          quoted.append("\\u").append(HexFormat.of().withUpperCase().toHexDigits(c));
        }
      }
      quoted.append('\'');
      return text.length() > QUOTED ? quoted + " (" + text.length() + " characters)" : quoted.toString();
    }

    Money money(String what) {
      Currency currency = currency(what);
      BigDecimal amount = decimal(what);
      check(amount.signum() >= 0, what + " is negative");
      try {
        return Money.of(amount, currency);
      } catch (IllegalArgumentException e) {
        throw corrupted(what + " is not an amount of money: " + e.getMessage());
      }
    }

    /**
     * Fills an empty sample with the sorted values written by {@link Out#samples}. Every sample of
     * a partial result (durations, amounts in minor units) is of values that cannot be negative.
     */
    void samples(LongSamples into, String what) {
      int count = items(what);
      long previous = 0;
      for (int i = 0; i < count; i++) {
        long value;
        if (i == 0) {
          value = signed();
          check(value >= 0, what + " has a negative value");
        } else {
          long delta = unsigned();
          if (Long.compareUnsigned(delta, Long.MAX_VALUE - previous) > 0) {
            throw corrupted(what + " has a value beyond the largest");
          }
          value = previous + delta;
        }
        try {
          into.add(value);
        } catch (ArithmeticException e) {
          throw corrupted(what + " sums beyond the largest total");
        }
        previous = value;
      }
    }

    /** Throws if a consistency check between figures read fails. */
    void check(boolean consistent, String what) {
      if (!consistent) {
        throw corrupted(what);
      }
    }
  }
}
