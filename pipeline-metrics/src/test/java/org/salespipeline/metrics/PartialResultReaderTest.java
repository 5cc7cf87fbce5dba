package org.salespipeline.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.Deal;
import org.salespipeline.core.Pipeline;
import org.salespipeline.core.Stage;
import org.salespipeline.core.testing.DealGenerator;
import org.salespipeline.metrics.InvalidPartialResultException.Problem;

/**
 * Reading partial results from bad bytes: each kind of damage gives its documented
 * {@link InvalidPartialResultException}, and many seeded random and mutated inputs give that
 * exception or an equal report, never another exception and never a different report.
 */
class PartialResultReaderTest {

  // built before each test, not in static fields: PIT credits a mutant only to a test that ran the
  // mutated code (here the writer and the report) inside the test
  private List<Deal> deals;
  private PipelineMetrics metrics;
  private MetricsQuery query;
  private byte[] wire;
  private MetricsReport report;

  @BeforeEach
  void writeSixtyDeals() {
    DealGenerator generator = DealGenerator.standard(42);
    deals = generator.deals(60);
    metrics = PipelineMetrics.of(generator.pipeline());
    query = PartialResultWireProperties.query(300, 0);
    wire = metrics.accumulator(query).addAll(deals).toBytes();
    report = metrics.calculate(deals, query);
  }

  private Problem problemReading(byte[] bytes) {
    Throwable thrown = catchThrowable(() -> metrics.accumulatorFrom(bytes, query));
    assertThat(thrown).isInstanceOf(InvalidPartialResultException.class);
    return ((InvalidPartialResultException) thrown).problem();
  }

