package org.salespipeline.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.Deal;
import org.salespipeline.core.testing.DealGenerator;
import org.salespipeline.metrics.InvalidPartialResultException.Problem;

/**
 * Fuzzes the partial-result wire reader, {@link PipelineMetrics#accumulatorFrom(byte[], MetricsQuery)}:
 * any bytes give a sound accumulator or the documented {@link InvalidPartialResultException}, never
 * another exception and never an out-of-memory error from a length field that announces more than
 * the bytes hold.
 *
 * <p>The first byte of an input chooses how the rest is read. Even: the rest is the whole wire
 * form, read as given (the header, length, checksum and fingerprint checks). Odd: the rest is a
 * payload, sealed with a right header, length, checksum and fingerprint for the query, so that
 * the explored bytes reach the field-by-field checks that a checksum would otherwise stop; reading
 * one may then fail only as {@link Problem#CORRUPTED}.
 *
 * <p>What is read must behave as a partial result: its report is computed (or names a deal id
 * given twice, which a partial result may hold, as {@link MetricsAccumulator#report()} documents),
 * merged into an empty accumulator it reports the same, and its own wire form reads back to the
 * same wire form and the same report.
 *
 * <p>Every build replays the committed corpus in {@code PartialResultFuzzTestInputs/}: the wire
 * forms of 0, 1, 3 and 12 generated deals in both modes ({@code sound-*}, which
 * {@link #committedSoundSeeds_areTodaysWireForm()} keeps current), damaged ones (cut short, a bit
 * flipped, a byte dropped, a count announcing 2^32 - 1 items, the bad inputs of
 * {@link PartialResultReaderTest}) and every crashing input found; {@code ./mvnw -Pfuzz verify}
 * explores from it.
 */
class PartialResultFuzzTest {

  private static final DealGenerator GENERATOR = DealGenerator.standard(42);
  private static final PipelineMetrics METRICS = PipelineMetrics.of(GENERATOR.pipeline());
  /** Groups, trends and a forecast with a quota: every part of the payload is read. */
  private static final MetricsQuery QUERY = PartialResultWireProperties.query(300, 0).withSimulation(7, 20);
  private static final Path CORPUS = Path.of("src/test/resources/org/salespipeline/metrics/PartialResultFuzzTestInputs"
      + "/accumulatorFrom_anyBytes_isASoundPartialResultOrTheDocumentedError");
  private static final int HEADER = 18;
  private static final int TRAILER = 4;

  @FuzzTest
  void accumulatorFrom_anyBytes_isASoundPartialResultOrTheDocumentedError(byte[] input) {
    if (input.length == 0) {
      return;
    }
    boolean sealed = (input[0] & 1) == 1;
    byte[] rest = Arrays.copyOfRange(input, 1, input.length);
    byte[] bytes = sealed ? sealed(rest) : rest;

    MetricsAccumulator read;
    try {
      read = METRICS.accumulatorFrom(bytes, QUERY);
    } catch (InvalidPartialResultException documented) {
      assertThat(documented.getMessage()).isNotBlank().doesNotContain("\n");
      if (sealed) {
        assertThat(documented.problem()).as("a sealed payload: %s", documented.getMessage())
            .isEqualTo(Problem.CORRUPTED);
      }
      return;
    }

    byte[] written = read.toBytes();
    assertThat(Arrays.copyOf(written, HEADER - 4)).as("the header it writes").isEqualTo(Arrays.copyOf(bytes, HEADER - 4));
    MetricsAccumulator again = METRICS.accumulatorFrom(written, QUERY);
    assertThat(again.toBytes()).as("what it writes, it reads back and writes again").isEqualTo(written);

    MetricsReport report;
    try {
      report = read.report();
    } catch (IllegalArgumentException duplicatedId) {
      assertThat(duplicatedId).hasMessageContaining("appears more than once");
      return;
    }
    assertThat(again.report()).isEqualTo(report);
    assertThat(METRICS.accumulator(QUERY).merge(read).report()).as("merged into an empty one").isEqualTo(report);
  }

