package org.thyra.stats.regression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.thyra.stats.golden.Golden.close;
import static org.thyra.stats.golden.Golden.columns;
import static org.thyra.stats.golden.Golden.doubles;
import static org.thyra.stats.golden.Golden.ints;
import static org.thyra.stats.golden.Golden.num;
import static org.thyra.stats.golden.Golden.strings;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.thyra.stats.golden.Golden;

/**
 * Logistic regression against R glm / confint.default / MASS::confint.glm (regression_goldens.R).
 */
class LogisticRegressionGoldenTest {

  static Stream<JsonNode> fixtures() {
    List<JsonNode> list = new ArrayList<>();
    Golden.read("regression/logistic.json").forEach(list::add);
    return list.stream();
  }

  private static LogisticResult fit(JsonNode f, ConfidenceIntervalType type) {
    return LogisticRegression.fit(
        doubles(f.get("y")),
        columns(f.get("columns")),
        strings(f.get("names")),
        ints(f.get("assign")),
        type,
        0.95);
  }

  private static List<LogisticTerm> all(LogisticResult r) {
    List<LogisticTerm> t = new ArrayList<>();
    t.add(r.intercept());
    t.addAll(r.terms());
    return t;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void waldFitMatchesGlm(JsonNode f) {
    LogisticResult r = fit(f, ConfidenceIntervalType.WALD);
    String name = f.get("name").asText();
    List<LogisticTerm> terms = all(r);
    double[] coef = doubles(f.get("coef"));
    double[] se = doubles(f.get("se"));
    double[] z = doubles(f.get("z"));
    double[] p = doubles(f.get("p"));
    double[] lo = doubles(f.get("wald_lower"));
    double[] hi = doubles(f.get("wald_upper"));
    assertThat(terms).hasSize(coef.length);
    for (int j = 0; j < coef.length; j++) {
      LogisticTerm t = terms.get(j);
      String what = name + " " + t.name();
      close(what + " coef", t.coef(), coef[j]);
      close(what + " se", t.se(), se[j]);
      close(what + " z", t.z(), z[j]);
      close(what + " p", t.p(), p[j]);
      close(what + " lower", t.lower(), lo[j]);
      close(what + " upper", t.upper(), hi[j]);
      if (!Double.isNaN(coef[j])) {
        close(what + " OR", t.oddsRatio(), Math.exp(coef[j]));
        close(what + " OR upper", t.oddsRatioUpper(), Math.exp(hi[j]));
      }
      assertThat(t.aliased()).isEqualTo(Double.isNaN(coef[j]));
    }
    close(name + " loglik null", r.logLikNull(), num(f.get("loglik_null")));
    close(name + " loglik", r.logLikModel(), num(f.get("loglik_model")));
    close(name + " aic", r.aic(), num(f.get("aic")));
    close(name + " deviance", r.deviance(), num(f.get("deviance")));
    close(name + " null deviance", r.nullDeviance(), num(f.get("null_deviance")));
    close(name + " LR", r.likelihoodRatio().statistic(), num(f.get("lr_statistic")));
    close(name + " LR p", r.likelihoodRatio().p(), num(f.get("lr_p")));
    assertThat(r.likelihoodRatio().df()).isEqualTo(f.get("lr_df").asInt());
    assertThat(r.df()).isEqualTo(f.get("rank").asInt());
    assertThat(r.iterations()).isEqualTo(f.get("iter").asInt());
    assertThat(r.converged()).isEqualTo(f.get("converged").asBoolean());
    assertThat(r.separation()).isEqualTo(Separation.NONE);
    assertThat(r.method()).contains("Wald");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void profileLimitsMatchMassConfint(JsonNode f) {
    LogisticResult r = fit(f, ConfidenceIntervalType.PROFILE);
    String name = f.get("name").asText();
    List<LogisticTerm> terms = all(r);
    double[] lo = doubles(f.get("profile_lower"));
    double[] hi = doubles(f.get("profile_upper"));
    for (int j = 0; j < lo.length; j++) {
      close(name + " " + terms.get(j).name() + " profile lower", terms.get(j).lower(), lo[j]);
      close(name + " " + terms.get(j).name() + " profile upper", terms.get(j).upper(), hi[j]);
    }
    assertThat(r.ciType()).isEqualTo(ConfidenceIntervalType.PROFILE);
  }
}
