package org.salespipeline.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.Money;
import org.salespipeline.metrics.InvalidPartialResultException.Problem;
import org.salespipeline.metrics.internal.LongSamples;

/**
 * The wire reader field by field ({@link PartialResultFormat.In}) and the header checks of
 * {@link PartialResultFormat#read}: each bad field is refused with its own message, each field at
 * the edge of its range is read. The bytes are written out by hand: unsigned LEB128 varints,
 * zig-zag signed values, as the format's documentation describes them.
 */
class PartialResultFieldsTest {

  private static final String CORRUPTED = "partial result is truncated or corrupted: ";
  private static final PipelineMetrics METRICS = PipelineMetrics.of(Script.SIMPLE);

  /** Bytes from ints, for readable literals. */
  private static byte[] bytes(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return b;
  }

  /** An unsigned LEB128 varint: 7 bits a byte, least significant first, the high bit on all but the last. */
  private static byte[] varint(long value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    long v = value;
    while ((v & ~0x7fL) != 0) {
      out.write((int) ((v & 0x7f) | 0x80));
      v >>>= 7;
    }
    out.write((int) v);
    return out.toByteArray();
  }

  private static byte[] zigzag(long value) {
    return varint((value << 1) ^ (value >> 63));
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  private static PartialResultFormat.In in(byte[]... parts) {
    byte[] b = concat(parts);
    return new PartialResultFormat.In(b, 0, b.length);
  }

  /** A string field: its length, then each char as a varint. */
  private static byte[] string(String s) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(varint(s.length()));
    s.chars().forEach(c -> out.writeBytes(varint(c)));
    return out.toByteArray();
  }

  /** A decimal field: the scale (signed), the length of the unscaled value's two's complement, its bytes. */
  private static byte[] decimal(long scale, byte... unscaled) {
    return concat(zigzag(scale), varint(unscaled.length), unscaled);
  }

  // ------------------------------------------------------------------------------ numbers

  @Test
  void unsigned_readsLeb128_upToAll64Bits() {
    assertThat(in(bytes(0)).unsigned()).isZero();
    assertThat(in(bytes(0x7f)).unsigned()).isEqualTo(127);
    assertThat(in(bytes(0x80, 0x01)).unsigned()).isEqualTo(128);
    assertThat(in(bytes(0xe5, 0x8e, 0x26)).unsigned()).isEqualTo(624_485); // the LEB128 example of DWARF 4, §7.6
    assertThat(in(bytes(0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01)).unsigned())
        .as("bit 63 alone, in the tenth byte").isEqualTo(Long.MIN_VALUE);
    assertThat(in(bytes(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01)).unsigned()).isEqualTo(-1L);
  }

  @Test
  void unsigned_beyond64Bits_orNotShortest_orCutShort_isCorrupted() {
    assertThatThrownBy(() -> in(bytes(0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x02)).unsigned())
        .isInstanceOf(InvalidPartialResultException.class).hasMessage(CORRUPTED + "a number is longer than 64 bits");
    assertThatThrownBy(() -> in(bytes(0x80, 0x00)).unsigned()).hasMessage(CORRUPTED + "a number is not in its shortest form");
    assertThatThrownBy(() -> in(bytes(0x80)).unsigned()).hasMessage(CORRUPTED + "it ends in the middle of a figure");
    // the reader stops at its end, not at the array's
    assertThatThrownBy(() -> new PartialResultFormat.In(bytes(0x80, 0x01), 0, 1).unsigned())
        .hasMessage(CORRUPTED + "it ends in the middle of a figure");
    assertThat(new PartialResultFormat.In(bytes(0x05, 0x80, 0x01), 1, 3).unsigned()).isEqualTo(128);
  }

