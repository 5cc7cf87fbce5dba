package org.salespipeline.embedding;

import io.vavr.control.Either;
import io.vavr.control.Option;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javax.sql.DataSource;
import org.salespipeline.core.Change;
import org.salespipeline.core.Deal;
import org.salespipeline.core.DealEvent;
import org.salespipeline.core.InvalidHistoryException;
import org.salespipeline.core.NewDeal;
import org.salespipeline.core.Pipeline;
import org.salespipeline.core.Rejection;

/**
 * A small CRM-style deal service: the host's own code around the library, keeping deal events in
 * the host's own database through JDBC.
 *
 * <p>Storage is an append-only table of events ({@link EventFormat} says how each is stored);
 * deals are never stored, they are rebuilt by {@link Deal#replay}. A command runs in one
 * transaction: load the deal's events, replay them, let the {@link Pipeline} decide, and append
 * the new events at the next versions. The primary key on {@code (deal_id, version)} makes this
 * optimistic: of two commands decided on the same version, one is stored and the other comes back
 * as a {@link CommandResult.Conflict}, with nothing written.
 *
 * <pre>{@code
 * CrmDealService deals = CrmDealService.open(dataSource, Pipeline.standard());
 * deals.open(NewDeal.of("D-42").withAmount(Money.parse("48000", "EUR")), at);
 * CommandResult moved = deals.update("D-42", deal -> pipeline.move(deal, "qualification", later));
 * }</pre>
 *
 * <p>Thread-safe if the data source is: every call takes its own connection and holds no state
 * between calls, so any number of threads (and of JVMs sharing the database) may call it at once.
 */
public final class CrmDealService {

  private final DataSource dataSource;
  private final Pipeline pipeline;

  private CrmDealService(DataSource dataSource, Pipeline pipeline) {
    this.dataSource = dataSource;
    this.pipeline = pipeline;
  }

  /**
   * Returns a service over a database, creating the event table if it is missing.
   *
   * @param dataSource where the events live, not null; should pool connections when used by many threads
   * @param pipeline the pipeline every stored deal runs through, not null
   * @return the service, never null
   * @throws DealStoreException if the table cannot be created
   */
  public static CrmDealService open(DataSource dataSource, Pipeline pipeline) {
    Objects.requireNonNull(dataSource, "dataSource");
    Objects.requireNonNull(pipeline, "pipeline");
    try (Connection connection = dataSource.getConnection()) {
      DealEventTable.create(connection);
    } catch (SQLException e) {
      throw new DealStoreException("cannot create the deal_events table: " + e.getMessage(), e);
    }
    return new CrmDealService(dataSource, pipeline);
  }

  /**
   * Returns the pipeline the deals run through.
   *
   * @return the pipeline, never null
   */
  public Pipeline pipeline() {
    return pipeline;
  }

  /**
   * Opens a new deal and stores its first event.
   *
   * @param draft what is known of the deal, not null; its id must not be stored yet
   * @param at when it is opened, not null
   * @return accepted; rejected by the pipeline; or a conflict with expected version 0 if a deal
   *     with this id exists
   * @throws DealStoreException if the database fails; nothing is stored
   */
  public CommandResult open(NewDeal draft, Instant at) {
    Objects.requireNonNull(draft, "draft");
    Objects.requireNonNull(at, "at");
    return transact(draft.id(), stored -> {
      if (!stored.isEmpty()) {
        return Either.left(new CommandResult.Conflict(draft.id(), 0, stored.size()));
      }
      return decided(pipeline.open(draft, at));
    });
  }

  /**
   * Runs a command of the pipeline on a stored deal: rebuilds the deal from its events, hands it to
   * the command, and stores the events of the change, all in one transaction.
   *
   * <p>The command gets the deal as stored now and returns what a {@link Pipeline} command
   * returns, for example {@code deal -> pipeline.move(deal, "proposal", at)}; join several with
   * {@link Change#then} to store them all or none. It may run more than once if the caller retries
   * after a conflict, so it should have no side effects.
   *
   * @param dealId the deal, not null
   * @param command the command, not null; must return a change of the deal it was given
   * @return accepted; rejected by the pipeline; a conflict if another writer stored a change of
   *     the deal since it was loaded; or unknown deal
   * @throws IllegalArgumentException if the command returns a change of another deal, or one not
   *     made from the deal it was given
   * @throws InvalidHistoryException if the stored events break the pipeline's rules
   * @throws DealStoreException if the database fails; nothing is stored (if the commit itself
   *     failed, the database alone knows: {@link #find} tells)
   */
  public CommandResult update(String dealId, Function<? super Deal, Either<Rejection, Change>> command) {
    Objects.requireNonNull(dealId, "dealId");
    Objects.requireNonNull(command, "command");
    return transact(dealId, stored -> {
      if (stored.isEmpty()) {
        return Either.left(new CommandResult.UnknownDeal(dealId));
      }
      Deal deal = Deal.replay(pipeline, stored);
      Either<Rejection, Change> result = Objects.requireNonNull(command.apply(deal), "command returned null");
      return decided(result);
    });
  }

