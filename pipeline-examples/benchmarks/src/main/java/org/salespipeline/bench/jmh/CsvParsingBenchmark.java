package org.salespipeline.bench.jmh;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.salespipeline.bench.BenchDeals;
import org.salespipeline.core.Deal;
import org.salespipeline.core.Pipeline;
import org.salespipeline.core.Stage;
import org.salespipeline.history.HistoryPipeline;
import org.salespipeline.history.ReadSummary;
import org.salespipeline.history.StageHistoryReader;
import org.salespipeline.history.StageHistoryWriter;

/**
 * The stage-history reader against FastCSV alone on the reader's real job: one large stage-history
 * file grouped by deal (about 80 MB, the bench's deals written by {@link StageHistoryWriter} into a
 * temporary file). {@link #fastCsv} only splits the file into records with FastCSV, keeping each
 * record's starting line number as per-row rejection needs: the floor of any reader on it.
 * {@link #wholeRead} is the reader's whole job (tokenizing with FastCSV, checking every row,
 * building every deal) from a character stream, {@link #wholeReadOfFile} the same from the file by
 * path, decoded by the reader. Times are per file.
 *
 * <p>The file does not carry the deals' qualification, which the bench pipeline's entry criteria
 * ask for, so the reader reads it with a pipeline of the same stage names and
 * {@link HistoryPipeline}'s permissive policy; the setup checks that every deal loads, so that a
 * read is timed on its whole job and not stopped at the first refusal.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CsvParsingBenchmark {

  /** Enough of the bench's deals for a file of about 82 MB (about 470 bytes and 5.7 rows a deal). */
  private static final int DEALS = 175_000;

  private Pipeline pipeline;
  private Pipeline readPipeline;
  private Path file;

  /**
   * Writes the file once, deal by deal, without holding the deals.
   *
   * @throws IOException if the temporary file cannot be written
   */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    BenchDeals generator = BenchDeals.standard(42);
    pipeline = generator.pipeline();
    file = Files.createTempFile("stage-history-bench", ".csv");
    Iterable<Deal> deals = () -> new Iterator<>() {
      private int next;

      @Override
      public boolean hasNext() {
        return next < DEALS;
      }

      @Override
      public Deal next() {
        return generator.deal(next++);
      }
    };
    StageHistoryWriter.of(pipeline).write(deals, file);
    readPipeline = HistoryPipeline.of(pipeline.openStages().stream().map(Stage::name).toList(),
        pipeline.wonStage().name(), pipeline.lostStage().name());
    ReadSummary check = StageHistoryReader.of(readPipeline).withGroupedByDeal(true).read(file, deal -> { }, bad -> { });
    if (check.loadedDeals() != DEALS || check.rejectedRows() != 0) {
      throw new IllegalStateException("bug: the benchmark file does not read back whole: " + check);
    }
  }

  /**
   * Deletes the file.
   *
   * @throws IOException if it cannot be deleted
   */
  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    Files.deleteIfExists(file);
  }

  /**
   * FastCSV splits the file into records; each record's fields and starting line number are used.
   *
   * @param blackhole takes each record's fields
   * @return the sum of the records' starting line numbers, so that none can be skipped
   */
  @Benchmark
  public long fastCsv(Blackhole blackhole) {
    long lines = 0;
    try (CsvReader<CsvRecord> csv = CsvReader.builder()
        .allowExtraFields(true)
        .allowMissingFields(true)
        .ofCsvRecord(file, StandardCharsets.UTF_8)) {
      for (CsvRecord record : csv) {
        blackhole.consume(record.getFields());
        lines += record.getStartingLineNumber();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return lines;
  }

  /**
   * The reader's whole job: tokenizing, checking every row and building every deal.
   *
   * @param blackhole takes each deal and each rejected row
   * @return the counts
   * @throws IOException if the file cannot be read
   */
  @Benchmark
  public ReadSummary wholeRead(Blackhole blackhole) throws IOException {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return StageHistoryReader.of(readPipeline).withGroupedByDeal(true).read(in, blackhole::consume,
          blackhole::consume);
    }
  }

  /**
   * The reader's whole job from the file by path: decoding, tokenizing, checking every row and
   * building every deal.
   *
   * @param blackhole takes each deal and each rejected row
   * @return the counts
   * @throws IOException if the file cannot be read
   */
  @Benchmark
  public ReadSummary wholeReadOfFile(Blackhole blackhole) throws IOException {
    return StageHistoryReader.of(readPipeline).withGroupedByDeal(true).read(file, blackhole::consume,
        blackhole::consume);
  }
}
