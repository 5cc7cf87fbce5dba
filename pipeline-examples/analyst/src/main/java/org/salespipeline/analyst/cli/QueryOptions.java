package org.salespipeline.analyst.cli;

import io.vavr.control.Either;
import java.time.Instant;
import org.salespipeline.analyst.BadChoice;
import org.salespipeline.analyst.Export;
import org.salespipeline.analyst.ExportProfile;
import org.salespipeline.metrics.Grouping;
import org.salespipeline.metrics.MetricsQuery;
import picocli.CommandLine.Option;

/**
 * When and how the figures are taken: {@code --as-of}, {@code --from}, {@code --to} and
 * {@code --group-by}, the same for {@code metrics} and {@code report}: a picocli mixin.
 */
final class QueryOptions {

  @Option(names = "--as-of", paramLabel = "DATE", converter = Instants.class, order = 20,
      description = "the instant the figures are taken at, ISO-8601 date or date-time (default: the latest entered_at)")
  Instant asOf;

  @Option(names = "--from", paramLabel = "DATE", converter = Instants.class, order = 21,
      description = "the first instant of the window (default: the first deal's creation)")
  Instant from;

  @Option(names = "--to", paramLabel = "DATE", converter = Instants.class, order = 22,
      description = "the first instant after the window (default: just after --as-of)")
  Instant to;

  @Option(names = "--group-by", paramLabel = "COLUMN", order = 23,
      description = "also report per value of owner, currency or an attribute column")
  String groupBy;

  /**
   * Checks the window before any file is read.
   *
   * @throws UsageException if --to is not after --from
   */
  void check() throws UsageException {
    if (from != null && to != null && !to.isAfter(from)) {
      throw new UsageException("bad --from and --to: --to " + to + " must be after --from " + from);
    }
  }

  /**
   * Returns the query these options ask for over an export.
   *
   * @throws UsageException if the window is empty or the export has no such column to group by
   */
  MetricsQuery query(Export export) throws UsageException {
    return query(export.profile());
  }

  /**
   * Returns the query these options ask for over an export known by its profile.
   *
   * @throws UsageException if the window is empty or the export has no such column to group by
   */
  MetricsQuery query(ExportProfile export) throws UsageException {
    check();
    Instant at = asOf != null ? asOf : export.defaultAsOf();
    MetricsQuery query = MetricsQuery.asOf(at);
    if (from != null || to != null) {
      Instant start = from != null ? from : export.firstCreation().getOrElse(Instant.EPOCH);
      Instant end = to != null ? to : at.plusNanos(1);
      if (!end.isAfter(start)) {
        throw new UsageException("bad --" + (from != null ? "from" : "to") + ": the window [" + start + ", " + end
            + ") is empty; give a --from before --to (or before --as-of)");
      }
      query = query.withWindow(start, end);
    }
    if (groupBy != null) {
      Either<BadChoice, Grouping> grouping = export.grouping(groupBy);
      if (grouping.isLeft()) {
        throw new UsageException("bad --group-by: " + grouping.getLeft().message());
      }
      query = query.withGrouping(grouping.get());
    }
    return query;
  }
}
