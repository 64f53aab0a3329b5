package org.thyra.web.entry;

import java.util.List;
import java.util.Locale;
import org.thyra.clinical.comorbidity.CharlsonCondition;
import org.thyra.clinical.course.Analyte;
import org.thyra.clinical.course.DeathCause;
import org.thyra.clinical.course.ExtrathyroidalExtension;
import org.thyra.clinical.course.Histology;
import org.thyra.clinical.course.LesionSite;
import org.thyra.clinical.course.NodeRegion;
import org.thyra.clinical.course.ProgressionType;
import org.thyra.clinical.course.RaiPreparation;
import org.thyra.clinical.course.Sex;
import org.thyra.clinical.course.SurgeryType;
import org.thyra.clinical.course.TreatmentKind;
import org.thyra.clinical.course.TshState;
import org.thyra.clinical.response.ImagingFinding;
import org.thyra.clinical.response.TgAbTrend;

/**
 * Every kind of course entry a form can add or correct, each bound to its place in the course JSON
 * (docs/COURSE_FORMAT.md): a repeating kind is an element of a list field ({@code raiCourses}), a
 * single kind an object field ({@code demographics}) or, for {@link #OUTCOME}, fields of the course
 * itself. Saving goes through the same course validation as an import ({@code PatientCourse}'s
 * constructor).
 */
