package org.thyra.studies.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.thyra.stats.survival.CoxFit;
import org.thyra.stats.survival.CoxModel;
import org.thyra.stats.survival.CoxOptions;

/**
 * Known truth: on a large synthetic cohort, the Cox model fitted by Thyra recovers the hazard
 * ratios the generator put in, each inside its 95 % confidence interval.
 */
class KnownTruthTest {

  static double[] num(SyntheticTable t, String column) {
    double[] x = new double[t.rows()];
    for (int i = 0; i < x.length; i++) {
      x[i] = Double.parseDouble(t.cell(column, i));
    }
    return x;
  }

  static double[] is(SyntheticTable t, String column, String level) {
    double[] x = new double[t.rows()];
    for (int i = 0; i < x.length; i++) {
      x[i] = level.equals(t.cell(column, i)) ? 1 : 0;
    }
    return x;
  }

  static int[] events(SyntheticTable t, String column) {
    int[] x = new int[t.rows()];
    for (int i = 0; i < x.length; i++) {
      x[i] = Integer.parseInt(t.cell(column, i));
    }
    return x;
  }

  static void assertRecovers(CoxFit fit, double[] truth) {
    assertThat(fit.converged()).isTrue();
    for (int j = 0; j < truth.length; j++) {
      double hr = Math.exp(truth[j]);
      assertThat(hr)
          .as(
              "%s: HR put in %.4f, fitted %.4f (%.4f, %.4f)",
              fit.names().get(j), hr, fit.hazardRatios()[j], fit.lower()[j], fit.upper()[j])
          .isBetween(fit.lower()[j], fit.upper()[j]);
    }
  }

  @Test
  void rairLungPfsHazardRatiosAreRecovered() {
    SyntheticTable t = Design.RAIR_LUNG.generate(20_000, 20260101L);
    double[] age = num(t, "age");
    double[] age55 = new double[age.length];
    double[] pstg = num(t, "ps_tg");
    double[] high = new double[age.length];
    for (int i = 0; i < age.length; i++) {
      age55[i] = age[i] >= 55 ? 1 : 0;
      high[i] = pstg[i] >= 528.5 ? 1 : 0;
    }
    double[][] x = {age55, is(t, "rair", "RAIR"), high, is(t, "sex", "female")};
    CoxFit fit =
        CoxModel.fit(
            num(t, "pfs_months"),
            events(t, "pd"),
            x,
            List.of("age>=55", "rair", "ps_tg>=528.5", "female"),
            null,
            CoxOptions.defaults());
    assertRecovers(
        fit,
        new double[] {
          RairLungCohort.LOG_HR_AGE55,
          RairLungCohort.LOG_HR_NON_AVID,
          RairLungCohort.LOG_HR_PSTG,
          RairLungCohort.LOG_HR_FEMALE
        });
  }

  @Test
  void nomogramOsHazardRatiosAreRecovered() {
    SyntheticTable t = Design.NOMOGRAM.generate(20_000, 4L);
    double[] age = num(t, "age");
    double[] age55 = new double[age.length];
    double[] stg = num(t, "stg");
    double[] high = new double[age.length];
    for (int i = 0; i < age.length; i++) {
      age55[i] = age[i] >= 55 ? 1 : 0;
      high[i] = stg[i] >= 500 ? 1 : 0;
    }
    double[][] x = {
      is(t, "sex", "male"),
      age55,
      is(t, "site", "lung+other"),
      high,
      num(t, "nodule_cm"),
      is(t, "uptake", "secondary non-uptake"),
      is(t, "uptake", "uptake"),
      num(t, "activity_mci")
    };
    CoxFit fit =
        CoxModel.fit(
            num(t, "os_months"),
            events(t, "death"),
            x,
            List.of(
                "male",
                "age>=55",
                "lung+other",
                "stg>=500",
                "nodule",
                "secondary",
                "uptake",
                "activity"),
            null,
            CoxOptions.defaults());
    assertRecovers(
        fit,
        new double[] {
          NomogramCohort.LOG_HR_MALE,
          NomogramCohort.LOG_HR_AGE55,
          NomogramCohort.LOG_HR_OTHER_SITE,
          NomogramCohort.LOG_HR_STG500,
          NomogramCohort.LOG_HR_NODULE,
          NomogramCohort.LOG_HR_SECONDARY,
          NomogramCohort.LOG_HR_UPTAKE,
          NomogramCohort.LOG_HR_ACTIVITY
        });
  }

  @ParameterizedTest
  @EnumSource(Design.class)
  void sameSeedSameFileOtherSeedOtherFile(Design design) throws Exception {
    assertThat(csv(design, 300, 7))
        .isEqualTo(csv(design, 300, 7))
        .isNotEqualTo(csv(design, 300, 8));
  }

  @Test
  void rairLungMarginsFollowTable3() {
    SyntheticTable t = Design.RAIR_LUNG.generate(20_000, 3L);
    // Table 3: female 61.6 %, T4 40.1 %; Results 3.2: 45.2 % RAIR (intercept calibrated)
    assertThat(mean(is(t, "sex", "female")))
        .isCloseTo(0.616, org.assertj.core.data.Offset.offset(0.015));
    assertThat(mean(is(t, "t_stage", "T4")))
        .isCloseTo(0.401, org.assertj.core.data.Offset.offset(0.015));
    assertThat(mean(is(t, "rair", "RAIR")))
        .isCloseTo(0.452, org.assertj.core.data.Offset.offset(0.02));
  }

  static double mean(double[] x) {
    double s = 0;
    for (double v : x) {
      s += v;
    }
    return s / x.length;
  }

  static String csv(Design d, int n, long seed) throws Exception {
    StringWriter w = new StringWriter();
    d.generate(n, seed).writeCsv(w);
    return w.toString();
  }
}
