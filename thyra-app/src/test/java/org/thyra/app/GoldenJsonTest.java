package org.thyra.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The golden comparison itself: it must catch a difference, a missing field and NA vs a number. */
class GoldenJsonTest {
  private static JsonNode json(String s) throws Exception {
    return CliRun.MAPPER.readTree(s);
  }

  @Test
  void acceptsValuesWithinTheTolerance() throws Exception {
    int n =
        GoldenJson.assertMatches(
            "t",
            json("{\"a\":[1.0,null,\"x\"],\"b\":{\"c\":1e-12}}"),
            json("{\"a\":[1.0000005,null,\"x\"],\"b\":{\"c\":0},\"extra\":3}"));
    assertThat(n).isEqualTo(2);
  }

  @Test
  void rejectsARelativeDifferenceAbove1e6() throws Exception {
    assertThatThrownBy(
            () -> GoldenJson.assertMatches("t", json("{\"a\":0.5}"), json("{\"a\":0.5000006}")))
        .hasMessageContaining("$.a");
  }

  @Test
  void rejectsNumberForNaAndMissingFieldsAndLengths() throws Exception {
    assertThatThrownBy(() -> GoldenJson.assertMatches("t", json("{\"a\":null}"), json("{\"a\":0}")))
        .hasMessageContaining("NA");
    assertThatThrownBy(() -> GoldenJson.assertMatches("t", json("{\"a\":1}"), json("{}")))
        .hasMessageContaining("missing");
    assertThatThrownBy(
            () -> GoldenJson.assertMatches("t", json("{\"a\":[1,2]}"), json("{\"a\":[1]}")))
        .hasMessageContaining("2 elements");
    assertThatThrownBy(
            () ->
                GoldenJson.assertMatches("t", json("{\"a\":\"sex=2\"}"), json("{\"a\":\"sex=1\"}")))
        .hasMessageContaining("sex=1");
  }
}
