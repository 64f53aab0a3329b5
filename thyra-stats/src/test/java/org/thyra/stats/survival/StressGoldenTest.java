package org.thyra.stats.survival;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.thyra.stats.golden.Golden;

/**
 * Small seeded random data sets with heavy ties, against survfit / quantile.survfit / survdiff
 * (golden/km/stress.json): flat segments at exactly 1 - p, curves reaching 0, singular variances.
 */
class StressGoldenTest {

  static Stream<Arguments> cases() {
    JsonNode d = Golden.load("km/stress");
    List<Arguments> out = new ArrayList<>();
    int i = 0;
    for (JsonNode c : d.get("cases")) {
      out.add(Arguments.of(i++, c));
    }
    return out.stream();
  }

  @ParameterizedTest(name = "case {0}")
  @MethodSource("cases")
  void matchesR(int index, JsonNode c) {
    double[] time = Golden.doubles(c.get("time"));
    int[] status = Golden.ints(c.get("status"));
    KaplanMeierCurve fit =
        KaplanMeier.fit(
            time,
            status,
            new KaplanMeierOptions(ConfidenceType.parse(c.get("conf_type").asText()), 0.95));
    JsonNode km = c.get("km");
    double[] t = Golden.doubles(km.get("time"));
    assertThat(fit.times()).containsExactly(t);
    assertThat(fit.nRisks()).containsExactly(Golden.ints(km.get("n_risk")));
    double[] s = Golden.doubles(km.get("survival"));
    double[] se = Golden.doubles(km.get("std_err"));
    double[] lo = Golden.doubles(km.get("lower"));
    double[] up = Golden.doubles(km.get("upper"));
    for (int i = 0; i < t.length; i++) {
      Golden.close("surv " + i, fit.survival(i), s[i]);
      Golden.close("se " + i, fit.stdErr(i), se[i]);
      Golden.close("lower " + i, fit.lower(i), lo[i]);
      Golden.close("upper " + i, fit.upper(i), up[i]);
    }
    for (JsonNode q : c.get("quantiles")) {
      double p = q.get("p").asDouble();
      SurvivalQuantile sq = fit.quantile(p);
      Golden.close("q" + p, sq.estimate(), Golden.num(q.get("estimate")));
      Golden.close("q" + p + " lower", sq.lower(), Golden.num(q.get("lower")));
      Golden.close("q" + p + " upper", sq.upper(), Golden.num(q.get("upper")));
    }
    JsonNode lr = c.get("logrank");
    if (lr != null && !lr.isNull()) {
      LogRankResult r =
          LogRank.test(
              time,
              status,
              Golden.ints(c.get("group")),
              3,
              Golden.ints(c.get("strata")),
              lr.get("rho").asDouble());
      if (lr.get("singular").asBoolean()) {
        // R's solve() stops; we report no statistic and say why
        assertThat(r.statistic()).isNaN();
        assertThat(r.warnings()).anyMatch(w -> w.contains("singular"));
      } else {
        Golden.close("chisq", r.statistic(), lr.get("statistic").asDouble());
        assertThat(r.df()).isEqualTo(lr.get("df").asInt());
        Golden.closeP("p", r.p(), lr.get("p").asDouble());
        int[] codes = Golden.ints(lr.get("group_codes"));
        double[] e = Golden.doubles(lr.get("expected"));
        for (int k = 0; k < codes.length; k++) {
          Golden.close("exp " + codes[k], r.expected()[codes[k]], e[k]);
        }
      }
    }
  }
}
