package org.thyra.clinical.distant;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.thyra.clinical.Derived;
import org.thyra.clinical.course.LesionSite;
import org.thyra.clinical.course.ProgressionRate;

/**
 * Local treatment of a distant metastasis: which intent — curative candidate, palliative, or not a
 * candidate — the criteria of seed 002 support, each criterion reported separately with its value,
 * whether it is met, and the sentence of the seed it comes from.
 *
 * <p><b>This rule supports a multidisciplinary tumour board and decides nothing.</b> Seed 002 says
 * the decision "is generally tailored on an individual per-case basis by the multi-disciplinary
 * tumor boards"; the rule lays the seed's criteria side by side for that discussion.
 *
 * <p>Criteria (seed 002, "Interventional radiology ... thyroid cancer distant metastases", the list
 * (I)–(VII) and the visceral-metastases section):
 *
 * <ul>
 *   <li><b>oligometastatic</b> (curative): radical local control is proposed "in the cases of
 *       oligo-metastatic disease"; at most {@link Thresholds#oligometastaticMax()} distant lesions,
 *       <em>exactly the maximum is oligometastatic</em>. The seed gives no number: the default 5 is
 *       the ESTRO-ASTRO consensus (Lievens Y et al., Radiother Oncol 2020;148:157–166) and a
 *       parameter;
 *   <li><b>slow_progression</b> (curative), (VI): "slow evolving disease are more likely to receive
 *       the curative rather than the palliative treatments" — recorded by the team (no growth-rate
 *       threshold in the seed);
 *   <li><b>size_below_3cm</b> (curative; lung and liver only): curative RFA for lung lesions "sized
 *       &lt;3 cm" and liver lesions with "tumor size &lt;3 cm"; <em>exactly 3.0 cm is not
 *       below</em>; other sites: not applicable;
 *   <li><b>not_miliary</b> (contraindication): "miliary disease should be considered as a
 *       contraindication to ablation" — a miliary lesion is not a candidate;
 *   <li><b>life_expectancy</b> (curative), (V): at least {@link
 *       Thresholds#minLifeExpectancyMonths()} months, <em>exactly the minimum is met</em>. The seed
 *       names life expectancy without a number: the default 12 months is Thyra's and a parameter;
 *   <li><b>symptomatic</b> (palliative), (II) and the ATA scenario the seed quotes ("when a distant
 *       metastasis is symptomatic or at high risk of local complication");
 *   <li><b>solitary_bone</b> (reported), (I): "a solitary bone involvement ... has a better overall
 *       prognosis when compared to a visceral involvement";
 *   <li><b>rai_exhausted</b> (reported), (III): the lesion is not RAI-avid, or the cumulative
 *       activity reached the "maximum permissible dose (i.e., 600 mCi)" — <em>exactly 600 mCi is
 *       reached</em>;
 *   <li><b>fdg_negative</b> (reported), (IV): FDG uptake indicates "a more aggressive tumour
 *       histotype" — a curative candidate with FDG uptake carries a warning;
 *   <li><b>local_expertise</b> (reported), (VII): "the local availability of physicians performing
 *       local treatments" — a property of the centre, never in a course: always not assessable.
 * </ul>
 *
 * "Reported" criteria are named by the seed without saying which way they move the choice between
 * curative and palliative intent; they are shown and do not change the intent.
 *
 * <p>Intent (Thyra's reading of the seed, stated in every result's method): a miliary lesion → not
 * a candidate; every curative criterion met → curative candidate; a curative criterion not met →
 * palliative when symptomatic, otherwise not a candidate; when the answer depends on a criterion
 * that is not assessable the intent is not assessable (no value) and the reason names the missing
 * inputs.
 */
public final class LocalTreatmentEligibility {

  /**
   * The two numbers seed 002 does not give, and the RAI ceiling it does.
   *
   * @param oligometastaticMax at most this many distant lesions is oligometastatic
   * @param minLifeExpectancyMonths a curative candidate's life expectancy is at least this
   * @param raiCeilingMci the cumulative activity seed 002 calls the maximum permissible dose
   */
  public record Thresholds(
      int oligometastaticMax, int minLifeExpectancyMonths, BigDecimal raiCeilingMci) {

    public Thresholds {
      if (oligometastaticMax < 1) {
        throw new IllegalArgumentException(
            "the oligometastatic maximum must be at least 1 lesion, got " + oligometastaticMax);
      }
      if (minLifeExpectancyMonths < 0) {
        throw new IllegalArgumentException(
            "the minimum life expectancy must be 0 or more months, got " + minLifeExpectancyMonths);
      }
      if (raiCeilingMci == null || raiCeilingMci.signum() <= 0) {
        throw new IllegalArgumentException("the RAI ceiling must be a positive activity in mCi");
      }
    }

    /** ≤ 5 lesions, ≥ 12 months, 600 mCi. */
    public static Thresholds defaults() {
      return new Thresholds(5, 12, BigDecimal.valueOf(600));
    }
  }

  static final String SEED = "seed 002";

  private LocalTreatmentEligibility() {}

