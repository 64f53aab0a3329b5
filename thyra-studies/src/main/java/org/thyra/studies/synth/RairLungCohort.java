package org.thyra.studies.synth;

import java.util.Locale;
import org.thyra.stats.regression.Logit;

/**
 * Seed 003 (RAIR lung metastases, Front Endocrinol 2025): 211 screened, 177 analysed. Parameters
 * and their sources:
 *
 * <ul>
 *   <li>exclusions: TgAb positive 26/211, incomplete data 8/211 (Results 3.1); no structural lung
 *       disease on CT (not evaluable for PD) 8/177 (Results 3.4).
 *   <li>{@code age}: Normal(47, 17) on [18, 76] (Table 3, "Age", median 47 (36, 59), range 18–76).
 *   <li>{@code sex}: female 61.6 %; {@code histology}: FTC 8.5 %; {@code multicentric}: yes 55.4 %;
 *       {@code ete}: positive 55.4 %; {@code t_stage}: T4 40.1 %; {@code n_stage}: N1b 81.4 %;
 *       {@code lm_size}: ≥ 1 cm 29.9 % (Table 3, rows of the same names).
 *   <li>{@code tumor_size}: log-normal median 2.0 (1.4, 3.0) cm on [0.2, 10] (Table 3, "Tumor
 *       size").
 *   <li>{@code lnm_ratio}: log-normal median 38.1 (20.8, 57.8) % on [0, 100] (Table 3, "Ratio of
 *       LNM").
 *   <li>{@code ps_tg}: log-normal median 109.8 (36.9, 500.0) ng/mL on [3.7, 112880] (Table 3,
 *       "ps-Tg").
 *   <li>{@code rair}: logistic with the multivariable ORs of Table 4: age ≥ 55 OR 3.739, T4 OR
 *       1/0.329, ETE positive 1/1.819, largest LM ≥ 1 cm 1.284, tumour ≤ 4 cm 0.411; intercept so
 *       80/177 are RAIR (Results 3.2).
 *   <li>{@code rair_pattern} among RAIR: never avid 42.5 %, partial avidity 27.5 %, lost avidity
 *       21.2 %, progression despite uptake 8.8 % (Results 3.2).
 *   <li>{@code avid_status}: avid for RAIA; partial or no for the RAIR patterns (Table 5, "RAI-avid
 *       status").
 *   <li>PFS: exponential proportional hazards with the multivariable HRs of Table 5: age ≥ 55
 *       2.975, partial or no RAI avidity 4.315, ps-Tg ≥ 528.5 ng/mL 3.665, female 0.631; baseline
 *       so that 5-year PFS is 76.8 % (Results 3.6). {@code followup}: log-normal median 74.4 (42.0,
 *       106.6) months on [6.3, 267.9] (Table 3, "Follow-up duration").
 * </ul>
 */
final class RairLungCohort {
  private RairLungCohort() {}

  /** The log hazard ratios put in (Table 5, multivariable), for the known-truth test. */
  static final double LOG_HR_AGE55 = Math.log(2.975);

  static final double LOG_HR_NON_AVID = Math.log(4.315);
  static final double LOG_HR_PSTG = Math.log(3.665);
  static final double LOG_HR_FEMALE = Math.log(0.631);

