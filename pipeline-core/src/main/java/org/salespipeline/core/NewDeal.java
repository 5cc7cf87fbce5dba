package org.salespipeline.core;

import io.vavr.control.Option;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;
import org.salespipeline.core.internal.ValueStyle;

/**
 * What a salesperson knows when opening a deal; {@link Pipeline#open(NewDeal, java.time.Instant)}
 * turns it into a {@link Deal}.
 *
 * <p>Start with {@link #of(String)} and add what is known with the {@code with…} methods.
 * Immutable and thread-safe.
 */
@Value.Immutable
@ValueStyle
@SuppressWarnings("exports") // the compile-only Immutables annotations are not part of the API
public abstract class NewDeal {

  NewDeal() {}

  /**
   * Returns a new deal with only an id: empty title, account and owner, no amount, starting in the
   * pipeline's first allowed stage, nothing known of its qualification.
   *
   * @param id the deal's id, not blank
   * @return the new deal, never null
   */
  public static NewDeal of(String id) {
    return ImmutableNewDeal.builder().id(id).build();
  }

  /**
   * Returns the deal's id, unique in the host's store.
   *
   * @return the id, never null or blank
   */
  public abstract String id();

  /**
   * Returns the deal's title.
   *
   * @return the title, empty unless set, never null
   */
  @Value.Default
  public String title() {
    return "";
  }

  /**
   * Returns the customer account.
   *
   * @return the account, empty unless set, never null
   */
  @Value.Default
  public String account() {
    return "";
  }

  /**
   * Returns the salesperson who owns the deal.
   *
   * @return the owner, empty unless set, never null
   */
  @Value.Default
  public String owner() {
    return "";
  }

  /**
   * Returns the amount.
   *
   * @return the amount, never negative, or none if not known
   */
  public Option<Money> amount() {
    return Option.of(amountOrNull());
  }

  // The optional values are nullable fields behind their Option accessors: opening a deal reads them from the
  // draft alone, not from an Option object each. Measured (bench harness, 10,000 lifecycles, under load): with the
  // drafts cold, opening was about a quarter of our driver's CPU samples, and 8 drafts in cache instead of 10,000
  // cut its CPU per pass from 6.0 to 3.8 ms; a draft of one object is what a host's fresh draft looks like.

  abstract @Nullable Money amountOrNull();

  /**
   * Returns the open stage the deal starts in.
   *
   * @return the stage id, or none for the pipeline's first allowed stage
   */
  public Option<String> stageId() {
    return Option.of(stageIdOrNull());
  }

  abstract @Nullable String stageIdOrNull();

  /**
   * Returns when the deal is expected to close.
   *
   * @return the date, or none if not known
   */
  public Option<LocalDate> expectedClose() {
    return Option.of(expectedCloseOrNull());
  }

  abstract @Nullable LocalDate expectedCloseOrNull();

  /**
   * Returns what is known of the deal's qualification.
   *
   * @return the qualification, {@link Qualification#UNKNOWN} unless set, never null
   */
  @Value.Default
  public Qualification qualification() {
    return Qualification.UNKNOWN;
  }

  /**
   * Returns the free attributes, such as source or segment.
   *
   * @return the attributes in the order they were added, unmodifiable, never null
   */
  public Map<String, String> attributes() {
    return attributeMap();
  }

  /**
   * The attributes in the deal's own compact form, checked when added: opening a deal shares them
   * with the deal and its {@link DealEvent.Opened} instead of copying them.
   */
  @Value.Default
  Attributes attributeMap() {
    return Attributes.empty();
  }

  /**
   * Returns a copy with a title.
   *
   * @param title the title, not null
   * @return the copy, never null
   */
  public abstract NewDeal withTitle(String title);

  /**
   * Returns a copy with an account.
   *
   * @param account the account, not null
   * @return the copy, never null
   */
  public abstract NewDeal withAccount(String account);

  /**
   * Returns a copy with an owner.
   *
   * @param owner the owner, not null
   * @return the copy, never null
   */
  public abstract NewDeal withOwner(String owner);

  /**
   * Returns a copy with an amount.
   *
   * @param amount the amount, not null, not negative
   * @return the copy, never null
   * @throws IllegalArgumentException if the amount is negative
   */
  public NewDeal withAmount(Money amount) {
    return ImmutableNewDeal.builder().from(this).amountOrNull(Objects.requireNonNull(amount, "amount")).build();
  }

  /**
   * Returns a copy that starts in the given open stage.
   *
   * @param stageId the stage id, not null
   * @return the copy, never null
   */
  public NewDeal withStage(String stageId) {
    return ImmutableNewDeal.builder().from(this).stageIdOrNull(Objects.requireNonNull(stageId, "stageId")).build();
  }

  /**
   * Returns a copy with an expected close date.
   *
   * @param date the date, not null
   * @return the copy, never null
   */
  public NewDeal withExpectedClose(LocalDate date) {
    return ImmutableNewDeal.builder().from(this).expectedCloseOrNull(Objects.requireNonNull(date, "date")).build();
  }

  /**
   * Returns a copy with what is known of the qualification.
   *
   * @param qualification the qualification, not null
   * @return the copy, never null
   */
  public abstract NewDeal withQualification(Qualification qualification);

  /**
   * Returns a copy with one more attribute (or a new value for an existing one, kept in its place).
   *
   * @param key the key, not blank
   * @param value the value, not null
   * @return the copy, never null
   */
  public NewDeal withAttribute(String key, String value) {
    Checks.notBlank(key, "key");
    Objects.requireNonNull(value, "value");
    return ImmutableNewDeal.builder().from(this).attributeMap(attributeMap().with(key, value)).build();
  }

  @Value.Check
  void check() {
    Checks.notBlank(id(), "id");
    Money amount = amountOrNull();
    if (amount != null) {
      Checks.nonNegative(amount, "amount");
    }
  }

  /**
   * Prints the draft as its fields, {@code NewDeal{id=…, …, attributes={…}}}.
   *
   * @return the text, never null
   */
  @Override
  public String toString() {
    return "NewDeal{id=" + id() + ", title=" + title() + ", account=" + account() + ", owner=" + owner()
        + ", amount=" + amount() + ", stageId=" + stageId() + ", expectedClose=" + expectedClose()
        + ", qualification=" + qualification() + ", attributes=" + attributeMap() + "}";
  }
}
