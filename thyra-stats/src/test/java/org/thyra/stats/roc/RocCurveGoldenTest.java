package org.thyra.stats.roc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.thyra.stats.golden.Golden.close;
import static org.thyra.stats.golden.Golden.doubles;
import static org.thyra.stats.golden.Golden.num;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.thyra.stats.golden.Golden;

/** ROC against pROC 1.18 on aSAH and MASS birthwt (regression_goldens.R). */
class RocCurveGoldenTest {

  static Stream<JsonNode> rocs() {
    List<JsonNode> list = new ArrayList<>();
    Golden.read("roc/roc.json").forEach(list::add);
    return list.stream();
  }

  static Stream<JsonNode> tests() {
    List<JsonNode> list = new ArrayList<>();
    Golden.read("roc/delong_test.json").forEach(list::add);
    return list.stream();
  }

  /** The two-thread sort path (from {@link RocCurve#parallelMinRows}) gives pROC's numbers too. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("rocs")
  void casesAndControlsSortedOnTwoThreadsMatchPRoc(JsonNode f) {
    int saved = RocCurve.parallelMinRows;
    RocCurve.parallelMinRows = 2;
    try {
      curveAucAndDeLongCiMatchPRoc(f);
    } finally {
      RocCurve.parallelMinRows = saved;
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rocs")
  void curveAucAndDeLongCiMatchPRoc(JsonNode f) {
    String name = f.get("name").asText();
    RocDirection given =
        switch (f.get("given_direction").asText()) {
          case "<" -> RocDirection.CONTROLS_LOWER;
          case ">" -> RocDirection.CONTROLS_HIGHER;
          default -> RocDirection.AUTO;
        };
    RocCurve roc = RocCurve.of(doubles(f.get("outcome")), doubles(f.get("marker")), given);
    RocResult r = roc.result(0.95);
    assertThat(r.direction().symbol()).isEqualTo(f.get("direction").asText());
    assertThat(r.nCases()).isEqualTo(f.get("n_cases").asInt());
    assertThat(r.nControls()).isEqualTo(f.get("n_controls").asInt());
    close(name + " auc", r.auc().auc(), num(f.get("auc")));
    close(name + " var", r.auc().variance(), num(f.get("var")));
    close(name + " lower", r.auc().lower(), num(f.get("auc_lower")));
    close(name + " upper", r.auc().upper(), num(f.get("auc_upper")));
    double[] t = doubles(f.get("thresholds"));
    // jsonlite writes +-Inf as null: the ends are infinite, their sign follows the direction
    boolean less = r.direction() == RocDirection.CONTROLS_LOWER;
    t[0] = less ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    t[t.length - 1] = less ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    close(name + " thresholds", r.thresholds(), t);
    close(name + " sensitivities", r.sensitivities(), doubles(f.get("sensitivities")));
    close(name + " specificities", r.specificities(), doubles(f.get("specificities")));
    double[] bt = doubles(f.get("best_threshold"));
    double[] bs = doubles(f.get("best_sensitivity"));
    double[] bp = doubles(f.get("best_specificity"));
    double[] by = doubles(f.get("best_youden_plus1"));
    assertThat(r.best()).hasSize(bt.length);
    for (int i = 0; i < bt.length; i++) {
      YoudenThreshold y = r.best().get(i);
      close(name + " best threshold", y.threshold(), bt[i]);
      close(name + " best sens", y.sensitivity(), bs[i]);
      close(name + " best spec", y.specificity(), bp[i]);
      close(name + " youden", y.youden() + 1, by[i]);
    }
    for (JsonNode at : f.get("at")) {
      double th = num(at.get("threshold"));
      ThresholdPerformance p = roc.at(th, 0.95);
      assertThat(p.truePositives()).as(name + " tp at " + th).isEqualTo(at.get("tp").asLong());
      assertThat(p.falsePositives()).as(name + " fp at " + th).isEqualTo(at.get("fp").asLong());
      assertThat(p.trueNegatives()).isEqualTo(at.get("tn").asLong());
      assertThat(p.falseNegatives()).isEqualTo(at.get("fn").asLong());
      close(name + " sens at " + th, p.sensitivity(), num(at.get("sensitivity")));
      close(name + " spec at " + th, p.specificity(), num(at.get("specificity")));
      close(name + " sens lower", p.sensitivityLower(), num(at.get("sens_lower")));
      close(name + " sens upper", p.sensitivityUpper(), num(at.get("sens_upper")));
      close(name + " spec lower", p.specificityLower(), num(at.get("spec_lower")));
      close(name + " spec upper", p.specificityUpper(), num(at.get("spec_upper")));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tests")
  void pairedDeLongTestMatchesRocTest(JsonNode f) {
    String name = f.get("name").asText();
    DeLongTestResult r =
        DeLongTest.paired(
            doubles(f.get("outcome")), doubles(f.get("marker1")), doubles(f.get("marker2")));
    close(name + " auc1", r.auc1(), num(f.get("auc1")));
    close(name + " auc2", r.auc2(), num(f.get("auc2")));
    close(name + " z", r.statistic(), num(f.get("statistic")));
    close(name + " p", r.p(), num(f.get("p")));
  }
}
