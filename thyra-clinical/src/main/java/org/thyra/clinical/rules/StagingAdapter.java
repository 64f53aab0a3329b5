package org.thyra.clinical.rules;

import static org.thyra.clinical.rules.Role.optional;
import static org.thyra.clinical.rules.Role.required;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.thyra.clinical.Derived;
import org.thyra.clinical.Finding;
import org.thyra.clinical.course.ExtrathyroidalExtension;
import org.thyra.clinical.course.NodalDisease;
import org.thyra.clinical.course.NodeRegion;
import org.thyra.clinical.course.PatientCourse;
import org.thyra.clinical.course.PrimaryTumour;
import org.thyra.clinical.staging.Ajcc7Staging;
import org.thyra.clinical.staging.Ajcc8Staging;
import org.thyra.clinical.staging.MCategory;
import org.thyra.clinical.staging.NCategory;
import org.thyra.clinical.staging.TCategory;

/**
 * The AJCC staging rules' one adapter ({@code ajcc8-t}, {@code -n}, {@code -stage} and the same for
 * the 7th edition): a table row ({@code thyra derive}) and a patient course ({@code thyra
 * classify}) are each read into size, extension, node regions, age and M here, and both go through
 * the one {@link Edition#t}, {@link Edition#n} and {@link Edition#stage}. The guideline logic is in
 * {@link Ajcc8Staging} and {@link Ajcc7Staging}.
 */
public final class StagingAdapter {

  /** How M is read from the course at staging. */
  public static final String M_METHOD =
      "M1 when a distant lesion was detected within the AJCC staging time frame: up to 4 months after "
          + "diagnosis or until the first RAI course if that is later and ≤ 12 months after diagnosis";

  private static final String REGIONS =
      "involved regions separated by ; (VI, VII, lateral or I–V, retropharyngeal), 'none', or 'NX'";

  /** The two AJCC editions with their rule names, descriptions and source. */
  enum Edition {
    AJCC8(
        "ajcc8",
        "AJCC Cancer Staging Manual 8th ed. (2017), thyroid — differentiated carcinoma",
        "AJCC 8th edition T category from size and extrathyroidal extension",
        "AJCC 8th edition N category from involved node regions",
        "AJCC 8th edition stage group (age cut-off ≥ 55 years)"),
    AJCC7(
        "ajcc7",
        "AJCC Cancer Staging Manual 7th ed. (2010), thyroid — papillary/follicular",
        "AJCC 7th edition T category (minimal extension → T3)",
        "AJCC 7th edition N category (level VII → N1b)",
        "AJCC 7th edition stage group (age cut-off ≥ 45 years)");

    final String prefix;
    final String source;
    final String tDescription;
    final String nDescription;
    final String stageDescription;

    Edition(
        String prefix,
        String source,
        String tDescription,
        String nDescription,
        String stageDescription) {
      this.prefix = prefix;
      this.source = source;
      this.tDescription = tDescription;
      this.nDescription = nDescription;
      this.stageDescription = stageDescription;
    }

    Derived<TCategory> t(Double sizeCm, ExtrathyroidalExtension extension) {
      return this == AJCC8
          ? Ajcc8Staging.tCategory(sizeCm, extension)
          : Ajcc7Staging.tCategory(sizeCm, extension);
    }

    Derived<NCategory> n(Set<NodeRegion> regions) {
      return this == AJCC8 ? Ajcc8Staging.nCategory(regions) : Ajcc7Staging.nCategory(regions);
    }

    Derived<String> stage(double age, TCategory t, NCategory n, MCategory m) {
      return this == AJCC8 ? Ajcc8Staging.stage(age, t, n, m) : Ajcc7Staging.stage(age, t, n, m);
    }
  }

  private StagingAdapter() {}

  /** The six row rules of {@code thyra derive}: T, N and stage of the 8th, then of the 7th. */
  static List<Rule> tableRules() {
    return List.of(
        tRule(Edition.AJCC8),
        nRule(Edition.AJCC8),
        stageRule(Edition.AJCC8),
        tRule(Edition.AJCC7),
        nRule(Edition.AJCC7),
        stageRule(Edition.AJCC7));
  }

  // tRule, nRule and stageRule share only the TableRule constructor's shape (name, description,
  // source, roles, parameters, outputs, body): three different rules, not one logic written twice.
  private static Rule tRule(Edition e) {
    String column = e.prefix + "_t";
    return new TableRule(
        e.prefix + "-t",
        e.tDescription,
        e.source,
        List.of(
            optional("size_cm", "largest tumour dimension, cm"),
            optional("extension", RuleRegistry.EXT)),
        List.of(),
        List.of(column),
        (row, p) ->
            TableRule.single(column, e.t(row.nonNegative("size_cm"), RuleRegistry.extension(row))));
  }

