package org.thyra.frame;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LabelDictionaryTest {
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 42})
  void agreesWithAHashMapOnRandomLabels(long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    LabelDictionary dictionary = new LabelDictionary();
    Map<String, Integer> expected = new HashMap<>();
    char[] buf = new char[64];
    for (int i = 0; i < 20000; i++) {
      int len = rng.nextInt(0, 6);
      int off = rng.nextInt(0, 10);
      StringBuilder sb = new StringBuilder();
      for (int j = 0; j < len; j++) {
        char c = (char) ('a' + rng.nextInt(0, 4)); // few letters: many repeats and collisions
        buf[off + j] = c;
        sb.append(c);
      }
      String label = sb.toString();
      int want = expected.computeIfAbsent(label, l -> expected.size());
      assertThat(dictionary.code(buf, off, len)).isEqualTo(want);
    }
    assertThat(dictionary.labels()).hasSize(expected.size());
    expected.forEach((label, code) -> assertThat(dictionary.labels().get(code)).isEqualTo(label));
  }
}
