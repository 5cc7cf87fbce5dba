package org.salespipeline.analyst.report;

/**
 * A small HTML writer that escapes every piece of text and every attribute value, so that deal
 * ids, owners and titles read from CSV files can never become markup.
 *
 * <p>Only tag names, attribute names and the report's own constant style sheet go out unescaped;
 * they are never built from data. Not thread-safe: one writer per document.
 */
final class Html {

  private final StringBuilder out = new StringBuilder(64 * 1024);

  /**
   * Escapes text for HTML content and quoted attribute values: {@code & < > " '}.
   *
   * @param text the text
   * @return the escaped text
   */
  static String escape(String text) {
    StringBuilder s = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String replacement = switch (c) {
        case '&' -> "&amp;";
        case '<' -> "&lt;";
        case '>' -> "&gt;";
        case '"' -> "&quot;";
        case '\'' -> "&#39;";
        default -> null;
      };
      if (replacement != null) {
        if (s == null) {
          s = new StringBuilder(text.length() + 16).append(text, 0, i);
        }
        s.append(replacement);
      } else if (s != null) {
        s.append(c);
      }
    }
    return s == null ? text : s.toString();
  }

  /** Opens an element; attributes come as name, value pairs and the values are escaped. */
  Html open(String tag, String... attributes) {
    out.append('<').append(tag);
    attributes(attributes);
    out.append('>');
    return this;
  }

  /** Writes an element with no content ({@code <rect … />} in SVG, {@code <meta …>} in HTML). */
  Html empty(String tag, String... attributes) {
    out.append('<').append(tag);
    attributes(attributes);
    out.append(tag.equals("meta") ? ">" : "/>");
    return this;
  }

  Html close(String tag) {
    out.append("</").append(tag).append('>');
    return this;
  }

  /** Writes an element holding escaped text. */
  Html element(String tag, String text, String... attributes) {
    return open(tag, attributes).text(text).close(tag);
  }

  Html text(String text) {
    out.append(escape(text));
    return this;
  }

  /** Writes markup that is a constant of this package, never data. */
  Html constant(String markup) {
    out.append(markup);
    return this;
  }

  Html newline() {
    out.append('\n');
    return this;
  }

  private void attributes(String... attributes) {
    if (attributes.length % 2 != 0) {
      throw new IllegalStateException("bug: attributes must come in name, value pairs but were " + attributes.length);
    }
    for (int i = 0; i < attributes.length; i += 2) {
      out.append(' ').append(attributes[i]).append("=\"").append(escape(attributes[i + 1])).append('"');
    }
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
