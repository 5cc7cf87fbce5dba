package org.salespipeline.analyst.cli;

import java.util.Iterator;
import java.util.Map;

/**
 * Just enough JSON for the command line's {@code --format json}: a value is a {@link Map} (an
 * object, keys in the map's order), an {@link Iterable} (an array), a {@link CharSequence}, a
 * {@link Number}, a {@link Boolean} or {@code null}, nested freely. Numbers are written with
 * {@code toString()} (so {@link java.math.BigDecimal} keeps its exact digits); a non-finite double
 * is written as {@code null}, the CLI's mark of an undefined figure.
 */
public final class Json {

  private Json() {}

  /**
   * Writes a value as compact JSON.
   *
   * @param value the value, may be null
   * @return the JSON text, never null
   * @throws IllegalArgumentException if the value, or one inside it, is of another type
   */
  public static String write(Object value) {
    StringBuilder out = new StringBuilder();
    write(value, out);
    return out.toString();
  }

  private static void write(Object value, StringBuilder out) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof CharSequence text) {
      string(text, out);
    } else if (value instanceof Double d && !Double.isFinite(d) || value instanceof Float f && !Float.isFinite(f)) {
      out.append("null");
    } else if (value instanceof Number || value instanceof Boolean) {
      out.append(value);
    } else if (value instanceof Map<?, ?> map) {
      out.append('{');
      Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator();
      while (it.hasNext()) {
        Map.Entry<?, ?> entry = it.next();
        string(String.valueOf(entry.getKey()), out);
        out.append(':');
        write(entry.getValue(), out);
        if (it.hasNext()) {
          out.append(',');
        }
      }
      out.append('}');
    } else if (value instanceof Iterable<?> items) {
      out.append('[');
      Iterator<?> it = items.iterator();
      while (it.hasNext()) {
        write(it.next(), out);
        if (it.hasNext()) {
          out.append(',');
        }
      }
      out.append(']');
    } else {
      throw new IllegalArgumentException("value must be a map, iterable, text, number, boolean or null but was a "
          + value.getClass().getName());
    }
  }

  private static void string(CharSequence text, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
