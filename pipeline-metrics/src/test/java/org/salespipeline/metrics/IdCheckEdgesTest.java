package org.salespipeline.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * The duplicate-id check at the edges of its encoding and its hash: the first character that takes
 * two bytes (U+0080) next to the last that takes one (U+007F), and the hash's two halves against
 * published values (String.hashCode, and the FNV-1a test vectors of its authors).
 */
class IdCheckEdgesTest {

  @Test
  void theFirstCharacterOfTwoBytes_isReadBackWhole() {
    IdCheck ids = new IdCheck();
    ids.add("\u007f");
    ids.add("\u0080");
    ids.add("a\u0080b");
    ids.check();
    ids.add("\u0080");

    assertThatThrownBy(ids::check).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("deal \u0080 appears more than once");
    assertThat(ids.size()).isEqualTo(4);
  }

  @Test
  void theHash_isStringsHashAbove_andFnv1aBelow() {
    // FNV-1a 32-bit: "" is the offset basis 0x811c9dc5, "a" 0xe40c292c, "foobar" 0xbf9cf968
    // String.hashCode: "" 0, "a" 97, "foobar" -1268878963 (0xb45e718d)
    assertThat(IdCheck.hash("")).isEqualTo(0x0000_0000_811c_9dc5L);
    assertThat(IdCheck.hash("a")).isEqualTo(0x0000_0061_e40c_292cL);
    assertThat(IdCheck.hash("foobar")).isEqualTo(0xb45e_718d_bf9c_f968L);
  }
}