  /** The bytes with the checksum made right again: damage only the layout checks can find. */
  private static byte[] resealed(byte[] bytes) {
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, bytes.length - 4);
    long value = crc.getValue();
    for (int i = 0; i < 4; i++) {
      bytes[bytes.length - 1 - i] = (byte) (value >>> (8 * i));
    }
    return bytes;
  }

  @Test
  void accumulatorFrom_soundBytes_givesTheSameReport() {
    assertThat(metrics.accumulatorFrom(wire, query).report()).isEqualTo(report);
  }

  @Test
  void accumulatorFrom_nullBytes_throwsNamingTheParameter() {
    assertThatNullPointerException().isThrownBy(() -> metrics.accumulatorFrom(null, query)).withMessage("bytes");
  }

  @Test
  void accumulatorFrom_otherBytes_isNotAPartialResult() {
    assertThat(problemReading(new byte[0])).isEqualTo(Problem.NOT_A_PARTIAL_RESULT);
    assertThat(problemReading("deal_id,stage\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
        .isEqualTo(Problem.NOT_A_PARTIAL_RESULT);
  }

  @Test
  void accumulatorFrom_unknownVersion_saysWhichVersionsItReads() {
    byte[] bytes = wire.clone();
    bytes[5] = 2;
    Throwable thrown = catchThrowable(() -> metrics.accumulatorFrom(bytes, query));
    assertThat(thrown).isInstanceOf(InvalidPartialResultException.class)
        .hasMessageContaining("format version 2").hasMessageContaining("reads version 1 only");
    assertThat(((InvalidPartialResultException) thrown).problem()).isEqualTo(Problem.UNSUPPORTED_VERSION);
  }

  @Test
  void accumulatorFrom_truncated_isCorrupted() {
    Random random = new Random(18);
    for (int length = 4; length < wire.length; length += length < 64 ? 1 : 1 + random.nextInt(40)) {
      assertThat(problemReading(Arrays.copyOf(wire, length))).as("first %d bytes", length).isEqualTo(Problem.CORRUPTED);
    }
    assertThat(problemReading(Arrays.copyOf(wire, wire.length + 1))).isEqualTo(Problem.CORRUPTED);
  }

  @Test
  void accumulatorFrom_aBitFlippedInEveryByte_isAnError() {
    Random random = new Random(19);
    for (int at = 0; at < wire.length; at++) {
      int bit = at * 8 + random.nextInt(8);
      byte[] bytes = wire.clone();
      bytes[bit / 8] ^= (byte) (1 << (bit % 8));
      Problem expected = bit < 32 ? Problem.NOT_A_PARTIAL_RESULT : bit < 48 ? Problem.UNSUPPORTED_VERSION
          : Problem.CORRUPTED;
      assertThat(problemReading(bytes)).as("bit %d flipped", bit).isEqualTo(expected);
    }
  }

  @Test
  void accumulatorFrom_otherPipeline_orOtherQuery_isRefusedNamingThem() {
    Pipeline other = Pipeline.builder("renewals", "Renewals").openStage(Stage.open("a", "A"))
        .wonStage(Stage.won("won", "Won")).lostStage(Stage.lost("lost", "Lost")).build();
    Throwable thrown = catchThrowable(() -> PipelineMetrics.of(other).accumulatorFrom(wire, query));
    assertThat(thrown).isInstanceOf(InvalidPartialResultException.class).hasMessageContaining("pipeline 'renewals'");
    assertThat(((InvalidPartialResultException) thrown).problem()).isEqualTo(Problem.OTHER_PIPELINE_OR_QUERY);

    MetricsQuery later = query.withAsOf(query.asOf().plusSeconds(1));
    Throwable laterThrown = catchThrowable(() -> metrics.accumulatorFrom(wire, later));
    assertThat(((InvalidPartialResultException) laterThrown).problem()).isEqualTo(Problem.OTHER_PIPELINE_OR_QUERY);

    MetricsQuery ungrouped = MetricsQuery.asOf(query.asOf());
    Throwable ungroupedThrown = catchThrowable(() -> metrics.accumulatorFrom(wire, ungrouped));
    assertThat(((InvalidPartialResultException) ungroupedThrown).problem())
        .isEqualTo(Problem.OTHER_PIPELINE_OR_QUERY);
  }

  @Test
  void accumulatorFrom_querySameFiguresOtherSimulation_readsTheFigures() {
    MetricsQuery otherSeed = query.withSimulation(99, 300);
    assertThat(metrics.accumulatorFrom(wire, otherSeed).report()).isEqualTo(metrics.calculate(deals, otherSeed));
  }

  /**
   * Found by fuzzing: a payload whose currency code is line breaks and control characters. The
   * message names the bad code on one line, escaped, and cut after 16 of its 18 characters.
   */
  @Test
  void accumulatorFrom_aCurrencyOfControlCharacters_isNamedEscapedOnOneLine() throws IOException {
    byte[] input;
    try (InputStream in = PartialResultReaderTest.class.getResourceAsStream("PartialResultFuzzTestInputs/"
        + "accumulatorFrom_anyBytes_isASoundPartialResultOrTheDocumentedError/found-currency-of-line-breaks-sealed")) {
      input = in.readAllBytes();
    }
    byte[] bytes = PartialResultFuzzTest.sealed(Arrays.copyOfRange(input, 1, input.length));
    Throwable thrown = catchThrowable(() -> metrics.accumulatorFrom(bytes, query));
    assertThat(thrown).isInstanceOf(InvalidPartialResultException.class)
        .hasMessage("partial result is truncated or corrupted: a currency '\\u0012\\u0012" + "\\u000A".repeat(14)
            + "' (18 characters) is not a currency code");

    // the same payload up to the count of currencies, then one code of three printable characters
    byte[] lowercase = Arrays.copyOf(input, 1 + 8 + 5);
    byte[] backslash = Arrays.copyOf(input, 1 + 8 + 5);
    System.arraycopy(new byte[] {1, 3, 'u', 's', 'd'}, 0, lowercase, 1 + 8, 5);
    System.arraycopy(new byte[] {1, 3, 'U', '\\', 'D'}, 0, backslash, 1 + 8, 5);
    assertThat(catchThrowable(() -> metrics.accumulatorFrom(
        PartialResultFuzzTest.sealed(Arrays.copyOfRange(lowercase, 1, lowercase.length)), query)))
        .hasMessage("partial result is truncated or corrupted: a currency 'usd' is not a currency code");
    assertThat(catchThrowable(() -> metrics.accumulatorFrom(
        PartialResultFuzzTest.sealed(Arrays.copyOfRange(backslash, 1, backslash.length)), query)))
        .hasMessage("partial result is truncated or corrupted: a currency 'U\\u005CD' is not a currency code");
  }

  @Test
  void accumulatorFrom_randomBytes_isAlwaysTheDocumentedError() {
    Random random = new Random(20);
    for (int i = 0; i < 5_000; i++) {
      byte[] bytes = new byte[random.nextInt(64)];
      random.nextBytes(bytes);
      if (i % 2 == 0 && bytes.length >= 4) {
        System.arraycopy(wire, 0, bytes, 0, 4); // past the magic, to the length and checksum
      }
      assertThat(problemReading(bytes)).isNotNull();
    }
  }

  @Test
  void accumulatorFrom_mutatedBytes_isTheDocumentedErrorOrTheSameReport() {
    Random random = new Random(21);
    for (int i = 0; i < 3_000; i++) {
      byte[] bytes = mutated(random);
      assertErrorOrSameReport(bytes);
    }
  }

  /**
   * Mutations whose checksum is made right again reach the layout checks: they may describe a
   * different but sound partial result (a changed age, a changed deal id), so the only promises
   * are that reading throws nothing but the documented error and that what is read reports
   * without throwing anything undocumented.
   */
  @Test
  void accumulatorFrom_mutatedAndResealedBytes_throwsOnlyTheDocumentedError() {
    Random random = new Random(22);
    int read = 0;
    for (int i = 0; i < 1_000; i++) {
      byte[] bytes = mutated(random);
      if (bytes.length < 22) {
        continue;
      }
      long length = ((bytes[14] & 0xffL) << 24) | ((bytes[15] & 0xff) << 16) | ((bytes[16] & 0xff) << 8)
          | (bytes[17] & 0xff);
      if (length == bytes.length - 22) {
        resealed(bytes);
      }
      MetricsAccumulator accumulator;
      try {
        accumulator = metrics.accumulatorFrom(bytes, query);
      } catch (InvalidPartialResultException expected) {
        continue;
      }
      read++;
      try {
        accumulator.report();
      } catch (IllegalArgumentException duplicatedId) {
        assertThat(duplicatedId).hasMessageContaining("appears more than once");
      }
    }
    assertThat(read).as("mutations read as sound partial results").isPositive();
  }

  private void assertErrorOrSameReport(byte[] bytes) {
    MetricsAccumulator accumulator;
    try {
      accumulator = metrics.accumulatorFrom(bytes, query);
    } catch (InvalidPartialResultException expected) {
      return;
    }
    assertThat(accumulator.report()).isEqualTo(report);
  }

  /** The sound bytes with one to four changes: a byte set, a bit flipped, bytes cut out or inserted. */
  private byte[] mutated(Random random) {
    byte[] bytes = wire.clone();
    for (int m = 0, changes = 1 + random.nextInt(4); m < changes; m++) {
      int at = 18 + random.nextInt(Math.max(1, bytes.length - 22));
      switch (random.nextInt(4)) {
        case 0 -> bytes[at] = (byte) random.nextInt(256);
        case 1 -> bytes[at] ^= (byte) (1 << random.nextInt(8));
        case 2 -> {
          int cut = 1 + random.nextInt(Math.min(8, bytes.length - at));
          byte[] shorter = new byte[bytes.length - cut];
          System.arraycopy(bytes, 0, shorter, 0, at);
          System.arraycopy(bytes, at + cut, shorter, at, bytes.length - at - cut);
          bytes = shorter;
        }
        default -> {
          byte[] longer = new byte[bytes.length + 1];
          System.arraycopy(bytes, 0, longer, 0, at);
          longer[at] = (byte) random.nextInt(256);
          System.arraycopy(bytes, at, longer, at + 1, bytes.length - at);
          bytes = longer;
        }
      }
    }
    return bytes;
  }

  @Test
  void toBytes_isCompact() {
    assertThat(wire.length).as("bytes of 60 deals' partial result, trends and groups included")
        .isLessThan(60 * 200);
  }
}
