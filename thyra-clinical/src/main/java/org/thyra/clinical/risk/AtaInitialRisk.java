package org.thyra.clinical.risk;

import java.util.ArrayList;
import java.util.List;
import org.thyra.clinical.AtaEdition;
import org.thyra.clinical.Derived;
import org.thyra.clinical.course.ExtrathyroidalExtension;
import org.thyra.clinical.course.Histology;

/**
 * ATA initial risk stratification of structural disease recurrence, by edition ({@link
 * AtaEdition}).
 *
 * <p><b>2015</b> (the default): Haugen BR et al., 2015 American Thyroid Association Management
 * Guidelines, Thyroid 2016;26:1–133, Table 11 ("ATA 2009 risk stratification system with proposed
 * modifications", sections [B19]–[B23], Recommendation 48B), read in the PMC full text (PMC4739132,
 * table T11; print page number not verified); reproduced in seed 002, Table 1. (Thyra cited it as
 * "Table 12" before issue 17; Table 12 is the table of response by risk group.)
 *
 * <p><b>2025</b>: Ringel MD et al., Thyroid 2025;35(8):841–985. Its risk table could not be read
 * for Thyra: the ATA 2025 pocket guide (Table 10, p. 35) shows that the edition has four levels
 * (low, intermediate-low, intermediate-high, high) but not their definitions. The 2025 risk is
 * therefore <em>left out</em>: {@link #classify(AtaEdition, AtaRiskInput)} returns no value with
 * that reason, rather than a guessed table.
 *
 * <p>The 2015 table:
 *
 * <p><b>High</b> if any of: gross extrathyroidal extension (strap muscles or beyond); incomplete
 * tumour resection; distant metastases; postoperative Tg suggestive of distant metastases; pN1 with
 * any metastatic node ≥ 3 cm — <em>exactly 3.0 cm is high</em>; follicular (or oncocytic) carcinoma
 * with extensive vascular invasion, &gt; 4 foci — <em>5 foci is high</em>.
 *
 * <p><b>Intermediate</b> if none of those and any of: microscopic extrathyroidal extension;
 * RAI-avid neck foci on the first post-treatment scan; aggressive histology (tall cell, hobnail,
 * columnar; poorly differentiated carcinoma is placed here too — decided: the ATA table is written
 * for DTC and names no place for it); papillary carcinoma with vascular invasion (any foci);
 * clinical N1; &gt; 5 pathologic N1 with all nodes &lt; 3 cm — <em>6 nodes is intermediate</em>.
 *
 * <p><b>Low</b> otherwise, which the table describes as: intrathyroidal carcinoma, cN0 or ≤ 5 pN1
 * micrometastases (&lt; 0.2 cm) — <em>exactly 5 micrometastatic nodes is low</em>; follicular
 * carcinoma with capsular invasion and no or minimal (&lt; 4 foci) vascular invasion.
 *
 * <p>Two gaps in the table are decided here, each with a warning in the result:
 *
 * <ul>
 *   <li>≤ 5 involved nodes of which the largest is ≥ 0.2 cm (and &lt; 3 cm) are not
 *       micrometastases, so the low-risk row does not hold: <em>intermediate</em>. A node of
 *       exactly 0.2 cm is not a micrometastasis ("&lt; 0.2 cm").
 *   <li>follicular carcinoma with exactly 4 foci of vascular invasion is neither minimal (&lt; 4)
 *       nor extensive (&gt; 4): <em>intermediate</em>.
 * </ul>
 *
 * The table's "multifocal papillary microcarcinoma with extrathyroidal extension and BRAF V600E"
 * (intermediate) needs no BRAF input here: its microscopic extension already makes intermediate.
 *
 * <p>When nodes are involved but the size of the largest is unknown and ≤ 5 nodes are involved, the
 * risk is undetermined between low and intermediate (unless a high or intermediate criterion
 * fires).
 */
public final class AtaInitialRisk {

  /** The convention this rule applies, as its results state it in {@code method}. */
  public static final String METHOD =
      "ATA 2015 initial risk (Haugen 2016, Table 11; PMC4739132, print page not verified): high if a node ≥ 3.0 cm or follicular-type > 4 vascular foci; intermediate if > 5 pN1 or a node ≥ 0.2 cm; low ≤ 5 micrometastases < 0.2 cm; exactly 4 foci and ≤ 5 macrometastatic nodes decided intermediate";

  /** Node size (cm) from which pN1 makes high risk: any node ≥ 3 cm. */
  public static final double LARGE_NODE_CM = 3.0;

  /** Micrometastasis: largest dimension &lt; 0.2 cm. */
  public static final double MICROMETASTASIS_CM = 0.2;

  private AtaInitialRisk() {}

  /** What the 2025 edition gives: no value, and why. */
  public static final String METHOD_2025 =
      "ATA 2025 initial risk (Ringel 2025): NOT IMPLEMENTED — the 2025 risk table (four levels: low, intermediate-low, "
          + "intermediate-high, high; ATA 2025 pocket guide Table 10, p. 35) could not be read from the guideline or a faithful "
          + "reproduction, so it is left out rather than guessed; use edition 2015";

