package org.salespipeline.scoring.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StringIndexTest {

  @Test
  void idOf_numbersInListOrderFromTheFirstId_absentAndNullAreMinusOne() {
    StringIndex index = new StringIndex(List.of("web", "referral", "event"), 10);

    assertThat(index.idOf("web")).isEqualTo(10);
    assertThat(index.idOf("referral")).isEqualTo(11);
    assertThat(index.idOf("event")).isEqualTo(12);
    assertThat(index.idOf("partner")).isEqualTo(-1);
    assertThat(index.idOf(null)).isEqualTo(-1);
    assertThat(index.size()).isEqualTo(3);
  }

  @Test
  void idOf_anEqualStringOfAnotherInstance_isFound() {
    StringIndex index = new StringIndex(List.of("Enterprise"), 0);

    assertThat(index.idOf(new String("Enterprise".toCharArray()))).isZero();
  }

  @Test
  void idOf_stringsOfTheSameHash_areToldApart() {
    // "Aa" and "BB" have the same String.hashCode, so they probe the same slot
    StringIndex index = new StringIndex(List.of("Aa", "BB", "AaAa", "BBBB", "AaBB"), 0);

    assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
    assertThat(List.of("Aa", "BB", "AaAa", "BBBB", "AaBB", "BBAa").stream().map(index::idOf).toList())
        .containsExactly(0, 1, 2, 3, 4, -1);
  }

  @Test
  void empty_findsNothing_andManyStrings_areAllFound() {
    assertThat(new StringIndex(List.of(), 0).idOf("a")).isEqualTo(-1);
    List<String> many = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      many.add("v" + i);
    }
    StringIndex index = new StringIndex(many, 0);

    for (int i = 0; i < 1000; i++) {
      assertThat(index.idOf("v" + i)).isEqualTo(i);
    }
    assertThat(index.idOf("v1000")).isEqualTo(-1);
  }

  @Test
  void aRepeatedString_isABug() {
    assertThatIllegalStateException().isThrownBy(() -> new StringIndex(List.of("a", "b", "a"), 0))
        .withMessage("bug: string index given 'a' twice");
  }
}
