package org.thyra.studies.synth;

import java.util.Locale;
import org.thyra.stats.regression.Logit;

/**
 * Seed 001 (once versus multiple RAI therapy for RAI-avid pulmonary micrometastases; EJNMMI 2025),
 * 117 patients. Parameters and their sources:
 *
 * <ul>
 *   <li>{@code group}: o-RAIT 38/117, m-RAIT 79/117 (Table 1, header).
 *   <li>{@code age}: log-normal with the group's median and IQR: o-RAIT 33.9 (27.4, 39.9), m-RAIT
 *       27.1 (17.1, 37.2) years (Table 1, "Age at diagnosis").
 *   <li>{@code sex}: female 65.8 % (o) / 59.5 % (m) (Table 1, "Gender").
 *   <li>{@code histology}: FTC 2.6 % (Table 1, "Pathological type").
 *   <li>{@code tumor_size}: log-normal, o-RAIT 2.0 (1.3, 2.8), m-RAIT 2.9 (1.6, 3.7) cm (Table 1,
 *       "Maximum primary tumor size").
 *   <li>{@code t_stage}: T3+T4 44.7 % (o) / 53.2 % (m) (Table 1, "AJCC_T stage").
 *   <li>{@code n_stage}: N0 / N1a / N1b 6.8 / 5.1 / 88.0 % (Table 1, "AJCC_N stage", overall).
 *   <li>{@code local_disease}: neither / local recurrence / local persistent: o-RAIT 89.5 / 2.6 /
 *       7.9 %, m-RAIT 54.4 / 11.4 / 34.2 % (Table 1, "Local recurrence or persistent disease").
 *   <li>{@code timing}: metachronous 2.6 % (o) / 17.7 % (m) (Table 1, "Distant metastatic
 *       synchronization").
 *   <li>{@code cycles}: 1 (o); 2 + Poisson(1) capped at 7 (m; median 3, range 2–7, Results).
 *   <li>{@code cumulative_gbq}: 5.55 GBq per cycle ± U(−0.5, 0.9) (Table 2, "Median single RAIT
 *       cycle dose").
 *   <li>{@code response_first}: PR / SD / PD 49.6 / 41.0 / 9.4 % (Table 2, "Response to first
 *       RAIT"); {@code response_last} (m-RAIT only) 21.5 / 53.2 / 25.3 % (Table 2, "Response to
 *       last RAIT").
 *   <li>{@code pd} (progression at any time): logistic with the multivariable ORs of Table 3: age ≥
 *       45 OR 8.477, local recurrence 3.832, local persistent disease 9.143, tumour size 1.356 per
 *       cm, m-RAIT 1.570; intercept so 24/117 progress (Results, "Totally, 24 (20.5 %) patients had
 *       PD").
 *   <li>{@code followup}: log-normal median 61.1 months on [13.0, 257.6] (Results); {@code
 *       pfs_months} for progressors U(6, follow-up) (progression within 6 months was an exclusion,
 *       Methods), else the follow-up.
 * </ul>
 */
final class RaiCyclesCohort {
  private RaiCyclesCohort() {}

  static SyntheticTable generate(int n, Draws d) {
    String[] group = new String[n];
    double[] age = new double[n];
    String[] sex = new String[n];
    String[] histology = new String[n];
    double[] size = new double[n];
    String[] tStage = new String[n];
    String[] nStage = new String[n];
    String[] local = new String[n];
    String[] timing = new String[n];
    int[] cycles = new int[n];
    double[] cumulative = new double[n];
    String[] first = new String[n];
    String[] last = new String[n];
    double[] lp = new double[n];
    String[] responses = {"PR", "SD", "PD"};
    String[] locals = {"neither", "local recurrence", "local persistent"};
    for (int i = 0; i < n; i++) {
      boolean multiple = d.bernoulli(79.0 / 117);
      group[i] = multiple ? "m-RAIT" : "o-RAIT";
      age[i] =
          Draws.round(
              multiple
                  ? d.logNormalIqr(27.1, 17.1, 37.2, 5, 80)
                  : d.logNormalIqr(33.9, 27.4, 39.9, 5, 80),
              1);
      sex[i] = d.bernoulli(multiple ? 0.595 : 0.658) ? "female" : "male";
      histology[i] = d.bernoulli(0.026) ? "FTC" : "PTC";
      size[i] =
          Draws.round(
              multiple
                  ? d.logNormalIqr(2.9, 1.6, 3.7, 0.2, 10)
                  : d.logNormalIqr(2.0, 1.3, 2.8, 0.2, 10),
              1);
      tStage[i] = d.bernoulli(multiple ? 0.532 : 0.447) ? "T3+T4" : "T1+T2";
      nStage[i] = new String[] {"N0", "N1a", "N1b"}[d.pick(6.8, 5.1, 88.0)];
      int l = multiple ? d.pick(54.4, 11.4, 34.2) : d.pick(89.5, 2.6, 7.9);
      local[i] = locals[l];
      timing[i] = d.bernoulli(multiple ? 0.177 : 0.026) ? "metachronous" : "synchronous";
      cycles[i] = multiple ? Math.min(7, 2 + d.poisson(1)) : 1;
      double gbq = 0;
      for (int c = 0; c < cycles[i]; c++) {
        gbq += 5.55 + d.uniform(-0.5, 0.9);
      }
      cumulative[i] = gbq;
      first[i] = responses[d.pick(49.6, 41.0, 9.4)];
      last[i] = multiple ? responses[d.pick(21.5, 53.2, 25.3)] : null;
      lp[i] =
          (age[i] >= 45 ? Math.log(8.477) : 0)
              + (l == 1 ? Math.log(3.832) : l == 2 ? Math.log(9.143) : 0)
              + Math.log(1.356) * size[i]
              + (multiple ? Math.log(1.570) : 0);
    }
    double b0 = Calibration.intercept(lp, 24.0 / 117);
    int[] pd = new int[n];
    double[] followup = new double[n];
    double[] pfs = new double[n];
    for (int i = 0; i < n; i++) {
      pd[i] = d.bernoulli(Logit.inverse(b0 + lp[i])) ? 1 : 0;
      followup[i] = d.logNormalIqr(61.1, 40, 95, 13.0, 257.6);
      pfs[i] = pd[i] == 1 ? d.uniform(6, followup[i]) : followup[i];
    }
    SyntheticTable t = new SyntheticTable(n);
    String[] id = new String[n];
    for (int i = 0; i < n; i++) {
      id[i] = String.format(Locale.ROOT, "R%04d", i + 1);
    }
    t.text("patient", id);
    t.text("group", group);
    t.number("age", age, 1);
    t.text("sex", sex);
    t.text("histology", histology);
    t.number("tumor_size", size, 1);
    t.text("t_stage", tStage);
    t.text("n_stage", nStage);
    t.text("local_disease", local);
    t.text("timing", timing);
    t.integer("cycles", cycles);
    t.number("cumulative_gbq", cumulative, 2);
    t.text("response_first", first);
    t.text("response_last", last);
    t.integer("pd", pd);
    t.number("followup", followup, 1);
    t.number("pfs_months", pfs, 1);
    return t;
  }
}
