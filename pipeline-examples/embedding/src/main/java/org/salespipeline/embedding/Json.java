package org.salespipeline.embedding;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Writes and reads the small JSON objects of the event payloads: an object whose values are
 * strings, {@code null}, or objects whose values are strings. Every scalar is a string on purpose, so amounts
 * and probabilities keep every digit and no reader turns them into binary floating point.
 *
 * <p>Hand-written rather than a library, so the event format depends on nothing that could change
 * under a vendor's stored data. Members keep their order; unknown members are kept too, so a reader
 * can skip fields that a newer writer added.
 */
final class Json {

  private final String text;
  private int pos;

  private Json(String text) {
    this.text = text;
  }

  /**
   * Writes an object; values must be {@code String}, {@code null} or {@code Map<String, String>}.
   */
  static String write(Map<String, ?> members) {
    StringBuilder out = new StringBuilder(64);
    writeObject(out, members);
    return out.toString();
  }

  /**
   * Reads an object written by {@link #write}: values are {@code String}, {@code null} or an
   * unmodifiable, ordered {@code Map<String, String>}.
   *
   * @throws IllegalArgumentException naming the position of the first character that does not fit
   */
  static Map<String, Object> read(String text) {
    Json json = new Json(Objects.requireNonNull(text, "text"));
    json.skipSpace();
    Map<String, Object> object = json.readObject(true);
    json.skipSpace();
    if (json.pos != text.length()) {
      throw json.error("end of payload");
    }
    return object;
  }

  private static void writeObject(StringBuilder out, Map<String, ?> members) {
    out.append('{');
    boolean first = true;
    for (Map.Entry<String, ?> member : members.entrySet()) {
      if (!first) {
        out.append(',');
      }
      first = false;
      writeString(out, member.getKey());
      out.append(':');
      Object value = member.getValue();
      if (value == null) {
        out.append("null");
      } else if (value instanceof String string) {
        writeString(out, string);
      } else if (value instanceof Map<?, ?> nested) {
        Map<String, String> strings = new LinkedHashMap<>();
        nested.forEach((k, v) -> strings.put((String) k, (String) Objects.requireNonNull(v, "nested value")));
        writeObject(out, strings);
      } else {
        throw new IllegalArgumentException("payload values must be strings, null or maps but was " + value.getClass());
      }
    }
    out.append('}');
  }

  private static void writeString(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
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

  private Map<String, Object> readObject(boolean nestingAllowed) {
    expect('{');
    Map<String, Object> members = new LinkedHashMap<>();
    skipSpace();
    if (peek() == '}') {
      pos++;
      return Collections.unmodifiableMap(members);
    }
    while (true) {
      skipSpace();
      String key = readString();
      skipSpace();
      expect(':');
      skipSpace();
      char c = peek();
      Object value;
      if (c == '"') {
        value = readString();
      } else if (c == '{' && nestingAllowed) {
        value = readObject(false);
      } else if (nestingAllowed && text.startsWith("null", pos)) {
        pos += 4;
        value = null;
      } else {
        throw error(nestingAllowed ? "a string, null or an object" : "a string");
      }
      if (members.containsKey(key)) {
        throw error("no duplicate member '" + key + "'");
      }
      members.put(key, value);
      skipSpace();
      char next = next();
      if (next == '}') {
        return Collections.unmodifiableMap(members);
      }
      if (next != ',') {
        pos--;
        throw error("',' or '}'");
      }
    }
  }

  private String readString() {
    expect('"');
    StringBuilder out = new StringBuilder();
    while (true) {
      char c = next();
      if (c == '"') {
        return out.toString();
      }
      if (c != '\\') {
        out.append(c);
        continue;
      }
      char escaped = next();
      switch (escaped) {
        case '"', '\\', '/' -> out.append(escaped);
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'u' -> {
          if (pos + 4 > text.length()) {
            throw error("four hex digits");
          }
          try {
            out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
          } catch (NumberFormatException e) {
            throw error("four hex digits");
          }
          pos += 4;
        }
        default -> {
          pos--;
          throw error("a valid escape");
        }
      }
    }
  }

  private void expect(char c) {
    if (next() != c) {
      pos--;
      throw error("'" + c + "'");
    }
  }

  private char peek() {
    if (pos >= text.length()) {
      throw error("more payload");
    }
    return text.charAt(pos);
  }

  private char next() {
    char c = peek();
    pos++;
    return c;
  }

  private void skipSpace() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private IllegalArgumentException error(String expected) {
    return new IllegalArgumentException("payload must be a JSON object as written by EventFormat: expected "
        + expected + " at position " + pos + " of " + text);
  }
}
