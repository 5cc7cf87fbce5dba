package org.salespipeline.history.importers;

import io.vavr.control.Option;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.salespipeline.core.ForecastCategory;

/**
 * One row of a stage history (SPEC §6), as an importer makes it from a CRM export: the deal
 * entered {@code stage} at {@code enteredAt}, and the values present became known at that instant.
 *
 * <p>A value that is absent did not change at this row (it is not "cleared"): the stage-history
 * reader applies each present value from its row's instant on. A row whose stage is the one the
 * deal is already in records only a change of values.
 *
 * <p>Immutable and thread-safe.
 *
 * @param dealId the deal's id, not blank
 * @param stage the stage's name, not blank
 * @param enteredAt the instant the deal entered the stage (or the values changed)
 * @param amount the deal's amount from this instant, if it became known or changed here;
 *     non-negative
 * @param currency the currency of the amount, if the export names one
 * @param owner the deal's owner from this instant, if known here; not blank
 * @param lostReason why the deal was lost, on a row entering the lost stage; not blank
 * @param expectedClose the date the deal is expected to close, as known from this instant
 * @param forecastCategory the deal's forecast category from this instant, on a row in an open
 *     stage (the {@code forecast_category} column); never {@link ForecastCategory#CLOSED}
 * @param attributes other values known from this instant, by column name (in the export's order);
 *     keys and values not blank
 */
public record HistoryRow(String dealId, String stage, Instant enteredAt, Option<BigDecimal> amount,
    Option<Currency> currency, Option<String> owner, Option<String> lostReason, Option<LocalDate> expectedClose,
    Option<ForecastCategory> forecastCategory, Map<String, String> attributes) {

  /**
   * Creates the value, copying the attributes in their order.
   *
   * @param dealId the deal's id, not blank
   * @param stage the stage's name, not blank
   * @param enteredAt the instant the deal entered the stage (or the values changed)
   * @param amount the amount from this instant, if it became known or changed here
   * @param currency the currency of the amount, if the export names one
   * @param owner the deal's owner from this instant, if known here; not blank
   * @param lostReason why the deal was lost, on a row entering the lost stage; not blank
   * @param expectedClose the date the deal is expected to close, as known from this instant
   * @param forecastCategory the deal's forecast category from this instant, on a row in an open stage
   * @param attributes other values known from this instant, by column name
   * @throws IllegalArgumentException if the id, the stage, the owner, the lost reason, an
   *     attribute key or value is blank, the amount is negative, or the forecast category is
   *     {@link ForecastCategory#CLOSED} (only a won deal is closed)
   */
  public HistoryRow {
    requireText(dealId, "dealId");
    requireText(stage, "stage");
    Objects.requireNonNull(enteredAt, "enteredAt");
    Objects.requireNonNull(amount, "amount");
    if (amount.exists(a -> a.signum() < 0)) {
      throw new IllegalArgumentException("amount must not be negative but was " + amount.get());
    }
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(owner, "owner").forEach(o -> requireText(o, "owner"));
    Objects.requireNonNull(lostReason, "lostReason").forEach(r -> requireText(r, "lostReason"));
    Objects.requireNonNull(expectedClose, "expectedClose");
    if (Objects.requireNonNull(forecastCategory, "forecastCategory").contains(ForecastCategory.CLOSED)) {
      throw new IllegalArgumentException("forecastCategory must not be CLOSED: only a won deal is closed, and a won"
          + " deal's category is its outcome");
    }
    Map<String, String> copy = new LinkedHashMap<>();
    Objects.requireNonNull(attributes, "attributes").forEach((k, v) -> {
      requireText(k, "attribute key");
      requireText(v, "attribute '" + k + "'");
      copy.put(k, v);
    });
    attributes = Collections.unmodifiableMap(copy);
  }

  /**
   * Returns a row entering a stage with no values.
   *
   * @param dealId the deal's id, not blank
   * @param stage the stage's name, not blank
   * @param enteredAt the instant, not null
   * @return the row, never null
   */
  public static HistoryRow of(String dealId, String stage, Instant enteredAt) {
    return new HistoryRow(dealId, stage, enteredAt, Option.none(), Option.none(), Option.none(), Option.none(),
        Option.none(), Option.none(), Map.of());
  }

  /**
   * Returns a copy with an amount known from this row on.
   *
   * @param value the amount, not null, not negative
   * @return the copy, never null
   */
  public HistoryRow withAmount(BigDecimal value) {
    return new HistoryRow(dealId, stage, enteredAt, Option.some(Objects.requireNonNull(value, "value")), currency,
        owner, lostReason, expectedClose, forecastCategory, attributes);
  }

  /**
   * Returns a copy naming the currency of the amount.
   *
   * @param value the currency, not null
   * @return the copy, never null
   */
  public HistoryRow withCurrency(Currency value) {
    return new HistoryRow(dealId, stage, enteredAt, amount, Option.some(Objects.requireNonNull(value, "value")),
        owner, lostReason, expectedClose, forecastCategory, attributes);
  }

  /**
   * Returns a copy with an owner known from this row on.
   *
   * @param value the owner, not blank
   * @return the copy, never null
   */
  public HistoryRow withOwner(String value) {
    return new HistoryRow(dealId, stage, enteredAt, amount, currency, Option.some(value), lostReason, expectedClose,
        forecastCategory, attributes);
  }

  /**
   * Returns a copy with a lost reason.
   *
   * @param value the reason, not blank
   * @return the copy, never null
   */
  public HistoryRow withLostReason(String value) {
    return new HistoryRow(dealId, stage, enteredAt, amount, currency, owner, Option.some(value), expectedClose,
        forecastCategory, attributes);
  }

  /**
   * Returns a copy with an expected close date known from this row on.
   *
   * @param value the date, not null
   * @return the copy, never null
   */
  public HistoryRow withExpectedClose(LocalDate value) {
    return new HistoryRow(dealId, stage, enteredAt, amount, currency, owner, lostReason,
        Option.some(Objects.requireNonNull(value, "value")), forecastCategory, attributes);
  }

  /**
   * Returns a copy naming the deal's forecast category from this row on.
   *
   * @param value the category, not null, not {@link ForecastCategory#CLOSED}
   * @return the copy, never null
   * @throws IllegalArgumentException if the category is {@link ForecastCategory#CLOSED}
   */
  public HistoryRow withForecastCategory(ForecastCategory value) {
    return new HistoryRow(dealId, stage, enteredAt, amount, currency, owner, lostReason, expectedClose,
        Option.some(Objects.requireNonNull(value, "value")), attributes);
  }

  /**
   * Returns a copy with these attributes known from this row on (replacing the row's others).
   *
   * @param values the attributes by column name, not null
   * @return the copy, never null
   */
  public HistoryRow withAttributes(Map<String, String> values) {
    return new HistoryRow(dealId, stage, enteredAt, amount, currency, owner, lostReason, expectedClose,
        forecastCategory, values);
  }

  private static void requireText(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}
