package org.salespipeline.analyst.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.Map;

/**
 * The command line's {@code --format json}, written by Jackson: a value is a {@link Map} (an
 * object, keys in the map's order), an {@link Iterable} (an array), a {@link CharSequence}, a
 * {@link Number}, a {@link Boolean} or {@code null}, nested freely. Numbers keep their
 * {@code toString()} digits (so {@link java.math.BigDecimal} keeps its exact scale); a non-finite
 * double is written as {@code null}, the CLI's mark of an undefined figure. Thread-safe.
 */
public final class Json {

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .addModule(new SimpleModule("undefined-figures-are-null")
          .addSerializer(Double.class, new FiniteOrNull<>(Double.class))
          .addSerializer(double.class, new FiniteOrNull<>(Double.class))
          .addSerializer(Float.class, new FiniteOrNull<>(Float.class))
          .addSerializer(float.class, new FiniteOrNull<>(Float.class)))
      .enable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
      .build();

  private Json() {}

  /**
   * Writes a value as compact JSON.
   *
   * @param value the value, may be null
   * @return the JSON text, never null
   * @throws IllegalArgumentException if the value, or one inside it, is not of the types above
   */
  public static String write(Object value) {
    check(value);
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("bug: cannot write JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static void check(Object value) {
    if (value == null || value instanceof CharSequence || value instanceof Number || value instanceof Boolean) {
      return;
    }
    if (value instanceof Map<?, ?> map) {
      map.values().forEach(Json::check);
    } else if (value instanceof Iterable<?> items) {
      items.forEach(Json::check);
    } else {
      throw new IllegalArgumentException("value must be a map, iterable, text, number, boolean or null but was a "
          + value.getClass().getName());
    }
  }

  /** Writes a finite number as itself and NaN or an infinity as {@code null}. */
  private static final class FiniteOrNull<T extends Number> extends StdSerializer<T> {

    private static final long serialVersionUID = 1L;

    FiniteOrNull(Class<T> type) {
      super(type);
    }

    @Override
    public void serialize(T value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      double d = value.doubleValue();
      if (!Double.isFinite(d)) {
        gen.writeNull();
      } else if (value instanceof Float f) {
        gen.writeNumber(f);
      } else {
        gen.writeNumber(d);
      }
    }
  }
}