  /** The payload behind a right header (magic, version, fingerprint, length) and checksum. */
  static byte[] sealed(byte[] payload) {
    byte[] bytes = new byte[HEADER + payload.length + TRAILER];
    bytes[0] = 'S';
    bytes[1] = 'P';
    bytes[2] = 'P';
    bytes[3] = 'R';
    bytes[5] = (byte) PartialResultFormat.VERSION;
    System.arraycopy(PartialResultFormat.fingerprint(GENERATOR.pipeline(), QUERY), 0, bytes, 6, 8);
    putInt(bytes, 14, payload.length);
    System.arraycopy(payload, 0, bytes, HEADER, payload.length);
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, bytes.length - TRAILER);
    putInt(bytes, bytes.length - TRAILER, (int) crc.getValue());
    return bytes;
  }

  private static void putInt(byte[] bytes, int at, int value) {
    for (int i = 0; i < 4; i++) {
      bytes[at + i] = (byte) (value >>> (24 - 8 * i));
    }
  }

  /** The sound seeds by file name: the wire form of the first n generated deals, as given and as a payload. */
  static Map<String, byte[]> soundSeeds() {
    Map<String, byte[]> seeds = new LinkedHashMap<>();
    for (int n : new int[] {0, 1, 3, 12}) {
      byte[] wire = METRICS.accumulator(QUERY).addAll(GENERATOR.deals(n)).toBytes();
      seeds.put("sound-" + n + "-deals-as-given", prefixed(0, wire));
      seeds.put("sound-" + n + "-deals-sealed", prefixed(1, Arrays.copyOfRange(wire, HEADER, wire.length - TRAILER)));
    }
    return seeds;
  }

  /**
   * Damaged seeds, made from the sound ones: cut short, a bit flipped, a byte dropped (as given
   * and sealed), sealed payloads whose first count of items announces 2^32 - 1 of them, and the
   * bad inputs of {@link PartialResultReaderTest}: no bytes, CSV text, the magic alone, format
   * version 2, a byte appended, another query's wire form, and a partial result holding one deal
   * twice.
   */
  static Map<String, byte[]> damagedSeeds() {
    Map<String, byte[]> seeds = new LinkedHashMap<>();
    Map<String, byte[]> sound = soundSeeds();
    byte[] given = sound.get("sound-3-deals-as-given");
    byte[] payload = sound.get("sound-3-deals-sealed");
    seeds.put("cut-short-as-given", Arrays.copyOf(given, given.length / 2));
    seeds.put("cut-short-sealed", Arrays.copyOf(payload, payload.length / 2));
    byte[] flipped = given.clone();
    flipped[given.length / 2] ^= 0x10;
    seeds.put("bit-flipped-as-given", flipped);
    byte[] flippedPayload = payload.clone();
    flippedPayload[payload.length / 2] ^= 0x10;
    seeds.put("bit-flipped-sealed", flippedPayload);
    byte[] dropped = new byte[payload.length - 1];
    System.arraycopy(payload, 0, dropped, 0, 20);
    System.arraycopy(payload, 21, dropped, 20, payload.length - 21);
    seeds.put("byte-dropped-sealed", dropped);
    byte[] huge = {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x0f};
    byte[] currencies = new byte[1 + 8 + huge.length];
    currencies[0] = 1;
    System.arraycopy(huge, 0, currencies, 9, huge.length);
    seeds.put("huge-count-of-currencies-sealed", currencies);
    byte[] samples = new byte[1 + 9 + huge.length];
    samples[0] = 1;
    System.arraycopy(huge, 0, samples, 10, huge.length);
    seeds.put("huge-count-of-samples-sealed", samples);
    // the bad inputs of PartialResultReaderTest and BadInputCatalogueTest
    seeds.put("empty-as-given", new byte[] {0});
    seeds.put("csv-text-as-given", prefixed(0, "deal_id,stage\n".getBytes(StandardCharsets.US_ASCII)));
    seeds.put("magic-only-as-given", Arrays.copyOf(given, 1 + 4));
    byte[] version2 = given.clone();
    version2[1 + 5] = 2;
    seeds.put("version-2-as-given", version2);
    seeds.put("byte-appended-as-given", Arrays.copyOf(given, given.length + 1));
    seeds.put("other-query-as-given", prefixed(0, METRICS.accumulator(QUERY.withAsOf(QUERY.asOf().plusSeconds(1)))
        .addAll(GENERATOR.deals(3)).toBytes()));
    Deal deal = GENERATOR.deals(1).get(0);
    seeds.put("same-deal-twice-as-given", prefixed(0, METRICS.accumulator(QUERY).add(deal).add(deal).toBytes()));
    return seeds;
  }

  private static byte[] prefixed(int mode, byte[] rest) {
    byte[] input = new byte[rest.length + 1];
    input[0] = (byte) mode;
    System.arraycopy(rest, 0, input, 1, rest.length);
    return input;
  }

  /**
   * The sound seeds must be today's wire form, or the fuzzer starts from bytes the reader refuses
   * at once. When the format changes on purpose, write them again with
   * {@code java -cp <test classpath> org.salespipeline.metrics.PartialResultFuzzTest} from the module.
   */
  @Test
  void committedSoundSeeds_areTodaysWireForm() throws IOException {
    for (Map.Entry<String, byte[]> seed : soundSeeds().entrySet()) {
      assertThat(Files.readAllBytes(CORPUS.resolve(seed.getKey()))).as(seed.getKey()).isEqualTo(seed.getValue());
    }
  }

  /**
   * Writes the sound and damaged seeds into the corpus directory (run from the module's directory).
   *
   * @param args none
   * @throws IOException if a file cannot be written
   */
  public static void main(String[] args) throws IOException {
    Files.createDirectories(CORPUS);
    Map<String, byte[]> seeds = new LinkedHashMap<>(soundSeeds());
    seeds.putAll(damagedSeeds());
    for (Map.Entry<String, byte[]> seed : seeds.entrySet()) {
      Files.write(CORPUS.resolve(seed.getKey()), seed.getValue());
    }
  }
}
