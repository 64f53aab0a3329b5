package org.thyra.stats.regression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.thyra.stats.golden.Golden.close;
import static org.thyra.stats.golden.Golden.columns;
import static org.thyra.stats.golden.Golden.doubles;
import static org.thyra.stats.golden.Golden.ints;
import static org.thyra.stats.golden.Golden.num;
import static org.thyra.stats.golden.Golden.strings;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.thyra.stats.golden.Golden;

/** stepAIC and univariable LR screen on MASS birthwt (regression_goldens.R). */
class StepwiseSelectionGoldenTest {
  private static final JsonNode G = Golden.read("regression/stepaic_birthwt.json");
  private static final List<String> VARIABLES = strings(G.get("variables"));
  private static final LogisticModelFitter FITTER =
      new LogisticModelFitter(
          doubles(G.get("y")),
          columns(G.get("columns")),
          strings(G.get("names")),
          ints(G.get("assign")),
          ConfidenceIntervalType.WALD,
          0.95);

  private static void check(String key, StepwiseResult<LogisticResult> r) {
    JsonNode e = G.get(key);
    List<String> steps = strings(e.get("steps"));
    double[] aic = doubles(e.get("aic"));
    assertThat(r.steps()).extracting(StepwiseResult.Step::change).containsExactlyElementsOf(steps);
    for (int i = 0; i < aic.length; i++) {
      close(key + " step " + i + " AIC", r.steps().get(i).aic(), aic[i]);
    }
    assertThat(r.selected()).containsExactlyElementsOf(strings(e.get("selected")));
    close(key + " final AIC", r.finalFit().aic(), num(e.get("final_aic")));
    LogisticResult fit = r.finalFit().fit();
    double[] coef = doubles(e.get("final_coef"));
    close(key + " intercept", fit.intercept().coef(), coef[0]);
    for (int j = 1; j < coef.length; j++) {
      close(key + " coef " + j, fit.terms().get(j - 1).coef(), coef[j]);
    }
  }

  @Test
  void backwardMatchesStepAic() {
    check("backward", StepwiseSelection.select(FITTER, VARIABLES, StepDirection.BACKWARD));
  }

  @Test
  void bothFromFullMatchesStepAic() {
    check("both", StepwiseSelection.select(FITTER, VARIABLES, StepDirection.BOTH));
  }

  @Test
  void forwardFromNullMatchesStepAic() {
    StepwiseResult<LogisticResult> r =
        StepwiseSelection.select(FITTER, VARIABLES, StepDirection.FORWARD);
    check("forward", r);
    assertThat(r.method()).contains("forward");
  }

  @Test
  void bothFromNullMatchesStepAic() {
    check(
        "both_from_null",
        StepwiseSelection.select(FITTER, VARIABLES, StepDirection.BOTH, new int[0], new int[0]));
  }

  @Test
  void keptVariableIsNeverDropped() {
    int ftv = VARIABLES.indexOf("ftv");
    int[] all = new int[VARIABLES.size()];
    Arrays.setAll(all, i -> i);
    StepwiseResult<LogisticResult> r =
        StepwiseSelection.select(FITTER, VARIABLES, StepDirection.BACKWARD, all, new int[] {ftv});
    assertThat(r.selected()).contains("ftv");
    assertThatThrownBy(
            () ->
                StepwiseSelection.select(
                    FITTER, VARIABLES, StepDirection.BACKWARD, new int[0], new int[] {ftv}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ftv");
  }

  @Test
  void screenMatchesLikelihoodRatioAnova() {
    ScreenResult<LogisticResult> s = UnivariableScreen.screen(FITTER, VARIABLES, 0.1);
    List<String> expectedEntered = new ArrayList<>();
    for (JsonNode row : G.get("screen")) {
      String v = row.get("variable").asText();
      ScreenResult.Row<LogisticResult> r = s.rows().get(VARIABLES.indexOf(v));
      close(v + " LR", r.statistic(), num(row.get("lr")));
      close(v + " p", r.p(), num(row.get("p")));
      assertThat(r.df()).isEqualTo(row.get("df").asInt());
      double[] coef = doubles(row.get("coef"));
      double[] se = doubles(row.get("se"));
      LogisticResult f = r.fit().fit();
      close(v + " intercept", f.intercept().coef(), coef[0]);
      for (int j = 1; j < coef.length; j++) {
        close(v + " coef", f.terms().get(j - 1).coef(), coef[j]);
        close(v + " se", f.terms().get(j - 1).se(), se[j]);
      }
      if (num(row.get("p")) < 0.1) {
        expectedEntered.add(v);
      }
    }
    assertThat(s.entered()).containsExactlyElementsOf(expectedEntered);
    assertThat(s.entered()).contains("race").doesNotContain("ftv");
  }

  /**
   * The seeds' workflow: screen at p < 0.1, then stepAIC(direction = "both") within the entered
   * variables.
   */
  @Test
  void screenThenBothWithinEnteredMatchesStepAic() {
    ScreenResult<LogisticResult> s = UnivariableScreen.screen(FITTER, VARIABLES, 0.1);
    assertThat(s.entered()).containsExactlyElementsOf(strings(G.get("entered")));
    int[] entered = s.enteredVariables();
    check(
        "screened_both",
        StepwiseSelection.select(
            FITTER, VARIABLES, StepDirection.BOTH, entered, new int[0], entered));
  }

  @Test
  void forwardWithinAScopeNeverAddsOutsideIt() {
    int[] scope = {VARIABLES.indexOf("lwt"), VARIABLES.indexOf("race"), VARIABLES.indexOf("smoke")};
    StepwiseResult<LogisticResult> r =
        StepwiseSelection.select(
            FITTER, VARIABLES, StepDirection.FORWARD, new int[0], new int[0], scope);
    assertThat(r.selected()).isNotEmpty().isSubsetOf("lwt", "race", "smoke");
    // the unrestricted forward search picks ptd first, which is outside this scope
    assertThat(r.steps().get(1).change()).isNotEqualTo("+ ptd");
  }

  @Test
  void screenRejectsBadThreshold() {
    assertThatThrownBy(() -> UnivariableScreen.screen(FITTER, VARIABLES, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("entryP");
  }
}
