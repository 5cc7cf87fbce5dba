package org.salespipeline.analyst.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the command line's JSON output with Jackson, strictly (exactly one JSON value), into plain
 * Java values: objects as ordered maps, arrays as lists, every number as an exact
 * {@link java.math.BigDecimal}, so tests compare figures digit for digit.
 */
final class JsonOf {

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  private JsonOf() {}

  static Object read(String text) {
    try {
      return value(MAPPER.readTree(text));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not one JSON value: " + e.getOriginalMessage(), e);
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> object(String text) {
    return (Map<String, Object>) read(text);
  }

  /** The JSON object a parsed value is, as the commands' JSON figures are read. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }

  /** Asserts a figure {@code {"count": n, "amount": {"USD": amount}}}, compared digit for digit. */
  static void assertUsdFigure(Object figure, int count, String usd) {
    assertThat(map(figure).keySet()).as("keys of %s", figure).containsExactly("count", "amount");
    assertThat(map(figure).get("count")).as("count of %s", figure).isEqualTo(new BigDecimal(count));
    assertThat(map(map(figure).get("amount")).keySet()).as("currencies of %s", figure).containsExactly("USD");
    assertThat((BigDecimal) map(map(figure).get("amount")).get("USD")).as("USD of %s", figure)
        .isEqualByComparingTo(usd);
  }

  private static Object value(JsonNode node) {
    if (node.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      node.fields().forEachRemaining(e -> map.put(e.getKey(), value(e.getValue())));
      return map;
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>();
      node.forEach(item -> list.add(value(item)));
      return list;
    }
    if (node.isNumber()) {
      return node.decimalValue();
    }
    if (node.isNull()) {
      return null;
    }
    return node.isBoolean() ? node.booleanValue() : node.textValue();
  }
}
