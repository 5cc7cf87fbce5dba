package org.salespipeline.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Either;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salespipeline.core.Change;
import org.salespipeline.core.Deal;
import org.salespipeline.core.DealEvent;
import org.salespipeline.core.NewDeal;
import org.salespipeline.core.Pipeline;
import org.salespipeline.core.Rejection;

/** Several threads updating one deal at once, on a real H2 database in files. */
class ConcurrentUpdatesTest {

  static final int THREADS = 8;
  static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  @TempDir
  Path dir;

  TestDatabase db;
  Pipeline pipeline = Pipeline.standard();
  CrmDealService service;
  ExecutorService threads = Executors.newFixedThreadPool(THREADS);

  @BeforeEach
  void openDatabase() {
    db = TestDatabase.in(dir);
    service = CrmDealService.open(db.dataSource(), pipeline);
    assertThat(service.open(NewDeal.of("D-1").withOwner("ana"), T0).isAccepted()).isTrue();
  }

  @AfterEach
  void closeDatabase() throws InterruptedException {
    threads.shutdownNow();
    threads.awaitTermination(1, TimeUnit.MINUTES);
    db.close();
  }

  @Test
  void update_eightThreadsDecideOnTheSameVersion_exactlyOneWins_othersConflictNamingBothVersions() throws Exception {
    // every command waits here until all eight have loaded version 1, so all eight race for version 2
    CyclicBarrier allLoaded = new CyclicBarrier(THREADS);
    List<Callable<CommandResult>> tasks = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      String owner = "owner-" + t;
      tasks.add(() -> service.update("D-1", deal -> {
        await(allLoaded);
        return pipeline.reassign(deal, owner, T0.plusSeconds(60));
      }));
    }

    List<CommandResult> results = new ArrayList<>();
    for (Future<CommandResult> f : threads.invokeAll(tasks)) {
      results.add(f.get());
    }

    assertThat(results).filteredOn(CommandResult::isAccepted).hasSize(1);
    assertThat(results).filteredOn(r -> !r.isAccepted())
        .hasSize(THREADS - 1)
        .allSatisfy(r -> assertThat(r).isEqualTo(new CommandResult.Conflict("D-1", 1, 2)));
    Deal winner = ((CommandResult.Accepted) results.stream().filter(CommandResult::isAccepted).findFirst().get()).deal();
    assertThat(db.rows("D-1")).isEqualTo(2);
    assertThat(service.find("D-1")).containsExactly(winner);
  }

  @Test
  void update_eightThreadsRetryingOnConflict_storeEveryChangeExactlyOnce() throws Exception {
    int perThread = 25;
    List<Callable<Void>> tasks = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      tasks.add(() -> {
        for (int n = 0; n < perThread; n++) {
          String note = "t" + thread + "-" + n;
          Function<Deal, Either<Rejection, Change>> write = deal -> pipeline.setAttribute(deal, "note", note, deal.lastEventAt().plusSeconds(1));
          CommandResult result;
          while (!(result = service.update("D-1", write)).isAccepted()) {
            assertThat(result).isInstanceOf(CommandResult.Conflict.class); // and retry on the new version
          }
        }
        return null;
      });
    }

    for (Future<Void> f : threads.invokeAll(tasks)) {
      f.get();
    }

    Deal deal = service.find("D-1").get();
    Map<String, Long> notes = deal.history().stream()
        .filter(DealEvent.AttributeChanged.class::isInstance)
        .map(e -> ((DealEvent.AttributeChanged) e).value().get())
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    assertThat(notes).hasSize(THREADS * perThread).allSatisfy((note, times) -> assertThat(times).isOne());
    assertThat(deal.version()).isEqualTo(1 + THREADS * perThread);
    assertThat(db.rows("D-1")).isEqualTo(1 + THREADS * perThread);
    assertThat(db.count("SELECT MAX(version) FROM deal_events WHERE deal_id = 'D-1'")).isEqualTo(1 + THREADS * perThread);
  }

  private static void await(CyclicBarrier barrier) {
    try {
      barrier.await(1, TimeUnit.MINUTES); // a safety net against a hung build, not a timing assertion
    } catch (Exception e) {
      throw new IllegalStateException("threads did not meet at the barrier", e);
    }
  }
}
