package org.thyra.studies.synth;

/**
 * Seed 000 (thermal ablation of RAIR cervical lymph-node metastases; Eur Radiol 2025). One row per
 * screened patient; the bundled protocol's steps select the analysed cohort. Parameters, each with
 * its source in the seed:
 *
 * <ul>
 *   <li>eligibility failures among the screened (183 screened, 88 included; Results §1): age &lt;
 *       18 years 2 %, ECOG 3 2 %, distant metastasis 25 %, follow-up &lt; 12 months 15 %, largest
 *       node ≥ 3 cm 5 % (the split of the 95 exclusions is not reported; chosen so ≈ 88 of 183
 *       remain).
 *   <li>{@code age}: Normal(45.64, 13.25) (Table 1, "Age (year)", Total).
 *   <li>{@code sex}: male 52/88 (Table 1, "SEX").
 *   <li>{@code ecog}: 0 97.7 %, 1 2.3 % (Table 1, "ECOG performance status").
 *   <li>{@code acci}: 0–1 68.2 %, 2–3 25.0 %, 4–5 6.8 % (Table 1, "aCCI").
 *   <li>{@code histology}: papillary 97.7 % (Table 1, "Histologic subtype").
 *   <li>{@code diameter_cm}: ≤ 1 cm in 32/88; Normal(0.96, 0.29) on [0.3, 1.0] and Normal(1.66,
 *       0.49) on (1.0, 3.0) (Table 1, "Maximum cervical lymph node diameter", by size group).
 *   <li>{@code volume_ml} = 0.524·a·b·c with b, c = a·U(0.6, 0.9) (Methods, "Outcomes", V = abc ×
 *       0.524).
 *   <li>{@code tg}: missing in 8/88 (Table 3 header: Tg ≤ 35 n = 54, > 35 n = 26); > 35 µg/L in
 *       26/80; log-normal median 8 (≤ 35) and 120 (> 35) µg/L (Table 1, "Tg", 31.6 ± 129.4).
 *   <li>{@code modality}: MWA 56/88, RFA 32/88 (Table 3 header).
 *   <li>{@code tsh}: log-normal, mean 0.59, SD 1.22 (Table 1, "TSH").
 *   <li>{@code lnm_number}: 1 + Poisson(0.72): solitary in 48.9 % (Results §1).
 *   <li>{@code ablation_time}: log-normal, mean 124 ± 86 s (≤ 1 cm) and 236 ± 201 s (> 1 cm) (Table
 *       2, "Ablation time").
 *   <li>{@code followup}: U(12, 100) months for the eligible (mean 55.3; Results §1).
 *   <li>Progression (PFS): exponential proportional hazards with HR 3.85 for Tg &gt; 35 (Table 4,
 *       disease progression, multivariable, "Tg"), HR 1.68 per cm of diameter (Table 4,
 *       multivariable, "LNM diameter"), HR 0.49 for male sex (Table 4, multivariable, "Gender"; the
 *       coding is not printed); baseline so that 5-year PFS is 81.8 % (Table 3, "PFS rate, 60
 *       months", All). Missing Tg is imputed as ≤ 35 for the outcome draw only.
 *   <li>New LNM: HR 7.86 for Tg &gt; 35 (Table 4, new LNM, multivariable), 5-year rate 15.9 %
 *       (Table 3, "New identified LNM").
 *   <li>Disappearance: every node ≤ 1 cm disappears, 79/88 overall (Results, "LNM volume changes");
 *       time to disappearance exponential with median 6 months (≤ 1 cm) and 12 months (&gt; 1 cm),
 *       censored at follow-up.
 *   <li>{@code vrr_12}: volume reduction rate at 12 months, Normal(95, 6) % (≤ 1 cm) and Normal(85,
 *       12) % (&gt; 1 cm), at most 100 (Fig. 2d; the seed reports faster VRR for small nodes, p =
 *       0.04).
 * </ul>
 */
final class AblationCohort {
  private AblationCohort() {}

