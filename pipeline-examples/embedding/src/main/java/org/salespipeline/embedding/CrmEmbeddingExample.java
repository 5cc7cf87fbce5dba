package org.salespipeline.embedding;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.h2.jdbcx.JdbcConnectionPool;
import org.salespipeline.core.Deal;
import org.salespipeline.core.Money;
import org.salespipeline.core.NewDeal;
import org.salespipeline.core.Pipeline;

/**
 * The README's "Embedding in your CRM" example, verbatim between the {@code README:begin} and
 * {@code README:end} markers; {@code CrmEmbeddingExampleTest} checks that the README shows exactly
 * this code and that it runs.
 */
public final class CrmEmbeddingExample {

  private CrmEmbeddingExample() {}

  /**
   * Runs the example on a fresh database in a temporary directory and prints what it finds.
   *
   * @param args ignored
   * @throws IOException if the temporary directory cannot be made
   */
  public static void main(String[] args) throws IOException {
    run(Files.createTempDirectory("crm-example")).forEach(System.out::println);
  }

  /**
   * Runs the example on a database in a directory and returns what it would print.
   *
   * @param dir where the database files go; they are created if missing
   * @return the lines, in order
   */
  public static List<String> run(Path dir) {
    List<String> out = new ArrayList<>();
    // README:begin
    // your database: H2 in files, in-process; WRITE_DELAY=0 so that every commit survives a crash
    String url = "jdbc:h2:file:" + dir.resolve("crm").toAbsolutePath() + ";WRITE_DELAY=0";
    JdbcConnectionPool pool = JdbcConnectionPool.create(url, "sa", "");
    Pipeline pipeline = Pipeline.standard();
    CrmDealService deals = CrmDealService.open(pool, pipeline); // creates the deal_events table

    deals.open(NewDeal.of("D-7").withTitle("Fleet renewal").withAccount("ACME").withOwner("ana")
        .withAmount(Money.parse("48000.00", "EUR")), Instant.parse("2026-03-02T09:00:00Z"));

    // a command is a function of the deal as stored now; a refused one stores nothing
    Instant at = Instant.parse("2026-03-03T10:00:00Z");
    CommandResult refused = deals.update("D-7", deal -> pipeline.move(deal, "proposal", at));
    out.add(((CommandResult.Rejected) refused).rejection().code());

    CommandResult moved;
    do { // a Conflict: someone changed the deal since it was loaded; nothing stored, decide again
      moved = deals.update("D-7", deal -> pipeline.move(deal, "qualification", at));
    } while (moved instanceof CommandResult.Conflict);
    out.add("stored at version " + ((CommandResult.Accepted) moved).deal().version());
    pool.dispose(); // the process stops

    // a new process rebuilds every deal from the events; this listing feeds the metrics
    JdbcConnectionPool restarted = JdbcConnectionPool.create(url, "sa", "");
    List<Deal> listing = CrmDealService.open(restarted, pipeline).deals();
    out.add(listing.toString());
    restarted.dispose();
    // README:end
    return out;
  }
}
