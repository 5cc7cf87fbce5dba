package org.salespipeline.history.importers;

import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.salespipeline.history.CsvRecords;

/**
 * The bookkeeping every importer shares: records taken per deal, bad records (strict: the first
 * stops the import; skipping: each listed, and its deal left out whole with all its records),
 * records set aside for a stated reason, and the counts that add up.
 *
 * <p>Design note: a deal's rows are kept until the end of the file, because a later record of the
 * same deal can still turn out bad and the deal must then be left out whole; rows are put in time
 * order per deal (ties keep file order) only at the end. Not thread-safe.
 */
final class Intake {

  /** One record taken, with the rows it became. */
  private record Taken(long line, String text, List<HistoryRow> rows) {}

  private static final class Entry {
    final List<Taken> taken = new ArrayList<>();
    String badReason;
  }

  private final String file;
  private final boolean skipBadRows;
  private final Map<String, Entry> deals = new LinkedHashMap<>();
  private final List<ImportRejection> rejections = new ArrayList<>();
  private final Map<String, List<String>> setAside = new LinkedHashMap<>();
  private final Map<String, Long> seen = new HashMap<>();
  private long records;
  private long rejectedRecords;
  private long setAsideRecords;

  Intake(String file, ImportOptions options) {
    this.file = file;
    this.skipBadRows = options.skipBadRows();
  }

  /** Counts a data record read from the main file. */
  void read() {
    records++;
  }

  /** Returns the line of the first record of a deal already taken, rejected or set aside, if any. */
  Option<Long> firstLine(String dealId) {
    return Option.of(seen.get(dealId));
  }

  /** Rejects a record of the main file: stops a strict import, else lists it and marks its deal bad. */
  void bad(CsvRecords.Record record, String dealId, String reason) throws ImportException {
    rejectedRecords++;
    reject(file, record, dealId, reason);
  }

  /** Rejects a record of a joined file (not counted among the main file's records); its deal is left out whole. */
  void badJoined(String joinedFile, CsvRecords.Record record, String dealId, String reason) throws ImportException {
    reject(joinedFile, record, dealId, reason);
  }

  private void reject(String where, CsvRecords.Record record, String dealId, String reason) throws ImportException {
    ImportRejection rejection = new ImportRejection(where, record.line(), dealId, VendorTable.text(record), reason);
    if (!skipBadRows) {
      throw new ImportException(rejection);
    }
    rejections.add(rejection);
    if (!dealId.isEmpty()) {
      seen.putIfAbsent(dealId, record.line());
      Entry entry = deals.computeIfAbsent(dealId, id -> new Entry());
      if (entry.badReason == null) {
        entry.badReason = where + ":" + record.line() + " is bad (" + reason + ")";
      }
    }
  }

  /** Takes a record of the main file as the rows it became. */
  void take(CsvRecords.Record record, String dealId, List<HistoryRow> rows) {
    seen.putIfAbsent(dealId, record.line());
    deals.computeIfAbsent(dealId, id -> new Entry()).taken
        .add(new Taken(record.line(), VendorTable.text(record), List.copyOf(rows)));
  }

  /** Sets a deal's only record aside for a reason that is not an error. */
  void setAsideDeal(String reason, String dealId, long line) {
    seen.putIfAbsent(dealId, line);
    setAside(reason, dealId);
  }

  /** Sets a record of the main file aside for a reason that is not an error, naming it by deal id (or line). */
  void setAside(String reason, String name) {
    setAsideRecords++;
    setAside.computeIfAbsent(reason, r -> new ArrayList<>()).add(name);
  }

  /** Returns whether a deal has records taken and none bad so far. */
  boolean isTakenAndGood(String dealId) {
    Entry entry = deals.get(dealId);
    return entry != null && entry.badReason == null && !entry.taken.isEmpty();
  }

  /** The ids of the deals with records taken, in the order first seen. */
  List<String> dealIds() {
    return List.copyOf(deals.keySet());
  }

  /**
   * Ends the import: puts each good deal's rows in time order (ties keep file order), lets
   * {@code settle} finish or refuse the deal (given its id and rows in order, it returns the rows
   * to keep or the reason), leaves out every bad deal whole, and returns the rows with the counts.
   */
  Result finish(BiFunction<String, List<HistoryRow>, Either<String, List<HistoryRow>>> settle)
      throws ImportException {
    List<HistoryRow> out = new ArrayList<>();
    long importedRecords = 0;
    long importedDeals = 0;
    long rejectedDeals = 0;
    for (Map.Entry<String, Entry> e : deals.entrySet()) {
      Entry entry = e.getValue();
      List<HistoryRow> settled = List.of();
      if (entry.badReason == null) {
        List<HistoryRow> rows = new ArrayList<>();
        for (Taken taken : entry.taken) {
          rows.addAll(taken.rows());
        }
        rows.sort(Comparator.comparing(HistoryRow::enteredAt));
        Either<String, List<HistoryRow>> result = settle.apply(e.getKey(), rows);
        if (result.isLeft()) {
          Taken first = entry.taken.get(0);
          ImportRejection rejection = new ImportRejection(file, first.line(), e.getKey(), first.text(),
              result.getLeft());
          if (!skipBadRows) {
            throw new ImportException(rejection);
          }
          entry.badReason = result.getLeft();
        } else {
          settled = result.get();
        }
      }
      if (entry.badReason != null) {
        rejectedDeals++;
        for (Taken taken : entry.taken) {
          rejectedRecords++;
          rejections.add(new ImportRejection(file, taken.line(), e.getKey(), taken.text(),
              "left out with its deal: " + entry.badReason));
        }
        continue;
      }
      importedDeals++;
      importedRecords += entry.taken.size();
      out.addAll(settled);
    }
    rejections.sort(Comparator.comparing(ImportRejection::file).thenComparingLong(ImportRejection::line));
    ImportSummary summary = new ImportSummary(records, importedRecords, rejectedRecords, setAsideRecords,
        importedDeals, rejectedDeals, out.size());
    return new Result(out, List.copyOf(rejections), setAside, summary);
  }

  /** What an import made. */
  record Result(List<HistoryRow> rows, List<ImportRejection> rejections, Map<String, List<String>> setAside,
      ImportSummary summary) {}
}