  /** The method text every result states. */
  public static String method(Thresholds t) {
    return "Local treatment of distant metastases, criteria of seed 002 (I)–(VII) and its lung/liver ablation sentences, "
        + "each reported separately; supports a tumour board, decides nothing. Curative candidate: oligometastatic (≤ "
        + t.oligometastaticMax()
        + " distant lesions — number not in the seed: parameter, default after ESTRO-ASTRO 2020), slow-evolving, "
        + "< 3 cm in lung or liver (exactly 3 cm is not), life expectancy ≥ "
        + t.minLifeExpectancyMonths()
        + " months (number not in the seed: Thyra's default, a parameter); miliary pattern → not a candidate; otherwise "
        + "palliative when symptomatic, else not a candidate; RAI status (≥ "
        + t.raiCeilingMci().stripTrailingZeros().toPlainString()
        + " mCi = ceiling reached), FDG uptake, solitary bone and local expertise reported without changing the intent; "
        + "a missing input the answer depends on → not assessable";
  }

  /** Applies the criteria to one lesion. */
  public static LocalTreatmentResult assess(LocalTreatmentInput in, Thresholds t) {
    List<LocalTreatmentCriterion> cs = new ArrayList<>();
    // curative criteria
    Integer n = in.distantLesions();
    cs.add(
        new LocalTreatmentCriterion(
            "oligometastatic",
            n == null ? "number of distant lesions not recorded" : n + " distant lesion(s)",
            CriterionStatus.of(n == null ? null : n <= t.oligometastaticMax()),
            "curative",
            SEED
                + ": \"radical local tumor control (i.e., curative treatments) in the cases of oligo-metastatic"
                + " disease\"; ≤ "
                + t.oligometastaticMax()
                + " lesions (the seed gives no number: parameter)"));
    ProgressionRate rate = in.progressionRate();
    cs.add(
        new LocalTreatmentCriterion(
            "slow_progression",
            rate == null ? "progression rate not recorded" : rate.name().toLowerCase(Locale.ROOT),
            CriterionStatus.of(rate == null ? null : rate == ProgressionRate.SLOW),
            "curative",
            SEED
                + " (VI): \"slow evolving disease are more likely to receive the curative rather than the"
                + " palliative treatments\""));
    boolean sized = in.site() == LesionSite.LUNG || in.site() == LesionSite.LIVER;
    cs.add(
        new LocalTreatmentCriterion(
            "size_below_3cm",
            sized
                ? (in.sizeCm() == null ? "size not recorded" : fmt(in.sizeCm()) + " cm")
                : "no size criterion for " + site(in.site()),
            sized
                ? CriterionStatus.of(in.sizeCm() == null ? null : in.sizeCm() < 3.0)
                : CriterionStatus.NOT_APPLICABLE,
            "curative",
            in.site() == LesionSite.LIVER
                ? SEED
                    + " (liver): \"liver metastases from TC can be reasonably treated with curative RFA providing"
                    + " that the tumor size <3 cm\""
                : SEED
                    + " (lung): \"RFA with a curative intent in the patients with slow-evolving, macro-nodular"
                    + " disease, sized <3 cm\"; only lung and liver have a size criterion"));
    Integer life = in.lifeExpectancyMonths();
    cs.add(
        new LocalTreatmentCriterion(
            "life_expectancy",
            life == null ? "life expectancy not recorded" : life + " months",
            CriterionStatus.of(life == null ? null : life >= t.minLifeExpectancyMonths()),
            "curative",
            SEED
                + " (V): \"The patients' life expectancy\"; ≥ "
                + t.minLifeExpectancyMonths()
                + " months (the seed gives no number: Thyra's default, a parameter)"));
    // contraindication
    Boolean miliary = in.miliary();
    cs.add(
        new LocalTreatmentCriterion(
            "not_miliary",
            miliary == null ? "pattern not recorded" : miliary ? "miliary" : "macronodular",
            CriterionStatus.of(miliary == null ? null : !miliary),
            "contraindication",
            SEED + ": \"miliary disease should be considered as a contraindication to ablation\""));
    // palliative trigger
    Boolean symptomatic = in.symptomatic();
    cs.add(
        new LocalTreatmentCriterion(
            "symptomatic",
            symptomatic == null ? "symptoms not recorded" : symptomatic ? "symptomatic" : "none",
            CriterionStatus.of(symptomatic),
            "palliative",
            SEED
                + " (II): \"Whether the metastases are symptomatic\"; ATA scenario quoted by the seed: local"
                + " treatment \"when a distant metastasis is symptomatic or at high risk of local"
                + " complication\""));
    // reported
    cs.add(
        new LocalTreatmentCriterion(
            "solitary_bone",
            n == null
                ? "number of distant lesions not recorded"
                : (n == 1 ? "solitary " : n + " lesions, this one ") + site(in.site()),
            in.site() != LesionSite.BONE
                ? CriterionStatus.NOT_MET
                : CriterionStatus.of(n == null ? null : n == 1),
            "reported",
            SEED
                + " (I): \"whether a solitary bone involvement is present as it has a better overall prognosis"
                + " when compared to a visceral involvement\""));
    cs.add(raiCriterion(in, t));
    Boolean fdg = in.fdgAvid();
    cs.add(
        new LocalTreatmentCriterion(
            "fdg_negative",
            fdg == null ? "FDG PET not recorded" : fdg ? "FDG uptake" : "no FDG uptake",
            CriterionStatus.of(fdg == null ? null : !fdg),
            "reported",
            SEED
                + " (IV): \"Whether the metastases demonstrate 18FDG uptake thus, indicating a more aggressive"
                + " tumour histotype\""));
    cs.add(
        new LocalTreatmentCriterion(
            "local_expertise",
            "a property of the centre, not of the course",
            CriterionStatus.NOT_ASSESSABLE,
            "reported",
            SEED + " (VII): \"The local availability of physicians performing local treatments\""));
    return new LocalTreatmentResult(decide(cs, in).withMethod(method(t)), cs);
  }