  private static Rule nRule(Edition e) {
    String column = e.prefix + "_n";
    return new TableRule(
        e.prefix + "-n",
        e.nDescription,
        e.source,
        List.of(required("regions", REGIONS)),
        List.of(),
        List.of(column),
        (row, p) -> TableRule.single(column, e.n(regions(row))));
  }

  private static Rule stageRule(Edition e) {
    String column = e.prefix + "_stage";
    return new TableRule(
        e.prefix + "-stage",
        e.stageDescription,
        e.source,
        List.of(
            required("age", "age at diagnosis, years"),
            required("t", "T category (T1a, pT3b, ...)"),
            required("n", "N category (N0, N1a, NX, ...)"),
            required("m", "M category (M0, M1)")),
        List.of(),
        List.of(column),
        (row, p) ->
            TableRule.single(
                column,
                e.stage(
                    RuleRegistry.age(row),
                    row.parsed("t", TCategory::parse),
                    row.parsed("n", NCategory::parse),
                    row.parsed("m", MCategory::parse))));
  }

  private static Set<NodeRegion> regions(Row row) {
    String t = row.text("regions");
    String lower = t.toLowerCase(Locale.ROOT);
    if (lower.equals("nx") || lower.equals("not assessed")) {
      return null;
    }
    Set<NodeRegion> set = EnumSet.noneOf(NodeRegion.class);
    if (lower.equals("none")) {
      return set;
    }
    for (String part : lower.split("[;,+ ]+")) {
      switch (part) {
        case "vi", "6" -> set.add(NodeRegion.LEVEL_VI);
        case "vii", "7" -> set.add(NodeRegion.LEVEL_VII);
        case "lateral", "i", "ii", "iii", "iv", "v", "1", "2", "3", "4", "5", "retropharyngeal" ->
            set.add(NodeRegion.LATERAL);
        default ->
            throw new RuleInputException(
                "regions",
                t,
                "has an unknown region '"
                    + part
                    + "' (VI, VII, I–V, lateral, retropharyngeal, none, NX)");
      }
    }
    return set;
  }

  /**
   * The patient's staging from a course: T and N of the primary, M from {@code distantAtStaging} (a
   * distant lesion detected by {@code windowEnd}), age in completed years at diagnosis; the 8th
   * edition's findings, then the 7th's. Without a primary, a differentiated histology or a birth
   * date, one empty {@code ajcc8-stage} finding says why.
   */
  public static List<Finding> findings(
      PatientCourse c, boolean distantAtStaging, LocalDate windowEnd) {
    PrimaryTumour p = c.primaryTumour();
    if (p == null) {
      return List.of(undetermined("no primary tumour recorded"));
    }
    if (p.histology() == null || !p.histology().isDifferentiated()) {
      return List.of(
          undetermined(
              "histology "
                  + p.histology()
                  + " is not staged by the differentiated-carcinoma table"));
    }
    MCategory m = distantAtStaging ? MCategory.M1 : MCategory.M0;
    String mWhy =
        (m == MCategory.M1 ? "distant lesion detected" : "no distant lesion detected")
            + " by "
            + windowEnd
            + " (staging time frame) → "
            + m;
    NodalDisease nodes = p.nodes();
    Set<NodeRegion> regions = nodes == null || !nodes.assessed() ? null : nodes.regions();
    if (c.demographics().birthDate() == null) {
      return List.of(undetermined("birth date not recorded: age at diagnosis unknown"));
    }
    int age = c.demographics().ageAtDiagnosis();
    List<Finding> out = new java.util.ArrayList<>();
    for (Edition e : Edition.values()) {
      Derived<TCategory> t = e.t(p.sizeCm(), p.extension());
      Derived<NCategory> n = e.n(regions);
      out.add(Finding.of(e.prefix + "-t", "primary", t));
      out.add(Finding.of(e.prefix + "-n", "primary", n));
      if (e == Edition.AJCC8) {
        // M is read once from the course; reported with the 8th edition's findings
        out.add(new Finding("ajcc8-m", "patient", m.name(), mWhy, List.of(), M_METHOD));
      }
      out.add(Finding.of(e.prefix + "-stage", "patient", e.stage(age, t.value(), n.value(), m)));
    }
    return out;
  }

  private static Finding undetermined(String reason) {
    return new Finding("ajcc8-stage", "patient", "", reason, List.of(), Ajcc8Staging.STAGE_METHOD);
  }
}
