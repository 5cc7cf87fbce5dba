package org.salespipeline.analyst.cli;

import java.util.Objects;

/**
 * One command-line option: {@code --name VALUE} (or {@code --name=VALUE}), or a flag
 * {@code --name} without value.
 *
 * @param name the name without dashes, such as {@code history}
 * @param valueName what the value is, shown in help ({@code FILE}); empty for a flag
 * @param description one line for the help
 * @param required whether the command needs it
 * @param defaultValue the value when not given, empty if none; shown in help
 */
public record OptionSpec(String name, String valueName, String description, boolean required, String defaultValue) {

  /**
   * Creates the value.
   *
   * @param name the name without dashes, not blank
   * @param valueName what the value is, not null; empty for a flag
   * @param description one line for the help, not null
   * @param required whether the command needs it
   * @param defaultValue the value when not given, not null, empty if none
   */
  public OptionSpec {
    Objects.requireNonNull(name, "name");
    if (name.isBlank() || name.startsWith("-")) {
      throw new IllegalArgumentException("name must be non-blank without dashes but was '" + name + "'");
    }
    Objects.requireNonNull(valueName, "valueName");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(defaultValue, "defaultValue");
  }

  /**
   * Returns a required option with a value.
   *
   * @param name the name without dashes
   * @param valueName what the value is
   * @param description one line for the help
   * @return the option, never null
   */
  public static OptionSpec required(String name, String valueName, String description) {
    return new OptionSpec(name, valueName, description, true, "");
  }

  /**
   * Returns an optional option with a value.
   *
   * @param name the name without dashes
   * @param valueName what the value is
   * @param description one line for the help
   * @param defaultValue the value when not given, empty if none
   * @return the option, never null
   */
  public static OptionSpec optional(String name, String valueName, String description, String defaultValue) {
    return new OptionSpec(name, valueName, description, false, defaultValue);
  }

  /**
   * Returns a flag: an option without value, false unless given.
   *
   * @param name the name without dashes
   * @param description one line for the help
   * @return the option, never null
   */
  public static OptionSpec flag(String name, String description) {
    return new OptionSpec(name, "", description, false, "");
  }

  /**
   * Tells whether this option is a flag without value.
   *
   * @return true for a flag
   */
  public boolean isFlag() {
    return valueName.isEmpty();
  }

  /**
   * Returns how the option is written in usage lines: {@code --history FILE} or {@code --grouped}.
   *
   * @return the text, never null
   */
  public String synopsis() {
    return "--" + name + (isFlag() ? "" : " " + valueName);
  }
}