  static SyntheticTable generate(int n, Draws d) {
    double[] age = new double[n];
    String[] sex = new String[n];
    int[] ecog = new int[n];
    String[] acci = new String[n];
    String[] histology = new String[n];
    double[] diameter = new double[n];
    double[] volume = new double[n];
    double[] tg = new double[n];
    String[] modality = new String[n];
    double[] tsh = new double[n];
    int[] lnm = new int[n];
    double[] ablTime = new double[n];
    String[] distant = new String[n];
    double[] followup = new double[n];
    double[] lp = new double[n];
    double[] lpLnm = new double[n];
    for (int i = 0; i < n; i++) {
      age[i] = d.bernoulli(0.02) ? d.uniform(14, 17.9) : d.normal(45.64, 13.25, 18, 85);
      sex[i] = d.bernoulli(52.0 / 88) ? "male" : "female";
      ecog[i] = d.bernoulli(0.02) ? 3 : d.bernoulli(0.023) ? 1 : 0;
      acci[i] = new String[] {"0-1", "2-3", "4-5"}[d.pick(68.2, 25.0, 6.8)];
      histology[i] = d.bernoulli(0.977) ? "papillary" : "follicular";
      boolean small = d.bernoulli(32.0 / 88);
      diameter[i] =
          Draws.round(
              d.bernoulli(0.05)
                  ? d.uniform(3.0, 4.0)
                  : small ? d.normal(0.96, 0.29, 0.3, 1.0) : d.normal(1.66, 0.49, 1.01, 2.99),
              2);
      double b = diameter[i] * d.uniform(0.6, 0.9);
      double c = diameter[i] * d.uniform(0.6, 0.9);
      volume[i] = 0.524 * diameter[i] * b * c;
      boolean tgMissing = d.bernoulli(8.0 / 88);
      boolean tgHigh = d.bernoulli(26.0 / 80);
      double tgValue =
          tgHigh ? 35 + d.logNormalIqr(85, 40, 180, 0.1, 5000) : d.logNormalIqr(8, 3, 16, 0.1, 35);
      tg[i] = tgMissing ? Double.NaN : Draws.round(tgValue, 1);
      tgHigh = Draws.round(tgValue, 1) > 35;
      modality[i] = d.bernoulli(56.0 / 88) ? "MWA" : "RFA";
      tsh[i] = d.logNormalMeanSd(0.59, 1.22);
      lnm[i] = 1 + d.poisson(0.72);
      ablTime[i] = small ? d.logNormalMeanSd(124, 86) : d.logNormalMeanSd(236, 201);
      distant[i] = d.bernoulli(0.25) ? "yes" : "no";
      followup[i] = d.bernoulli(0.15) ? d.uniform(3, 12) : d.uniform(12, 100);
      lp[i] =
          (tgHigh ? Math.log(3.85) : 0)
              + Math.log(1.68) * Math.min(diameter[i], 3)
              + (sex[i].equals("male") ? Math.log(0.49) : 0);
      lpLnm[i] = tgHigh ? Math.log(7.86) : 0;
    }
    double rate = Calibration.baselineRate(lp, 60, 0.818);
    double rateLnm = Calibration.baselineRate(lpLnm, 60, 1 - 0.159);
    double[] pfsTime = new double[n];
    int[] pfsEvent = new int[n];
    double[] lnmTime = new double[n];
    int[] lnmEvent = new int[n];
    double[] disTime = new double[n];
    int[] disEvent = new int[n];
    double[] vrr = new double[n];
    for (int i = 0; i < n; i++) {
      double t = d.exponential(rate * Math.exp(lp[i]));
      pfsEvent[i] = t <= followup[i] ? 1 : 0;
      pfsTime[i] = Math.min(t, followup[i]);
      double tl = d.exponential(rateLnm * Math.exp(lpLnm[i]));
      lnmEvent[i] = tl <= followup[i] ? 1 : 0;
      lnmTime[i] = Math.min(tl, followup[i]);
      boolean small = diameter[i] <= 1.0;
      boolean disappears = small || d.bernoulli((79.0 - 32) / 56);
      double td = d.exponential(Math.log(2) / (small ? 6 : 12));
      disEvent[i] = disappears && td <= followup[i] ? 1 : 0;
      disTime[i] = disEvent[i] == 1 ? td : followup[i];
      vrr[i] =
          small ? Math.min(100, d.normal(95, 6, 40, 100)) : Math.min(100, d.normal(85, 12, 0, 100));
    }
    SyntheticTable t = new SyntheticTable(n);
    String[] id = new String[n];
    for (int i = 0; i < n; i++) {
      id[i] = String.format(java.util.Locale.ROOT, "A%04d", i + 1);
    }
    t.text("patient", id);
    t.number("age", age, 1);
    t.text("sex", sex);
    t.integer("ecog", ecog);
    t.text("acci", acci);
    t.text("histology", histology);
    t.number("diameter_cm", diameter, 2);
    t.number("volume_ml", volume, 3);
    t.number("tg", tg, 1);
    t.text("modality", modality);
    t.number("tsh", tsh, 2);
    t.integer("lnm_number", lnm);
    t.number("ablation_time", ablTime, 0);
    t.text("distant_metastasis", distant);
    t.number("followup", followup, 1);
    t.number("pfs_months", pfsTime, 2);
    t.integer("progression", pfsEvent);
    t.number("lnm_months", lnmTime, 2);
    t.integer("new_lnm", lnmEvent);
    t.number("disappearance_months", disTime, 2);
    t.integer("disappeared", disEvent);
    t.number("vrr_12", vrr, 1);
    return t;
  }
}
