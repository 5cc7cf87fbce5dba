package org.salespipeline.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Copies attribute maps into unmodifiable, insertion-ordered maps with no null or blank key. */
final class Attributes {

  private Attributes() {}

  static Map<String, String> copyOf(Map<String, String> attributes) {
    Objects.requireNonNull(attributes, "attributes");
    if (attributes.isEmpty()) {
      return Map.of();
    }
    Map<String, String> copy = new LinkedHashMap<>(attributes.size() * 2);
    attributes.forEach((key, value) -> {
      Checks.notBlank(key, "attribute key");
      copy.put(key, Objects.requireNonNull(value, () -> "value of attribute '" + key + "'"));
    });
    return Collections.unmodifiableMap(copy);
  }

  static Map<String, String> with(Map<String, String> attributes, String key, String value) {
    Map<String, String> copy = new LinkedHashMap<>(attributes);
    copy.put(key, value);
    return Collections.unmodifiableMap(copy);
  }

  static Map<String, String> without(Map<String, String> attributes, String key) {
    Map<String, String> copy = new LinkedHashMap<>(attributes);
    copy.remove(key);
    return copy.isEmpty() ? Map.of() : Collections.unmodifiableMap(copy);
  }
}
