package org.salespipeline.metrics;

import java.util.Objects;
import java.util.function.Function;
import org.salespipeline.core.Deal;

/**
 * How deals are split into groups, each with its own report: by owner, by an attribute, or by any
 * function of the deal. The key is read from the deal as it was at the as-of instant.
 *
 * <p>Immutable and thread-safe if its function is.
 */
public final class Grouping {

  /**
   * The key of deals that have no value for the grouping (such as a missing attribute, or no
   * owner), and how every printed table shows a deal without an owner. JSON outputs give such an
   * owner as {@code null} where it is a value, and this key where it names a group.
   */
  public static final String NONE = "(none)";

  private final String name;
  private final Function<? super Deal, String> key;

  private Grouping(String name, Function<? super Deal, String> key) {
    this.name = name;
    this.key = key;
  }

  /**
   * Groups deals by owner; deals without an owner (empty or blank) are in group {@link #NONE}.
   *
   * @return the grouping, never null
   */
  public static Grouping owner() {
    return new Grouping("owner", Deal::owner);
  }

  /**
   * Groups deals by the value of a free attribute; deals without it are in group {@link #NONE}.
   *
   * @param key the attribute's key, not null
   * @return the grouping, never null
   */
  public static Grouping attribute(String key) {
    Objects.requireNonNull(key, "key");
    return new Grouping(key, deal -> deal.attributes().getOrDefault(key, ""));
  }

  /**
   * Groups deals by any function; an empty or blank key means group {@link #NONE}.
   *
   * @param name what the groups are, for the printed table, not null
   * @param key the group of a deal, not null; must not return null
   * @return the grouping, never null
   */
  public static Grouping of(String name, Function<? super Deal, String> key) {
    return new Grouping(Objects.requireNonNull(name, "name"), Objects.requireNonNull(key, "key"));
  }

  /**
   * Returns how a group value (an owner, an attribute's value) is shown and grouped: {@link #NONE}
   * for an empty or blank one, else the value itself.
   *
   * @param value the value, not null
   * @return the label, never null or blank
   */
  public static String label(String value) {
    return Objects.requireNonNull(value, "value").isBlank() ? NONE : value;
  }

  /**
   * Returns what the groups are, such as {@code owner}.
   *
   * @return the name, never null
   */
  public String name() {
    return name;
  }

  /**
   * Returns the group of a deal.
   *
   * @param deal the deal, not null
   * @return the key, never null or blank ({@link #NONE} for no value, or a blank one)
   * @throws NullPointerException if the function returned null
   */
  public String keyOf(Deal deal) {
    String k = Objects.requireNonNull(key.apply(deal), () -> "grouping '" + name + "' returned null for deal " + deal.id());
    return label(k);
  }

  @Override
  public String toString() {
    return "by " + name;
  }
}
