package org.salespipeline.analyst.cli;

import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.salespipeline.history.Timestamps;

/**
 * The options of one command line, checked against the command's {@link OptionSpec}s:
 * {@code --name VALUE}, {@code --name=VALUE} and flags {@code --name}; every option at most once; no
 * positional arguments. Immutable.
 */
public final class ParsedArgs {

  private final String command;
  private final Map<String, String> values;

  private ParsedArgs(String command, Map<String, String> values) {
    this.command = command;
    this.values = values;
  }

  /**
   * Parses the arguments that follow the command name.
   *
   * @param command the command's name, for messages, not null
   * @param options the options the command knows, not null
   * @param args the arguments, not null
   * @return the parsed options, never null
   * @throws UsageException naming the first unknown, repeated, valueless or missing option
   */
  public static ParsedArgs parse(String command, List<OptionSpec> options, List<String> args)
      throws UsageException {
    Objects.requireNonNull(command, "command");
    Map<String, OptionSpec> known = new LinkedHashMap<>();
    for (OptionSpec option : options) {
      known.put(option.name(), option);
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (!arg.startsWith("--") || arg.length() == 2) {
        throw new UsageException("unexpected argument '" + arg + "': options are written --name VALUE");
      }
      int equals = arg.indexOf('=');
      String name = arg.substring(2, equals < 0 ? arg.length() : equals);
      OptionSpec option = known.get(name);
      if (option == null) {
        throw new UsageException("unknown option --" + name + " for " + command + "; it takes "
            + String.join(", ", known.values().stream().map(o -> "--" + o.name()).toList()));
      }
      String value;
      if (option.isFlag()) {
        if (equals >= 0) {
          throw new UsageException("--" + name + " takes no value");
        }
        value = "true";
      } else if (equals >= 0) {
        value = arg.substring(equals + 1);
      } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
        value = args.get(++i);
      } else {
        throw new UsageException("--" + name + " needs a value: " + option.synopsis());
      }
      if (values.put(name, value) != null) {
        throw new UsageException("--" + name + " is given twice");
      }
    }
    List<String> missing = new ArrayList<>();
    for (OptionSpec option : options) {
      if (option.required() && !values.containsKey(option.name())) {
        missing.add(option.synopsis());
      }
    }
    if (!missing.isEmpty()) {
      throw new UsageException(command + " needs " + String.join(" and ", missing));
    }
    return new ParsedArgs(command, values);
  }

  /**
   * Returns the command's name.
   *
   * @return the name, never null
   */
  public String command() {
    return command;
  }

  /**
   * Returns an option's value as given.
   *
   * @param name the option's name without dashes, not null
   * @return the value, or none if not given
   */
  public Option<String> value(String name) {
    return Option.of(values.get(Objects.requireNonNull(name, "name")));
  }

  /**
   * Returns an option's value, or a default.
   *
   * @param name the option's name without dashes, not null
   * @param defaultValue the value if not given, not null
   * @return the value, never null
   */
  public String value(String name, String defaultValue) {
    return value(name).getOrElse(Objects.requireNonNull(defaultValue, "defaultValue"));
  }

  /**
   * Tells whether a flag was given.
   *
   * @param name the flag's name without dashes, not null
   * @return true if given
   */
  public boolean flag(String name) {
    return values.containsKey(Objects.requireNonNull(name, "name"));
  }

  /**
   * Returns an option's value read as an ISO-8601 date or date-time ({@link Timestamps#parse}).
   *
   * @param name the option's name without dashes, not null
   * @return the instant, or none if not given
   * @throws UsageException if the value is not a date or date-time
   */
  public Option<Instant> instant(String name) throws UsageException {
    Option<String> text = value(name);
    if (text.isEmpty()) {
      return Option.none();
    }
    Either<String, Instant> parsed = Timestamps.parse(text.get());
    if (parsed.isLeft()) {
      throw new UsageException("bad --" + name + ": " + parsed.getLeft());
    }
    return Option.some(parsed.get());
  }
}