  /**
   * Whether a variant, as written in a pathology report, is one the ATA table names as aggressive
   * histology: tall cell, hobnail or columnar cell (matched in the text, case-insensitively; {@code
   * null} is not aggressive).
   */
  public static boolean aggressiveVariant(String variant) {
    if (variant == null) {
      return false;
    }
    String v = variant.toLowerCase(java.util.Locale.ROOT);
    return v.contains("tall") || v.contains("hobnail") || v.contains("columnar");
  }

  /** Classifies the 2015 initial risk, listing every criterion that fired at the decisive level. */
  public static Derived<AtaRisk> classify(AtaRiskInput in) {
    return classifyDecided(in).withMethod(METHOD);
  }

  /** Classifies the initial risk in an edition; 2025 gives no value (see the class comment). */
  public static Derived<AtaRisk> classify(AtaEdition edition, AtaRiskInput in) {
    if (edition == AtaEdition.ATA_2025) {
      return Derived.<AtaRisk>undetermined(
              "not assessable in the 2025 edition: its risk table could not be read (see method)")
          .withMethod(METHOD_2025);
    }
    return classify(in);
  }

  private static Derived<AtaRisk> classifyDecided(AtaRiskInput in) {
    List<String> high = new ArrayList<>();
    if (in.extension().isGross()) {
      high.add("gross extrathyroidal extension (" + in.extension() + ")");
    }
    if (Boolean.FALSE.equals(in.completeResection())) {
      high.add("incomplete tumour resection");
    }
    if (in.distantMetastasis()) {
      high.add("distant metastases");
    }
    if (in.tgSuggestsDistantMetastasis()) {
      high.add("postoperative Tg suggestive of distant metastases");
    }
    if (in.pathologicN1Count() > 0
        && in.largestNodeCm() != null
        && in.largestNodeCm() >= LARGE_NODE_CM) {
      high.add("pN1 with a node of " + in.largestNodeCm() + " cm ≥ 3 cm");
    }
    Integer foci = in.vascularInvasionFoci();
    if (in.histology().isFollicularType() && foci != null && foci > 4) {
      high.add(
          "follicular-type carcinoma with extensive vascular invasion (" + foci + " foci > 4)");
    }
    if (!high.isEmpty()) {
      return Derived.of(AtaRisk.HIGH, "high: " + String.join("; ", high));
    }

    List<String> intermediate = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    if (in.extension() == ExtrathyroidalExtension.MICROSCOPIC) {
      intermediate.add("microscopic extrathyroidal extension");
    }
    if (in.raiAvidNeckFociOnFirstScan()) {
      intermediate.add("RAI-avid metastatic neck foci on the first post-treatment scan");
    }
    if (in.aggressiveVariant()) {
      intermediate.add("aggressive histology (tall cell, hobnail or columnar)");
    }
    if (in.histology() == Histology.POORLY_DIFFERENTIATED) {
      intermediate.add("poorly differentiated carcinoma (treated as aggressive histology)");
      warnings.add(
          "the ATA 2015 table is written for DTC; poorly differentiated carcinoma placed at intermediate");
    }
    if (in.histology() == Histology.PAPILLARY && foci != null && foci > 0) {
      intermediate.add("papillary carcinoma with vascular invasion (" + foci + " foci)");
    }
    if (in.histology().isFollicularType() && foci != null && foci == 4) {
      intermediate.add("follicular-type carcinoma with exactly 4 foci of vascular invasion");
      warnings.add(
          "4 foci is neither minimal (< 4) nor extensive (> 4) in the ATA table; decided intermediate");
    }
    if (in.clinicalN1()) {
      intermediate.add("clinical N1");
    }
    int nodes = in.pathologicN1Count();
    if (nodes > 5) {
      intermediate.add(nodes + " pathologic N1 nodes > 5, all < 3 cm");
    } else if (nodes > 0
        && in.largestNodeCm() != null
        && in.largestNodeCm() >= MICROMETASTASIS_CM) {
      intermediate.add(
          nodes
              + " pathologic N1 node(s) ≤ 5 but largest "
              + in.largestNodeCm()
              + " cm ≥ 0.2 cm (not micrometastases)");
      warnings.add(
          "≤ 5 pN1 macrometastases (0.2–3 cm) are not in the ATA low-risk row; decided intermediate");
    }
    if (!intermediate.isEmpty()) {
      return new Derived<>(
          AtaRisk.INTERMEDIATE, "intermediate: " + String.join("; ", intermediate), warnings);
    }
    if (nodes > 0 && in.largestNodeCm() == null) {
      return Derived.undetermined(
          nodes
              + " pathologic N1 node(s) ≤ 5 with unknown size: low if all < 0.2 cm, otherwise intermediate");
    }
    String low =
        "low: intrathyroidal "
            + in.histology().name().toLowerCase(java.util.Locale.ROOT)
            + " carcinoma, "
            + (nodes == 0
                ? "no involved nodes"
                : nodes + " pN1 micrometastases (< 0.2 cm, ≤ 5 nodes)")
            + (in.histology().isFollicularType() && foci != null && foci > 0
                ? ", minimal vascular invasion (" + foci + " foci < 4)"
                : "")
            + ", no high- or intermediate-risk feature";
    return Derived.of(AtaRisk.LOW, low);
  }
}
