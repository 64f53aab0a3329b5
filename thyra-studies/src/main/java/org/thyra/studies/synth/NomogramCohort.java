package org.thyra.studies.synth;

import java.util.Locale;

/**
 * Seed 004 (nomograms for 131I-treated distant metastases, Sci Rep 2025): 451 screened, 412
 * analysed. Parameters and their sources:
 *
 * <ul>
 *   <li>exclusions: died of a non-thyroidal cancer 6/451, lung metastases more than 6 months after
 *       131I 20/451, age under 18 13/451 (Results, "Clinical characteristics").
 *   <li>{@code age}: Normal(49, 15) on [18, 79] (Results: median 49, range 18–79; Table 1, "Age" ≥
 *       55 in 37.6 %); under-18s U(12, 18).
 *   <li>{@code sex}: male 31.8 %; {@code pathology}: PTC / FTC / pDTC 86.4 / 11.9 / 1.7 %; {@code
 *       t_stage}: 1+2 / 3+4 / X 36.9 / 48.1 / 15.0 %; {@code n_stage}: 0 / 1 / x 15.0 / 79.1 / 5.8
 *       %; {@code site}: lung+other 18.7 %; {@code uptake}: primary non-uptake / secondary
 *       non-uptake / uptake 30.1 / 27.2 / 42.7 % (Table 1, ALL column, rows of the same names).
 *   <li>{@code activity_mci}: 100 / 150 / 180 / 200 mCi with 15 / 30 / 20 / 35 % (Table 1, "First
 *       131I activity", median 180 [150; 200]).
 *   <li>{@code nodule_cm}: log-normal median 0.8 [0.5; 1.2] cm (Table 1, "Pulmonary nodule size").
 *   <li>{@code stg}: log-normal median 400 ng/mL, IQR (90, 1800), so ≥ 500 in ≈ 45 % (Table 1,
 *       "sTg", ≥ 500 in 44.7 %).
 *   <li>OS: exponential proportional hazards with the multivariable HRs of Results "Nomogram model
 *       for OS": male 3.0, age ≥ 55 4.7, lung + other 8.4, sTg ≥ 500 4.4, nodule size 2.1 per cm,
 *       secondary non-uptake 0.0955, uptake 0.3172 (versus primary non-uptake), first activity
 *       0.990 per mCi (Table 2, OS, univariable; the multivariable HR is not printed); baseline so
 *       that 5-year OS is 92.5 % (Results).
 *   <li>PFS: HRs of Results "Nomogram model for PFS": first activity 0.992 per mCi, pDTC 4.8,
 *       uptake 0.553, secondary non-uptake 0.487 (Table 2, PFS, univariable); baseline so that 28.9
 *       % progress within follow-up (Table 1, "Progression"); PFS = first of progression and death.
 *   <li>{@code followup}: log-normal median 65.2 (42.8, 108.2) months (Results).
 * </ul>
 */
final class NomogramCohort {
  private NomogramCohort() {}

  /** The OS log hazard ratios put in, for the known-truth test. */
  static final double LOG_HR_MALE = Math.log(3.0);

  static final double LOG_HR_AGE55 = Math.log(4.7);
  static final double LOG_HR_OTHER_SITE = Math.log(8.4);
  static final double LOG_HR_STG500 = Math.log(4.4);
  static final double LOG_HR_NODULE = Math.log(2.1);
  static final double LOG_HR_SECONDARY = Math.log(0.0955);
  static final double LOG_HR_UPTAKE = Math.log(0.3172);
  static final double LOG_HR_ACTIVITY = Math.log(0.990);

