package org.salespipeline.history;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeenIdsTest {

  @Test
  void add_manyIds_eachOnceAndAllFoundAfterGrowing() {
    SeenIds ids = new SeenIds();
    for (int i = 0; i < 10_000; i++) {
      assertThat(ids.add("D-" + i)).isTrue();
    }

    assertThat(ids.add("D-42")).isFalse();
    assertThat(ids.contains("D-9999")).isTrue();
    assertThat(ids.contains("D-10000")).isFalse();
    assertThat(ids.contains("")).isFalse();
  }

  @Test
  void hash_similarIds_differ() {
    assertThat(SeenIds.hash("AB")).isNotEqualTo(SeenIds.hash("BA")).isNotEqualTo(SeenIds.hash("AB "));
  }
}