  static SyntheticTable generate(int n, Draws d) {
    String[] tgab = new String[n];
    String[] complete = new String[n];
    String[] ctVisible = new String[n];
    double[] age = new double[n];
    String[] sex = new String[n];
    String[] histology = new String[n];
    String[] multicentric = new String[n];
    double[] size = new double[n];
    String[] ete = new String[n];
    String[] tStage = new String[n];
    String[] nStage = new String[n];
    double[] lnmRatio = new double[n];
    String[] lmSize = new String[n];
    double[] psTg = new double[n];
    double[] lpRair = new double[n];
    for (int i = 0; i < n; i++) {
      tgab[i] = d.bernoulli(26.0 / 211) ? "positive" : "negative";
      complete[i] = d.bernoulli(8.0 / 185) ? "no" : "yes";
      ctVisible[i] = d.bernoulli(8.0 / 177) ? "no" : "yes";
      age[i] = Draws.round(d.normal(47, 17, 18, 76), 0);
      sex[i] = d.bernoulli(0.616) ? "female" : "male";
      histology[i] = d.bernoulli(0.085) ? "FTC" : "PTC";
      multicentric[i] = d.bernoulli(0.554) ? "yes" : "no";
      size[i] = Draws.round(d.logNormalIqr(2.0, 1.4, 3.0, 0.2, 10), 1);
      ete[i] = d.bernoulli(0.554) ? "positive" : "negative";
      tStage[i] = d.bernoulli(0.401) ? "T4" : "T1-T3";
      nStage[i] = d.bernoulli(0.814) ? "N1b" : "N0-N1a";
      lnmRatio[i] = d.logNormalIqr(38.1, 20.8, 57.8, 0, 100);
      lmSize[i] = d.bernoulli(0.299) ? ">=1 cm" : "<1 cm";
      psTg[i] = Draws.round(d.logNormalIqr(109.8, 36.9, 500.0, 3.7, 112880), 1);
      lpRair[i] =
          (age[i] >= 55 ? Math.log(3.739) : 0)
              + (tStage[i].equals("T4") ? -Math.log(0.329) : 0)
              + (ete[i].equals("positive") ? -Math.log(1.819) : 0)
              + (lmSize[i].equals(">=1 cm") ? Math.log(1.284) : 0)
              + (size[i] <= 4 ? Math.log(0.411) : 0);
    }
    double b0 = Calibration.intercept(lpRair, 80.0 / 177);
    String[] rair = new String[n];
    String[] pattern = new String[n];
    String[] avid = new String[n];
    double[] lp = new double[n];
    String[] patterns = {
      "no_avidity", "partial_avidity", "lost_avidity", "progression_despite_uptake"
    };
    for (int i = 0; i < n; i++) {
      boolean r = d.bernoulli(Logit.inverse(b0 + lpRair[i]));
      rair[i] = r ? "RAIR" : "RAIA";
      pattern[i] = r ? patterns[d.pick(42.5, 27.5, 21.2, 8.8)] : "avid";
      avid[i] = r ? "partial or no" : "avid";
      lp[i] =
          (age[i] >= 55 ? LOG_HR_AGE55 : 0)
              + (r ? LOG_HR_NON_AVID : 0)
              + (psTg[i] >= 528.5 ? LOG_HR_PSTG : 0)
              + (sex[i].equals("female") ? LOG_HR_FEMALE : 0);
    }
    double rate = Calibration.baselineRate(lp, 60, 0.768);
    double[] followup = new double[n];
    double[] pfs = new double[n];
    int[] pd = new int[n];
    for (int i = 0; i < n; i++) {
      followup[i] = d.logNormalIqr(74.4, 42.0, 106.6, 6.3, 267.9);
      double t = d.exponential(rate * Math.exp(lp[i]));
      pd[i] = t <= followup[i] ? 1 : 0;
      pfs[i] = Math.min(t, followup[i]);
    }
    SyntheticTable t = new SyntheticTable(n);
    String[] id = new String[n];
    for (int i = 0; i < n; i++) {
      id[i] = String.format(Locale.ROOT, "L%04d", i + 1);
    }
    t.text("patient", id);
    t.text("tgab", tgab);
    t.text("complete_data", complete);
    t.text("ct_visible", ctVisible);
    t.number("age", age, 0);
    t.text("sex", sex);
    t.text("histology", histology);
    t.text("multicentric", multicentric);
    t.number("tumor_size", size, 1);
    t.text("ete", ete);
    t.text("t_stage", tStage);
    t.text("n_stage", nStage);
    t.number("lnm_ratio", lnmRatio, 1);
    t.text("lm_size", lmSize);
    t.number("ps_tg", psTg, 1);
    t.text("rair", rair);
    int[] isRair = new int[n];
    for (int i = 0; i < n; i++) {
      isRair[i] = rair[i].equals("RAIR") ? 1 : 0;
    }
    t.integer("is_rair", isRair);
    t.text("rair_pattern", pattern);
    t.text("avid_status", avid);
    t.number("pfs_months", pfs, 2);
    t.integer("pd", pd);
    return t;
  }
}
