package org.salespipeline.analyst.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

  @Test
  void write_nestedValues_isCompactJsonInMapOrder() {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("b", 1);
    value.put("a", List.of(new BigDecimal("1250.50"), true));
    value.put("none", null);
    value.put("nan", Double.NaN);
    value.put("infinite", Float.NEGATIVE_INFINITY);
    value.put("text", "say \"hi\"\n\u0001\\");

    assertThat(Json.write(value)).isEqualTo(
        "{\"b\":1,\"a\":[1250.50,true],\"none\":null,\"nan\":null,\"infinite\":null,\"text\":\"say \\\"hi\\\"\\n\\u0001\\\\\"}");
  }

  @Test
  void write_doubles_keepTheirShortestDigits() {
    assertThat(Json.write(List.of(0.1 + 0.2, 40.0, 1e-7))).isEqualTo("[0.30000000000000004,40.0,1.0E-7]");
  }

  @Test
  void write_emptyContainers_andNullInArray() {
    assertThat(Json.write(Arrays.asList(Map.of(), List.of(), null))).isEqualTo("[{},[],null]");
  }

  @Test
  void write_isReadBackByJacksonToTheSameValues() {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("rate", new BigDecimal("0.125"));
    value.put("stages", List.of("Won", "Lost"));

    assertThat(JsonOf.object(Json.write(value))).isEqualTo(value);
  }

  @Test
  void write_unsupportedType_isRejected() {
    assertThatIllegalArgumentException().isThrownBy(() -> Json.write(List.of(new Object())))
        .withMessageStartingWith("value must be a map, iterable, text, number, boolean or null");
  }
}