  @Test
  void signed_isZigZag() {
    assertThat(in(bytes(0)).signed()).isZero();
    assertThat(in(bytes(1)).signed()).isEqualTo(-1);
    assertThat(in(bytes(2)).signed()).isEqualTo(1);
    assertThat(in(bytes(3)).signed()).isEqualTo(-2);
    assertThat(in(bytes(0x80, 0x01)).signed()).isEqualTo(64);
    assertThat(in(bytes(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01)).signed()).isEqualTo(Long.MIN_VALUE);
    assertThat(in(bytes(0xfe, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01)).signed()).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void flag_isZeroOrOne() {
    assertThat(in(bytes(0)).flag()).isFalse();
    assertThat(in(bytes(1)).flag()).isTrue();
    assertThatThrownBy(() -> in(bytes(2)).flag()).hasMessage(CORRUPTED + "a flag is 2, not 0 or 1");
  }

  @Test
  void count_beyondTheLargestLong_isCorrupted() {
    assertThat(in(varint(Long.MAX_VALUE)).count("a count")).isEqualTo(Long.MAX_VALUE);
    assertThatThrownBy(() -> in(varint(Long.MIN_VALUE)).count("a count"))
        .hasMessage(CORRUPTED + "a count is beyond the largest count");
  }

  @Test
  void items_neverMoreThanTheBytesLeft() {
    assertThat(in(bytes(3, 'a', 'b', 'c')).items("a list")).isEqualTo(3);
    assertThatThrownBy(() -> in(bytes(4, 'a', 'b', 'c')).items("a list"))
        .hasMessage(CORRUPTED + "a list announces 4 items but only 3 bytes are left");
    assertThatThrownBy(() -> in(varint(-1L)).items("a list"))
        .hasMessage(CORRUPTED + "a list announces 18446744073709551615 items but only 0 bytes are left");
    // counted from where the reader is, to its end
    assertThat(new PartialResultFormat.In(bytes(9, 9, 2, 'a', 'b', 9), 2, 5).items("a list")).isEqualTo(2);
    assertThatThrownBy(() -> new PartialResultFormat.In(bytes(9, 9, 3, 'a', 'b', 9), 2, 5).items("a list"))
        .hasMessage(CORRUPTED + "a list announces 3 items but only 2 bytes are left");
  }

  @Test
  void index_isWithinItsBound() {
    assertThat(in(bytes(0)).index("a stage", 3)).isZero();
    assertThat(in(bytes(2)).index("a stage", 3)).isEqualTo(2);
    assertThatThrownBy(() -> in(bytes(3)).index("a stage", 3)).hasMessage(CORRUPTED + "a stage is 3, not within [0, 3)");
    assertThatThrownBy(() -> in(varint(-2L)).index("a stage", 3))
        .hasMessage(CORRUPTED + "a stage is 18446744073709551614, not within [0, 3)");
  }

  // ------------------------------------------------------------------------------ text

  @Test
  void string_everyCharFromU0000ToUffff() {
    assertThat(in(string("")).string("an id")).isEmpty();
    assertThat(in(bytes(3, 0, 0x7f, 0x80, 0x01)).string("an id")).isEqualTo("\u0000\u007f\u0080");
    assertThat(in(bytes(1, 0xff, 0xff, 0x03)).string("an id")).isEqualTo("\uffff");
    assertThat(in(string("D-1 é")).string("an id")).isEqualTo("D-1 é");
    assertThatThrownBy(() -> in(bytes(1, 0x80, 0x80, 0x04)).string("an id"))
        .hasMessage(CORRUPTED + "an id has a character beyond U+FFFF");
    assertThatThrownBy(() -> in(concat(bytes(1), varint(-1L))).string("an id"))
        .hasMessage(CORRUPTED + "an id has a character beyond U+FFFF");
  }

  @Test
  void currency_unknownCode_isNamedPrintably_atMost16Characters() {
    assertThat(in(string("EUR")).currency("a currency").getCurrencyCode()).isEqualTo("EUR");
    assertThatThrownBy(() -> in(string("A ~")).currency("a currency"))
        .hasMessage(CORRUPTED + "a currency 'A ~' is not a currency code");
    assertThatThrownBy(() -> in(string("\u001f\u007f")).currency("a currency"))
        .hasMessage(CORRUPTED + "a currency '\\u001F\\u007F' is not a currency code");
    assertThatThrownBy(() -> in(string("ABCDEFGHIJKLMNOP")).currency("a currency"))
        .as("16 characters: all shown").hasMessage(CORRUPTED + "a currency 'ABCDEFGHIJKLMNOP' is not a currency code");
    assertThatThrownBy(() -> in(string("ABCDEFGHIJKLMNOPQ")).currency("a currency"))
        .hasMessage(CORRUPTED + "a currency 'ABCDEFGHIJKLMNOP' (17 characters) is not a currency code");
  }

  // ------------------------------------------------------------------------------ decimals and money

  @Test
  void decimal_readsScaleAndTwosComplement() {
    assertThat(in(decimal(2, (byte) 0x30, (byte) 0x39)).decimal("an amount")).isEqualTo(new BigDecimal("123.45"));
    assertThat(in(decimal(0, (byte) 0xff)).decimal("an amount")).isEqualTo(new BigDecimal("-1"));
    assertThat(in(decimal(0, (byte) 0x00, (byte) 0x80)).decimal("an amount")).isEqualTo(new BigDecimal("128"));
    assertThat(in(decimal(-3, (byte) 7)).decimal("an amount")).isEqualTo(new BigDecimal("7E+3"));
  }

  @Test
  void decimal_scaleAndLength_atTheirLimits_areRead_beyondThem_refused() {
    assertThat(in(decimal(10_000, (byte) 5)).decimal("an amount")).isEqualTo(BigDecimal.valueOf(5, 10_000));
    assertThat(in(decimal(-10_000, (byte) 5)).decimal("an amount")).isEqualTo(BigDecimal.valueOf(5, -10_000));
    assertThatThrownBy(() -> in(decimal(10_001, (byte) 5)).decimal("an amount"))
        .hasMessage(CORRUPTED + "an amount has scale 10001 and 1 bytes of digits, beyond any figure");
    assertThatThrownBy(() -> in(decimal(-10_001, (byte) 5)).decimal("an amount"))
        .hasMessage(CORRUPTED + "an amount has scale -10001 and 1 bytes of digits, beyond any figure");
    assertThatThrownBy(() -> in(decimal(0)).decimal("an amount"))
        .hasMessage(CORRUPTED + "an amount has scale 0 and 0 bytes of digits, beyond any figure");

    byte[] largest = new byte[4096];
    largest[0] = 1;
    assertThat(in(decimal(0, largest)).decimal("an amount")).isEqualTo(new BigDecimal(java.math.BigInteger.ONE.shiftLeft(8 * 4095)));
    byte[] tooLong = new byte[4097];
    tooLong[0] = 1;
    assertThatThrownBy(() -> in(decimal(0, tooLong)).decimal("an amount"))
        .hasMessage(CORRUPTED + "an amount has scale 0 and 4097 bytes of digits, beyond any figure");
    assertThatThrownBy(() -> in(decimal(0, (byte) 0, (byte) 5)).decimal("an amount"))
        .hasMessage(CORRUPTED + "an amount is not in its shortest form");
  }

  @Test
  void money_zeroIsRead_negativeIsRefused() {
    assertThat(in(string("USD"), decimal(2, (byte) 0)).money("an amount")).isEqualTo(Money.parse("0", "USD"));
    assertThat(in(string("JPY"), decimal(0, (byte) 100)).money("an amount")).isEqualTo(Money.parse("100", "JPY"));
    assertThatThrownBy(() -> in(string("USD"), decimal(2, (byte) 0xff)).money("an amount"))
        .hasMessage(CORRUPTED + "an amount is negative");
  }

  // ------------------------------------------------------------------------------ samples

  @Test
  void samples_firstValueThenDeltas_upToTheLargestLong() {
    LongSamples read = new LongSamples(false);
    in(bytes(3), zigzag(0), varint(7), varint(0)).samples(read, "ages");
    assertThat(read.sorted()).containsExactly(0, 7, 7);

    LongSamples largest = new LongSamples(false);
    in(bytes(2), zigzag(10), varint(Long.MAX_VALUE - 10)).samples(largest, "ages");
    assertThat(largest.sorted()).containsExactly(10, Long.MAX_VALUE);
  }

  @Test
  void samples_negative_beyondTheLargest_orSummingBeyond_isCorrupted() {
    assertThatThrownBy(() -> in(bytes(1), zigzag(-1)).samples(new LongSamples(false), "ages"))
        .hasMessage(CORRUPTED + "ages has a negative value");
    assertThatThrownBy(() -> in(bytes(2), zigzag(10), varint(Long.MAX_VALUE - 9)).samples(new LongSamples(false), "ages"))
        .hasMessage(CORRUPTED + "ages has a value beyond the largest");
    assertThatThrownBy(() -> in(bytes(2), zigzag(1), varint(Long.MAX_VALUE - 1)).samples(new LongSamples(true), "ages"))
        .hasMessage(CORRUPTED + "ages sums beyond the largest total");
  }

  // ------------------------------------------------------------------------------ header

  private static byte[] sealed(byte[] fingerprint, byte[] payload) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {'S', 'P', 'P', 'R', 0, 1});
    out.writeBytes(fingerprint);
    out.writeBytes(bytes(payload.length >>> 24, payload.length >>> 16, payload.length >>> 8, payload.length));
    out.writeBytes(payload);
    CRC32 crc = new CRC32();
    byte[] body = out.toByteArray();
    crc.update(body);
    long value = crc.getValue();
    out.writeBytes(bytes((int) (value >>> 24), (int) (value >>> 16), (int) (value >>> 8), (int) value));
    return out.toByteArray();
  }

  /**
   * The deal ids close the payload (no grouping, no trend) as version 1 wrote them: their count,
   * then each id as a string field, in the order the ids came, across merges; characters beyond
   * ASCII and beyond the BMP too.
   */
  @Test
  void write_dealIds_areTheirCountThenEachAsAStringInTheOrderTheyCame() {
    MetricsQuery query = MetricsQuery.asOf(Sample.AS_OF);
    String[] ids = {"D-1", "é中", "\uD83D\uDE00", "x".repeat(300), "D-2"};
    MetricsAccumulator first = METRICS.accumulator(query).add(Script.open(ids[0], "a", 0).deal())
        .add(Script.open(ids[1], "a", 0).deal());
    MetricsAccumulator second = METRICS.accumulator(query).add(Script.open(ids[2], "a", 0).deal())
        .add(Script.open(ids[3], "a", 0).deal());
    byte[] written = first.merge(second).add(Script.open(ids[4], "a", 0).deal()).toBytes();

    byte[] expected = concat(varint(ids.length), string(ids[0]), string(ids[1]), string(ids[2]), string(ids[3]),
        string(ids[4]));
    assertThat(Arrays.copyOfRange(written, written.length - 4 - expected.length, written.length - 4)).isEqualTo(expected);
    assertThat(METRICS.accumulatorFrom(written, query).toBytes()).isEqualTo(written);
  }

  @Test
  void write_layout_magicVersionFingerprintLengthPayloadChecksum() {
    MetricsQuery query = MetricsQuery.asOf(Sample.AS_OF);
    byte[] written = METRICS.accumulator(query).addAll(Sample.deals()).toBytes();
    byte[] payload = Arrays.copyOfRange(written, 18, written.length - 4);
    assertThat(written).isEqualTo(sealed(PartialResultFormat.fingerprint(Script.SIMPLE, query), payload));
    assertThat(Arrays.copyOf(written, 6)).isEqualTo(bytes('S', 'P', 'P', 'R', 0, 1));
  }

  @Test
  void read_fewerBytesThanAnEmptyOne_isCorrupted() {
    byte[] bytes = Arrays.copyOf(bytes('S', 'P', 'P', 'R', 0, 1), 21);
    Throwable thrown = catchThrowable(() -> METRICS.accumulatorFrom(bytes, MetricsQuery.asOf(Sample.AS_OF)));
    assertThat(thrown).hasMessage(CORRUPTED + "it has 21 bytes, fewer than the 22 of an empty one");
    assertThat(((InvalidPartialResultException) thrown).problem()).isEqualTo(Problem.CORRUPTED);
  }

  @Test
  void read_headerAloneOf22Bytes_isCheckedAsAPartialResult() {
    MetricsQuery query = MetricsQuery.asOf(Sample.AS_OF);
    byte[] fingerprint = PartialResultFormat.fingerprint(Script.SIMPLE, query);
    assertThat(sealed(fingerprint, new byte[0])).hasSize(22);
    assertThatThrownBy(() -> METRICS.accumulatorFrom(sealed(fingerprint, new byte[0]), query))
        .hasMessage(CORRUPTED + "it ends in the middle of a figure");

    byte[] other = PartialResultFormat.fingerprint(Script.SIMPLE, query.withAsOf(Sample.AS_OF.plusSeconds(1)));
    Throwable thrown = catchThrowable(() -> METRICS.accumulatorFrom(sealed(other, new byte[0]), query));
    assertThat(((InvalidPartialResultException) thrown).problem()).isEqualTo(Problem.OTHER_PIPELINE_OR_QUERY);
    assertThat(thrown).hasMessage("partial result was computed for another pipeline or query (fingerprint "
        + HexFormat.of().formatHex(other) + ", but pipeline 'simple' with query " + query + " has "
        + HexFormat.of().formatHex(fingerprint) + "); read it with the pipeline and query it was computed with");
  }

  @Test
  void read_lengthNotTheBytesThatFollow_isCorrupted() {
    MetricsQuery query = MetricsQuery.asOf(Sample.AS_OF);
    byte[] written = METRICS.accumulator(query).addAll(Sample.deals()).toBytes();
    int payload = written.length - 22;
    assertThatThrownBy(() -> METRICS.accumulatorFrom(Arrays.copyOf(written, written.length + 1), query))
        .hasMessage(CORRUPTED + "its header announces " + payload + " bytes of figures but " + (payload + 1)
            + " follow: it is truncated or has bytes appended");
    assertThatThrownBy(() -> METRICS.accumulatorFrom(Arrays.copyOf(written, written.length - 1), query))
        .hasMessage(CORRUPTED + "its header announces " + payload + " bytes of figures but " + (payload - 1)
            + " follow: it is truncated or has bytes appended");
  }

  @Test
  void read_aByteAfterTheLastFigure_isCorrupted() {
    MetricsQuery query = MetricsQuery.asOf(Sample.AS_OF);
    byte[] written = METRICS.accumulator(query).addAll(Sample.deals()).toBytes();
    byte[] payload = Arrays.copyOfRange(written, 18, written.length - 4);
    byte[] longer = sealed(PartialResultFormat.fingerprint(Script.SIMPLE, query), concat(payload, bytes(0, 0)));
    assertThatThrownBy(() -> METRICS.accumulatorFrom(longer, query))
        .hasMessage(CORRUPTED + "2 bytes are left after the last figure");
  }

  /** Sound bytes of the sample with one of the five counts that open the payload changed, resealed. */
  private static byte[] withCount(int index, int value) {
    MetricsQuery query = MetricsQuery.asOf(Sample.AS_OF);
    byte[] written = METRICS.accumulator(query).addAll(Sample.deals()).toBytes();
    assertThat(Arrays.copyOfRange(written, 18, 23)).as("deals, open, won, lost, unpriced").isEqualTo(bytes(7, 3, 2, 2, 1));
    byte[] payload = Arrays.copyOfRange(written, 18, written.length - 4);
    payload[index] = (byte) value;
    return sealed(PartialResultFormat.fingerprint(Script.SIMPLE, query), payload);
  }

  /**
   * 7 deals: 3 open, 2 won, 2 lost, 1 unpriced. Three lost leave no room (3 + 2 + 3 > 7), two open
   * disagree with the three open deals written, one won with the two won cycles, eight unpriced
   * exceed the deals, eight deals exceed the seven ids.
   */
  @Test
  void read_countsThatDisagreeWithTheFigures_areCorrupted() {
    MetricsQuery query = MetricsQuery.asOf(Sample.AS_OF);
    assertThatThrownBy(() -> METRICS.accumulatorFrom(withCount(0, 8), query))
        .hasMessage(CORRUPTED + "8 deals but 7 deal ids");
    assertThatThrownBy(() -> METRICS.accumulatorFrom(withCount(3, 3), query)).hasMessage(CORRUPTED + "the open, won, lost and unpriced counts exceed the deals");
    assertThatThrownBy(() -> METRICS.accumulatorFrom(withCount(1, 2), query)).hasMessage(CORRUPTED + "the open deals do not match the open count");
    assertThatThrownBy(() -> METRICS.accumulatorFrom(withCount(2, 1), query)).hasMessage(CORRUPTED + "the sales cycles do not match the won and lost counts");
    assertThatThrownBy(() -> METRICS.accumulatorFrom(withCount(4, 8), query)).hasMessage(CORRUPTED + "the open, won, lost and unpriced counts exceed the deals");
  }

  /** What fixes a partial result's meaning is in its fingerprint: another window, converter target or rotting threshold. */
  @Test
  void read_bytesOfAnotherWindowConverterOrRottingThreshold_areAnotherQuery() {
    MetricsQuery windowed = MetricsQuery.asOf(Sample.AS_OF).withWindow(Script.day(0), Script.day(50));
    byte[] bytes = METRICS.accumulator(windowed).addAll(Sample.deals()).toBytes();
    assertThat(problem(() -> METRICS.accumulatorFrom(bytes,
        MetricsQuery.asOf(Sample.AS_OF).withWindow(Script.day(0), Script.day(60))))).isEqualTo(Problem.OTHER_PIPELINE_OR_QUERY);
    assertThat(problem(() -> METRICS.accumulatorFrom(bytes,
        MetricsQuery.asOf(Sample.AS_OF).withWindow(Script.day(1), Script.day(50))))).isEqualTo(Problem.OTHER_PIPELINE_OR_QUERY);

    java.util.Currency usd = java.util.Currency.getInstance("USD");
    MetricsQuery toEuros = MetricsQuery.asOf(Sample.AS_OF).withConverter(CurrencyConverter.fixedRates(
        java.util.Currency.getInstance("EUR"), java.util.Map.of(usd, new BigDecimal("0.9"))));
    MetricsQuery toPounds = MetricsQuery.asOf(Sample.AS_OF).withConverter(CurrencyConverter.fixedRates(
        java.util.Currency.getInstance("GBP"), java.util.Map.of(usd, new BigDecimal("0.8"),
            java.util.Currency.getInstance("EUR"), new BigDecimal("0.85"))));
    byte[] converted = METRICS.accumulator(toEuros).addAll(Sample.deals()).toBytes();
    assertThat(problem(() -> METRICS.accumulatorFrom(converted, toPounds))).isEqualTo(Problem.OTHER_PIPELINE_OR_QUERY);

    org.salespipeline.core.Pipeline rotsLater = org.salespipeline.core.Pipeline.builder("simple", "Simple")
        .openStage(org.salespipeline.core.Stage.open("a", "A").withProbability(0.1))
        .openStage(org.salespipeline.core.Stage.open("b", "B").withProbability(0.3)
            .withRottingAfter(java.time.Duration.ofDays(31)))
        .openStage(org.salespipeline.core.Stage.open("c", "C").withProbability(0.6))
        .wonStage(org.salespipeline.core.Stage.won("won", "Won"))
        .lostStage(org.salespipeline.core.Stage.lost("lost", "Lost"))
        .build();
    MetricsQuery plain = MetricsQuery.asOf(Sample.AS_OF);
    byte[] simple = METRICS.accumulator(plain).addAll(Sample.deals()).toBytes();
    assertThat(problem(() -> PipelineMetrics.of(rotsLater).accumulatorFrom(simple, plain)))
        .isEqualTo(Problem.OTHER_PIPELINE_OR_QUERY);
  }

  private static Problem problem(org.assertj.core.api.ThrowableAssert.ThrowingCallable read) {
    Throwable thrown = catchThrowable(read);
    assertThat(thrown).isInstanceOf(InvalidPartialResultException.class);
    return ((InvalidPartialResultException) thrown).problem();
  }
}