public enum EntryKind {
  DEMOGRAPHICS(
      "demographics",
      "Demographics",
      "demographics",
      false,
      List.of(
          Field.choice("sex", "Sex", Sex.class, true),
          Field.date("birthDate", "Birth date", true),
          Field.date("diagnosisDate", "Diagnosis date", true))),
  TUMOUR(
      "tumour",
      "Primary tumour and nodes",
      "primaryTumour",
      false,
      List.of(
          Field.choice("histology", "Histology", Histology.class, true),
          Field.text("variant", "Variant", false),
          Field.number("sizeCm", "Size", "cm"),
          Field.choice(
              "extension", "Extrathyroidal extension", ExtrathyroidalExtension.class, false),
          Field.yesNo("multifocal", "Multifocal"),
          Field.integer("vascularInvasionFoci", "Vascular invasion foci"),
          Field.yesNo("completeResection", "Complete resection"),
          Field.checkbox("nodes.assessed", "Nodes assessed"),
          Field.checkbox("nodes.clinicallyEvident", "Clinically evident nodes"),
          Field.integer("nodes.pathologicPositive", "Positive nodes"),
          Field.integer("nodes.examined", "Nodes examined"),
          Field.number("nodes.largestNodeCm", "Largest node", "cm"),
          Field.list("nodes.regions", "Node regions", NodeRegion.class),
          Field.checkbox("tgSuggestsDistantMetastasis", "Tg suggests distant metastasis"))),
  SURGERY(
      "surgery",
      "Surgery",
      "surgeries",
      true,
      List.of(
          Field.date("date", "Date", true),
          Field.choice("type", "Operation", SurgeryType.class, true),
          Field.yesNo("completeResection", "Complete resection"),
          Field.text("note", "Note", false))),
  RAI(
      "rai",
      "RAI course",
      "raiCourses",
      true,
      List.of(
          Field.date("date", "Date", true),
          Field.number("activity.value", "Activity", ""),
          Field.choice("activity.unit", "Activity unit", List.of("mCi", "GBq", "MBq"), false),
          Field.choice("preparation", "Preparation", RaiPreparation.class, false),
          Field.number("tshMiuPerL", "TSH at administration", "mIU/L"),
          Field.list("scanUptake.avid", "Avid lesions on the post-therapy scan", null),
          Field.list("scanUptake.nonAvid", "Non-avid lesions on the post-therapy scan", null))),
  LAB(
      "lab",
      "Laboratory value (Tg, TgAb, TSH)",
      "labs",
      true,
      List.of(
          Field.date("date", "Date", true),
          Field.choice("analyte", "Analyte", Analyte.class, true),
          Field.number("value", "Value", ""),
          Field.text("unit", "Unit", false),
          Field.choice("tshState", "TSH state", TshState.class, false),
          Field.checkbox("belowDetectionLimit", "Below the detection limit"))),
  LESION(
      "lesion",
      "Lesion",
      "lesions",
      true,
      List.of(
          Field.text("lesionId", "Lesion id", true),
          Field.choice("site", "Site", LesionSite.class, true),
          Field.date("detected", "Detected", true),
          Field.checkbox("biopsyConfirmed", "Biopsy confirmed"),
          Field.checkbox("recistTarget", "RECIST target lesion"))),
  MEASUREMENT(
      "measurement",
      "Lesion measurement",
      "measurements",
      true,
      List.of(
          Field.text("lesionId", "Lesion id", true),
          Field.date("date", "Date", true),
          Field.text("modality", "Modality", false),
          Field.number("aMm", "Diameter a", "mm"),
          Field.number("bMm", "Diameter b", "mm"),
          Field.number("cMm", "Diameter c", "mm"),
          Field.number("shortAxisMm", "Short axis", "mm"),
          Field.checkbox("disappeared", "Disappeared"))),
  TREATMENT(
      "treatment",
      "Local or systemic treatment",
      "treatments",
      true,
      List.of(
          Field.date("date", "Start", true),
          Field.date("endDate", "End", false),
          Field.choice("kind", "Kind", TreatmentKind.class, true),
          Field.list("lesionIds", "Lesions treated", null),
          Field.text("agent", "Agent", false))),
  ASSESSMENT(
      "assessment",
      "Response assessment",
      "assessments",
      true,
      List.of(
          Field.date("date", "Date", true),
          Field.choice("imaging", "Imaging", ImagingFinding.class, false),
          Field.choice("tgAb", "TgAb trend", TgAbTrend.class, false),
          Field.yesNo("tgRising", "Tg rising"),
          Field.checkbox("newLesions", "New lesions"),
          Field.yesNo("nonTargetGone", "Non-target lesions gone"),
          Field.checkbox("nonTargetProgression", "Non-target progression"),
          Field.text("recordedCategory", "Recorded category", false))),
  PROGRESSION(
      "progression",
      "Progression",
      "progressions",
      true,
      List.of(
          Field.date("date", "Date", true),
          Field.choice("type", "Type", ProgressionType.class, true),
          Field.text("lesionId", "Lesion id", false),
          Field.text("note", "Note", false))),
  OUTCOME(
      "outcome",
      "Follow-up, death, ECOG, comorbidities",
      "",
      false,
      List.of(
          Field.date("lastFollowUp", "Last follow-up", false),
          Field.date("death.date", "Death", false),
          Field.choice("death.cause", "Cause of death", DeathCause.class, false),
          Field.integer("ecog", "ECOG at baseline"),
          Field.list("comorbidities", "Charlson conditions", CharlsonCondition.class)));

  private final String slug;
  private final String label;
  private final String jsonField;
  private final boolean repeating;
  private final List<Field> fields;

  EntryKind(String slug, String label, String jsonField, boolean repeating, List<Field> fields) {
    this.slug = slug;
    this.label = label;
    this.jsonField = jsonField;
    this.repeating = repeating;
    this.fields = fields;
  }

  /** The kind's name in URLs. */
  public String slug() {
    return slug;
  }

  /** What the person reads. */
  public String label() {
    return label;
  }

  /** The course-JSON field holding it ({@code ""} for fields of the course itself). */
  public String jsonField() {
    return jsonField;
  }

  /** True for a list of entries, false for a single one. */
  public boolean repeating() {
    return repeating;
  }

  /** The form's inputs. */
  public List<Field> fields() {
    return fields;
  }

  /** The kind with this URL name. */
  public static java.util.Optional<EntryKind> bySlug(String slug) {
    for (EntryKind k : values()) {
      if (k.slug.equals(slug == null ? "" : slug.toLowerCase(Locale.ROOT))) {
        return java.util.Optional.of(k);
      }
    }
    return java.util.Optional.empty();
  }
}
