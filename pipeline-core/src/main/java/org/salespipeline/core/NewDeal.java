package org.salespipeline.core;

import io.vavr.control.Option;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

/**
 * What a salesperson knows when opening a deal; {@link Pipeline#open(NewDeal, java.time.Instant)}
 * turns it into a {@link Deal}.
 *
 * <p>Start with {@link #of(String)} and add what is known with the {@code with…} methods.
 * Immutable and thread-safe.
 *
 * @param id the deal's id, unique in the host's store
 * @param title the deal's title
 * @param account the customer account
 * @param owner the salesperson who owns it
 * @param amount the amount, if known; never negative
 * @param stageId the open stage it starts in; none means the pipeline's first allowed stage
 * @param expectedClose when it is expected to close, if known
 * @param qualification what is known of its qualification
 * @param attributes free attributes such as source or segment
 */
public record NewDeal(
    String id,
    String title,
    String account,
    String owner,
    Option<Money> amount,
    Option<String> stageId,
    Option<LocalDate> expectedClose,
    Qualification qualification,
    Map<String, String> attributes) {
  /**
   * Creates the value, checking that no component is null.
   *
   * @param id the deal's id, unique in the host's store
   * @param title the deal's title
   * @param account the customer account
   * @param owner the salesperson who owns it
   * @param amount the amount, if known; never negative
   * @param stageId the open stage it starts in; none means the pipeline's first allowed stage
   * @param expectedClose when it is expected to close, if known
   * @param qualification what is known of its qualification
   * @param attributes free attributes such as source or segment
   */
  public NewDeal {
    Checks.notBlank(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(amount, "amount");
    amount.forEach(money -> Checks.nonNegative(money, "amount"));
    Objects.requireNonNull(stageId, "stageId");
    Objects.requireNonNull(expectedClose, "expectedClose");
    Objects.requireNonNull(qualification, "qualification");
    attributes = Attributes.copyOf(attributes);
  }

  /**
   * Returns a new deal with only an id: empty title, account and owner, no amount, starting in the
   * pipeline's first allowed stage, nothing known of its qualification.
   *
   * @param id the deal's id, not blank
   * @return the new deal, never null
   */
  public static NewDeal of(String id) {
    return new NewDeal(id, "", "", "", Option.none(), Option.none(), Option.none(), Qualification.UNKNOWN, Map.of());
  }

  /**
   * Returns a copy with a title.
   *
   * @param title the title, not null
   * @return the copy, never null
   */
  public NewDeal withTitle(String title) {
    return new NewDeal(id, title, account, owner, amount, stageId, expectedClose, qualification, attributes);
  }

  /**
   * Returns a copy with an account.
   *
   * @param account the account, not null
   * @return the copy, never null
   */
  public NewDeal withAccount(String account) {
    return new NewDeal(id, title, account, owner, amount, stageId, expectedClose, qualification, attributes);
  }

  /**
   * Returns a copy with an owner.
   *
   * @param owner the owner, not null
   * @return the copy, never null
   */
  public NewDeal withOwner(String owner) {
    return new NewDeal(id, title, account, owner, amount, stageId, expectedClose, qualification, attributes);
  }

  /**
   * Returns a copy with an amount.
   *
   * @param amount the amount, not null, not negative
   * @return the copy, never null
   * @throws IllegalArgumentException if the amount is negative
   */
  public NewDeal withAmount(Money amount) {
    return new NewDeal(id, title, account, owner, Option.of(Objects.requireNonNull(amount, "amount")), stageId,
        expectedClose, qualification, attributes);
  }

  /**
   * Returns a copy that starts in the given open stage.
   *
   * @param stageId the stage id, not null
   * @return the copy, never null
   */
  public NewDeal withStage(String stageId) {
    return new NewDeal(id, title, account, owner, amount, Option.of(Objects.requireNonNull(stageId, "stageId")),
        expectedClose, qualification, attributes);
  }

  /**
   * Returns a copy with an expected close date.
   *
   * @param date the date, not null
   * @return the copy, never null
   */
  public NewDeal withExpectedClose(LocalDate date) {
    return new NewDeal(id, title, account, owner, amount, stageId, Option.of(Objects.requireNonNull(date, "date")),
        qualification, attributes);
  }

  /**
   * Returns a copy with what is known of the qualification.
   *
   * @param qualification the qualification, not null
   * @return the copy, never null
   */
  public NewDeal withQualification(Qualification qualification) {
    return new NewDeal(id, title, account, owner, amount, stageId, expectedClose, qualification, attributes);
  }

  /**
   * Returns a copy with one more attribute (or a new value for an existing one).
   *
   * @param key the key, not blank
   * @param value the value, not null
   * @return the copy, never null
   */
  public NewDeal withAttribute(String key, String value) {
    Checks.notBlank(key, "key");
    Objects.requireNonNull(value, "value");
    return new NewDeal(id, title, account, owner, amount, stageId, expectedClose, qualification,
        Attributes.with(attributes, key, value));
  }
}
