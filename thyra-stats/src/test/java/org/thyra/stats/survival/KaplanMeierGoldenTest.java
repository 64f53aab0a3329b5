package org.thyra.stats.survival;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.thyra.stats.golden.Golden;

/** Kaplan–Meier against R's survfit / summary.survfit / quantile.survfit on real data sets. */
class KaplanMeierGoldenTest {

  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    for (String ds : SurvivalFixtures.KM_DATASETS) {
      JsonNode d = Golden.load("km/" + ds);
      for (JsonNode k : d.get("km")) {
        out.add(Arguments.of(ds + ": " + k.get("name").asText(), d, k));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matchesSurvfit(String name, JsonNode d, JsonNode k) {
    double[] time = Golden.doubles(d.get("time"));
    int[] status = Golden.ints(d.get("status"));
    KaplanMeierOptions options =
        new KaplanMeierOptions(
            ConfidenceType.parse(k.get("conf_type").asText()), k.get("conf_level").asDouble());
    KaplanMeierCurve c;
    if (k.get("group").isNull()) {
      c = KaplanMeier.fit(time, status, options);
    } else {
      int[] codes = Golden.ints(d.get("groups").get(k.get("group").asText()).get("codes"));
      int code = k.get("code").asInt();
      // rows with a missing group code (-1) are left out, as R's subset does
      int m = 0;
      for (int g : codes) {
        if (g == code) {
          m++;
        }
      }
      double[] t = new double[m];
      int[] s = new int[m];
      for (int i = 0, j = 0; i < codes.length; i++) {
        if (codes[i] == code) {
          t[j] = time[i];
          s[j++] = status[i];
        }
      }
      c = KaplanMeier.fit(t, s, options);
      // the grouped convenience gives the same curve
      int count = Golden.ints(d.get("groups").get(k.get("group").asText()).get("levels")).length;
      List<Integer> keep = new ArrayList<>();
      for (int i = 0; i < codes.length; i++) {
        if (codes[i] >= 0) {
          keep.add(i);
        }
      }
      double[] tk = new double[keep.size()];
      int[] sk = new int[keep.size()];
      int[] gk = new int[keep.size()];
      for (int j = 0; j < keep.size(); j++) {
        tk[j] = time[keep.get(j)];
        sk[j] = status[keep.get(j)];
        gk[j] = codes[keep.get(j)];
      }
      KaplanMeierCurve fromGroups = KaplanMeier.fitGroups(tk, sk, gk, count, options).get(code);
      assertThat(fromGroups.rows()).isEqualTo(c.rows());
    }
    assertThat(c.n()).isEqualTo(k.get("n").asInt());
    assertThat(c.events()).isEqualTo(k.get("events").asInt());
    double[] et = Golden.doubles(k.get("time"));
    assertThat(c.size()).isEqualTo(et.length);
    int[] risk = Golden.ints(k.get("n_risk"));
    int[] ev = Golden.ints(k.get("n_event"));
    int[] cen = Golden.ints(k.get("n_censor"));
    double[] surv = Golden.doubles(k.get("survival"));
    double[] se = Golden.doubles(k.get("std_err"));
    double[] lo = Golden.doubles(k.get("lower"));
    double[] up = Golden.doubles(k.get("upper"));
    for (int i = 0; i < et.length; i++) {
      assertThat(c.time(i)).isEqualTo(et[i]);
      assertThat(c.nRisk(i)).as("n.risk[%d]", i).isEqualTo(risk[i]);
      assertThat(c.nEvent(i)).as("n.event[%d]", i).isEqualTo(ev[i]);
      assertThat(c.nCensor(i)).as("n.censor[%d]", i).isEqualTo(cen[i]);
      Golden.close("surv[" + i + "]", c.survival(i), surv[i]);
      Golden.close("std.err[" + i + "]", c.stdErr(i), se[i]);
      Golden.close("lower[" + i + "]", c.lower(i), lo[i]);
      Golden.close("upper[" + i + "]", c.upper(i), up[i]);
    }
    for (JsonNode q : k.get("quantiles")) {
      double p = q.get("p").asDouble();
      SurvivalQuantile sq = c.quantile(p);
      Golden.close("quantile " + p, sq.estimate(), Golden.num(q.get("estimate")));
      Golden.close("quantile lower " + p, sq.lower(), Golden.num(q.get("lower")));
      Golden.close("quantile upper " + p, sq.upper(), Golden.num(q.get("upper")));
      if (p == 0.5) {
        assertThat(c.median()).isEqualTo(sq);
      }
    }
    if (k.has("at")) {
      for (JsonNode a : k.get("at")) {
        double t = a.get("time").asDouble();
        Optional<KaplanMeierPoint> pt = c.at(t);
        assertThat(pt.isPresent()).as("at(%s) present", t).isEqualTo(a.get("present").asBoolean());
        if (pt.isPresent()) {
          KaplanMeierPoint p = pt.get();
          assertThat(p.nRisk()).as("n.risk at %s", t).isEqualTo(a.get("n_risk").asInt());
          Golden.close("surv at " + t, p.survival(), Golden.num(a.get("survival")));
          Golden.close("std.err at " + t, p.stdErr(), Golden.num(a.get("std_err")));
          Golden.close("lower at " + t, p.lower(), Golden.num(a.get("lower")));
          Golden.close("upper at " + t, p.upper(), Golden.num(a.get("upper")));
        }
      }
    }
  }
}