  static SyntheticTable generate(int n, Draws d) {
    String[] diedOther = new String[n];
    String[] lateMets = new String[n];
    double[] age = new double[n];
    String[] sex = new String[n];
    String[] pathology = new String[n];
    String[] tStage = new String[n];
    String[] nStage = new String[n];
    String[] site = new String[n];
    double[] activity = new double[n];
    String[] uptake = new String[n];
    double[] nodule = new double[n];
    double[] stg = new double[n];
    double[] lpOs = new double[n];
    double[] lpPfs = new double[n];
    String[] uptakes = {"primary non-uptake", "secondary non-uptake", "uptake"};
    for (int i = 0; i < n; i++) {
      diedOther[i] = d.bernoulli(6.0 / 451) ? "yes" : "no";
      lateMets[i] = d.bernoulli(20.0 / 451) ? "yes" : "no";
      age[i] =
          Draws.round(d.bernoulli(13.0 / 451) ? d.uniform(12, 17.4) : d.normal(49, 15, 18, 79), 0);
      sex[i] = d.bernoulli(0.318) ? "male" : "female";
      pathology[i] = new String[] {"PTC", "FTC", "pDTC"}[d.pick(86.4, 11.9, 1.7)];
      tStage[i] = new String[] {"1+2", "3+4", "X"}[d.pick(36.9, 48.1, 15.0)];
      nStage[i] = new String[] {"0", "1", "x"}[d.pick(15.0, 79.1, 5.8)];
      site[i] = d.bernoulli(0.187) ? "lung+other" : "lung";
      activity[i] = new double[] {100, 150, 180, 200}[d.pick(15, 30, 20, 35)];
      int u = d.pick(30.1, 27.2, 42.7);
      uptake[i] = uptakes[u];
      nodule[i] = Draws.round(d.logNormalIqr(0.8, 0.5, 1.2, 0.1, 5), 2);
      stg[i] = Draws.round(d.logNormalIqr(400, 90, 1800, 0.5, 100000), 1);
      lpOs[i] =
          (sex[i].equals("male") ? LOG_HR_MALE : 0)
              + (age[i] >= 55 ? LOG_HR_AGE55 : 0)
              + (site[i].equals("lung+other") ? LOG_HR_OTHER_SITE : 0)
              + (stg[i] >= 500 ? LOG_HR_STG500 : 0)
              + LOG_HR_NODULE * nodule[i]
              + (u == 1 ? LOG_HR_SECONDARY : u == 2 ? LOG_HR_UPTAKE : 0)
              + LOG_HR_ACTIVITY * (activity[i] - 150);
      lpPfs[i] =
          Math.log(0.992) * (activity[i] - 150)
              + (pathology[i].equals("pDTC") ? Math.log(4.8) : 0)
              + (u == 1 ? Math.log(0.487) : u == 2 ? Math.log(0.553) : 0);
    }
    double rateOs = Calibration.baselineRate(lpOs, 60, 0.925);
    double ratePfs = Calibration.baselineRate(lpPfs, 65.2, 1 - 0.289);
    double[] osTime = new double[n];
    int[] death = new int[n];
    double[] pfsTime = new double[n];
    int[] progression = new int[n];
    for (int i = 0; i < n; i++) {
      double c = d.logNormalIqr(65.2, 42.8, 108.2, 6, 200);
      double td = d.exponential(rateOs * Math.exp(lpOs[i]));
      double tp = d.exponential(ratePfs * Math.exp(lpPfs[i]));
      death[i] = td <= c ? 1 : 0;
      osTime[i] = Math.min(td, c);
      double first = Math.min(td, tp);
      progression[i] = first <= c ? 1 : 0;
      pfsTime[i] = Math.min(first, c);
    }
    SyntheticTable t = new SyntheticTable(n);
    String[] id = new String[n];
    for (int i = 0; i < n; i++) {
      id[i] = String.format(Locale.ROOT, "N%04d", i + 1);
    }
    t.text("patient", id);
    t.text("died_other_cancer", diedOther);
    t.text("late_lung_metastasis", lateMets);
    t.number("age", age, 0);
    t.text("sex", sex);
    t.text("pathology", pathology);
    t.text("t_stage", tStage);
    t.text("n_stage", nStage);
    t.text("site", site);
    t.number("activity_mci", activity, 0);
    t.text("uptake", uptake);
    t.number("nodule_cm", nodule, 2);
    t.number("stg", stg, 1);
    t.number("os_months", osTime, 2);
    t.integer("death", death);
    t.number("pfs_months", pfsTime, 2);
    t.integer("progression", progression);
    return t;
  }
}