  private static LocalTreatmentCriterion raiCriterion(LocalTreatmentInput in, Thresholds t) {
    BigDecimal total = in.cumulativeActivityMci();
    Boolean reached = total == null ? null : total.compareTo(t.raiCeilingMci()) >= 0;
    Boolean avid = in.raiAvid();
    Boolean exhausted;
    if (Boolean.FALSE.equals(avid) || Boolean.TRUE.equals(reached)) {
      exhausted = true;
    } else if (avid == null || reached == null) {
      exhausted = null;
    } else {
      exhausted = false;
    }
    String ceiling = t.raiCeilingMci().stripTrailingZeros().toPlainString();
    String value =
        (avid == null ? "RAI uptake not recorded" : avid ? "RAI-avid" : "not RAI-avid")
            + ", "
            + (total == null
                ? "cumulative activity not known"
                : "cumulative "
                    + total.stripTrailingZeros().toPlainString()
                    + " mCi"
                    + (reached ? " ≥ " : " < ")
                    + ceiling
                    + " mCi");
    return new LocalTreatmentCriterion(
        "rai_exhausted",
        value,
        CriterionStatus.of(exhausted),
        "reported",
        SEED
            + " (III): \"Whether metastases are RIT-sensitive and if so, whether RIT has been applied to the"
            + " maximum permissible dose (i.e., 600 mCi)\"");
  }

  private static Derived<LocalTreatmentIntent> decide(
      List<LocalTreatmentCriterion> cs, LocalTreatmentInput in) {
    List<String> warnings = new ArrayList<>();
    LocalTreatmentCriterion miliary = find(cs, "not_miliary");
    if (miliary.status() == CriterionStatus.NOT_MET) {
      return new Derived<>(
          LocalTreatmentIntent.NOT_A_CANDIDATE,
          "miliary pattern: a contraindication to ablation (seed 002) → not a candidate",
          warnings);
    }
    List<String> notMet = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (LocalTreatmentCriterion c : cs) {
      if (c.role().equals("curative") || c.role().equals("contraindication")) {
        if (c.status() == CriterionStatus.NOT_MET) {
          notMet.add(c.name() + " (" + c.value() + ")");
        } else if (c.status() == CriterionStatus.NOT_ASSESSABLE) {
          missing.add(c.name() + " (" + c.value() + ")");
        }
      }
    }
    LocalTreatmentCriterion symptomatic = find(cs, "symptomatic");
    if (notMet.isEmpty() && missing.isEmpty()) {
      if (find(cs, "fdg_negative").status() == CriterionStatus.NOT_MET) {
        warnings.add(
            "FDG uptake indicates a more aggressive histotype (seed 002, IV): weigh against curative intent");
      }
      return new Derived<>(
          LocalTreatmentIntent.CURATIVE_CANDIDATE,
          "oligometastatic, slow-evolving, "
              + (in.site() == LesionSite.LUNG || in.site() == LesionSite.LIVER ? "< 3 cm, " : "")
              + "not miliary, life expectancy met → curative candidate",
          warnings);
    }
    if (notMet.isEmpty()) {
      return new Derived<>(
          null,
          "not assessable: curative intent depends on "
              + String.join(", ", missing)
              + (symptomatic.status() == CriterionStatus.MET
                  ? " (symptomatic: palliative at least)"
                  : ""),
          warnings);
    }
    String why = "not a curative candidate: " + String.join(", ", notMet) + " not met";
    return switch (symptomatic.status()) {
      case MET ->
          new Derived<>(
              LocalTreatmentIntent.PALLIATIVE, why + "; symptomatic → palliative", warnings);
      case NOT_MET ->
          new Derived<>(
              LocalTreatmentIntent.NOT_A_CANDIDATE,
              why + "; not symptomatic → not a candidate",
              warnings);
      default ->
          new Derived<>(
              null,
              "not assessable: "
                  + why
                  + "; palliative or not a candidate depends on symptoms, not recorded",
              warnings);
    };
  }

  private static LocalTreatmentCriterion find(List<LocalTreatmentCriterion> cs, String name) {
    return cs.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
  }

  private static String site(LesionSite s) {
    return s.name().toLowerCase(Locale.ROOT);
  }

  private static String fmt(double v) {
    return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }
}
