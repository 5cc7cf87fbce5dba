package org.salespipeline.analyst.cli;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.salespipeline.core.Money;
import org.salespipeline.metrics.CalendarUnit;
import org.salespipeline.metrics.Quota;
import org.salespipeline.metrics.TrendPeriod;

/**
 * The quotas file of {@code forecast --quotas} and {@code report --quotas} ({@link QuotaOptions}): a small UTF-8 CSV with the header
 * {@code period,owner,amount,currency} (columns in that order, names matched ignoring case; the
 * currency column may be left out), one quota a row: {@code 2026-Q3,ana,120000,USD}. A period is a
 * month ({@code 2026-07}) or a quarter ({@code 2026-Q3}) of the roll-up's unit; an owner is one
 * the history's deals have; an amount is a plain decimal, not negative; an empty currency is
 * {@code --currency}. No quoting: a cell holds no comma or quote. Blank lines are skipped.
 *
 * <p>Every bad row stops the command with one line naming the file, the line and the reason.
 */
final class QuotaFile {

  private QuotaFile() {}

  /**
   * Reads the quotas.
   *
   * @param file the file
   * @param unit the roll-up's unit, which every period must be of
   * @param unitSource what sets the unit, as the message of a period of another unit ends
   *     ({@code "--period is quarter"})
   * @param owners the owners of the history's deals
   * @param defaultCurrency the currency of a row without one
   * @return the quotas in file order
   * @throws UsageException if the file cannot be read or a row is bad
   */
  static List<Quota> read(Path file, CalendarUnit unit, String unitSource, Set<String> owners,
      Currency defaultCurrency) throws UsageException {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new UsageException("bad --quotas: cannot read " + file + ": " + e.getMessage(), e);
    }
    if (lines.isEmpty() || !header(lines.get(0))) {
      throw new UsageException(file + ":1: bad quotas header: expected period,owner,amount,currency but was '"
          + (lines.isEmpty() ? "" : lines.get(0)) + "'");
    }
    List<Quota> quotas = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      Quota quota = row(file + ":" + (i + 1) + ": ", line, unit, unitSource, owners, defaultCurrency);
      for (Quota other : quotas) {
        if (other.period().equals(quota.period()) && other.owner().equals(quota.owner())
            && other.amount().currency().equals(quota.amount().currency())) {
          throw new UsageException(file + ":" + (i + 1) + ": a second " + quota.amount().currency() + " quota for '"
              + quota.owner() + "' in " + quota.period().label());
        }
      }
      quotas.add(quota);
    }
    return quotas;
  }

  private static boolean header(String line) {
    String h = line.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT).replace(" ", "");
    return h.equals("period,owner,amount,currency") || h.equals("period,owner,amount");
  }

  private static Quota row(String where, String line, CalendarUnit unit, String unitSource, Set<String> owners,
      Currency defaultCurrency) throws UsageException {
    if (line.indexOf('"') >= 0) {
      throw new UsageException(where + "a quotas file has no quoted cells: '" + line + "'");
    }
    String[] cells = line.split(",", -1);
    if (cells.length < 3 || cells.length > 4) {
      throw new UsageException(where + "expected period,owner,amount,currency but found " + cells.length
          + " cells: '" + line + "'");
    }
    TrendPeriod period;
    try {
      period = TrendPeriod.parse(cells[0].strip());
    } catch (IllegalArgumentException e) {
      throw new UsageException(where + "bad period '" + cells[0].strip() + "': give a month such as 2026-07 or a"
          + " quarter such as 2026-Q3", e);
    }
    if (period.unit() != unit) {
      throw new UsageException(where + "period " + period.label() + " is a " + period.unit().name()
          .toLowerCase(Locale.ROOT) + " but " + unitSource);
    }
    String owner = cells[1].strip();
    if (!owners.contains(owner)) {
      throw new UsageException(where + "owner '" + owner + "' owns no deal in the history (owners: "
          + String.join(", ", new java.util.TreeSet<>(owners)) + ")");
    }
    BigDecimal amount;
    try {
      amount = new BigDecimal(cells[2].strip());
    } catch (NumberFormatException e) {
      throw new UsageException(where + "bad amount '" + cells[2].strip() + "': give a plain decimal such as 120000.00",
          e);
    }
    if (amount.signum() < 0) {
      throw new UsageException(where + "bad amount " + amount.toPlainString() + ": a quota is not negative");
    }
    Currency currency = defaultCurrency;
    if (cells.length == 4 && !cells[3].isBlank()) {
      try {
        currency = Currency.getInstance(cells[3].strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new UsageException(where + "bad currency '" + cells[3].strip() + "': not an ISO 4217 code such as USD", e);
      }
    }
    return new Quota(period, owner, Money.of(amount, currency));
  }
}