  /**
   * Stores a deal made elsewhere (an import, a migration): all its history, checked against the
   * pipeline's rules first, in one transaction.
   *
   * @param deal the deal, not null; must run through this service's pipeline
   * @return accepted, or a conflict with expected version 0 if a deal with this id exists
   * @throws InvalidHistoryException if the deal's history breaks this pipeline's rules
   * @throws DealStoreException if the database fails; nothing is stored
   */
  public CommandResult importDeal(Deal deal) {
    Objects.requireNonNull(deal, "deal");
    return transact(deal.id(), stored -> {
      if (!stored.isEmpty()) {
        return Either.left(new CommandResult.Conflict(deal.id(), 0, stored.size()));
      }
      return Either.right(new Change(Deal.replay(pipeline, deal.history()), deal.history()));
    });
  }

  /**
   * Rebuilds one deal from its stored events.
   *
   * @param dealId the deal, not null
   * @return the deal as stored, or none if the store holds no such deal
   * @throws InvalidHistoryException if the stored events break the pipeline's rules
   * @throws DealStoreException if the database fails
   */
  public Option<Deal> find(String dealId) {
    Objects.requireNonNull(dealId, "dealId");
    try (Connection connection = dataSource.getConnection()) {
      List<DealEvent> events = DealEventTable.load(connection, dealId);
      return events.isEmpty() ? Option.none() : Option.some(Deal.replay(pipeline, events));
    } catch (SQLException e) {
      throw new DealStoreException("cannot load deal " + dealId + ": " + e.getMessage(), e);
    }
  }

  /**
   * Rebuilds every stored deal, in id order, from one consistent read of the event table: the
   * listing to hand to the metrics calculator or a scorer.
   *
   * @return the deals, never null
   * @throws InvalidHistoryException if the stored events of a deal break the pipeline's rules
   * @throws DealStoreException if the database fails
   */
  public List<Deal> deals() {
    List<Deal> deals = new ArrayList<>();
    try (Connection connection = dataSource.getConnection()) {
      DealEventTable.forEachDeal(connection, events -> deals.add(Deal.replay(pipeline, events)));
    } catch (SQLException e) {
      throw new DealStoreException("cannot list the deals: " + e.getMessage(), e);
    }
    return deals;
  }

  private static Either<CommandResult, Change> decided(Either<Rejection, Change> result) {
    return result.mapLeft(CommandResult.Rejected::new);
  }

  /** Decides a command on the stored events: a result that writes nothing, or a change to store. */
  @FunctionalInterface
  private interface Decision {
    Either<CommandResult, Change> decide(List<DealEvent> stored);
  }

  private CommandResult transact(String dealId, Decision decision) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        CommandResult result = decideAndAppend(connection, dealId, decision);
        if (result.isAccepted()) {
          connection.commit();
        } else {
          connection.rollback();
        }
        return result;
      } catch (SQLException | RuntimeException | Error e) {
        rollbackAfter(connection, e);
        throw e;
      }
    } catch (SQLException e) {
      throw new DealStoreException("the change of deal " + dealId + " was not stored: " + e.getMessage(), e);
    }
  }

  private CommandResult decideAndAppend(Connection connection, String dealId, Decision decision) throws SQLException {
    List<DealEvent> stored = DealEventTable.load(connection, dealId);
    Either<CommandResult, Change> decided = decision.decide(stored);
    if (decided.isLeft()) {
      return decided.getLeft();
    }
    Change change = decided.get();
    int expectedVersion = stored.size();
    if (!change.deal().id().equals(dealId) || change.deal().version() != expectedVersion + change.events().size()) {
      throw new IllegalArgumentException("command must return a change of deal " + dealId + " at version "
          + expectedVersion + " but returned " + change.deal());
    }
    try {
      DealEventTable.append(connection, dealId, expectedVersion, change.events());
    } catch (SQLException e) {
      if (!isConcurrentWrite(e)) {
        throw e;
      }
      connection.rollback();
      return new CommandResult.Conflict(dealId, expectedVersion, DealEventTable.version(connection, dealId));
    }
    return new CommandResult.Accepted(change);
  }

  /**
   * Tells a lost race from other failures: a unique-key violation (SQLSTATE 23505, H2 and
   * PostgreSQL alike), a serialization failure (40001), or H2's concurrent update of a row (90131).
   */
  private static boolean isConcurrentWrite(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      for (SQLException s = t instanceof SQLException sql ? sql : null; s != null; s = s.getNextException()) {
        String state = s.getSQLState();
        if ("23505".equals(state) || "40001".equals(state) || "90131".equals(state)) {
          return true;
        }
      }
    }
    return false;
  }

  private static void rollbackAfter(Connection connection, Throwable failure) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      failure.addSuppressed(e); // the connection is gone; the database drops the open transaction
    }
  }
}
