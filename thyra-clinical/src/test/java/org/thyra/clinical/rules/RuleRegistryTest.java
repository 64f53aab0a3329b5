package org.thyra.clinical.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every registered rule through its table interface: roles → cells, parameters, outputs. Each row
 * is "rule | role=value;... | param=value;... | output=expected;...".
 */
class RuleRegistryTest {

  static Map<String, String> pairs(String text) {
    Map<String, String> m = new LinkedHashMap<>();
    if (text == null || text.isBlank()) {
      return m;
    }
    for (String kv : text.split(";")) {
      int i = kv.indexOf('=');
      m.put(kv.substring(0, i).trim(), kv.substring(i + 1).trim().replace('+', ';'));
    }
    return m;
  }

  @ParameterizedTest(name = "{0} {1} {2} → {3}")
  @CsvSource(
      delimiter = '|',
      nullValues = "null",
      value = {
        "ajcc8-t|size_cm=1.0;extension=none|null|ajcc8_t=T1a",
        "ajcc8-t|size_cm=2.0|null|ajcc8_t=T1b",
        "ajcc8-t|size_cm=4.0|null|ajcc8_t=T2",
        "ajcc8-t|size_cm=4.01;extension=minimal|null|ajcc8_t=T3a",
        "ajcc8-t|size_cm=1;extension=strap|null|ajcc8_t=T3b",
        "ajcc8-n|regions=VI+VII|null|ajcc8_n=N1a",
        "ajcc8-n|regions=III|null|ajcc8_n=N1b",
        "ajcc8-n|regions=none|null|ajcc8_n=N0",
        "ajcc8-n|regions=NX|null|ajcc8_n=NX",
        "ajcc8-stage|age=55;t=T1a;n=N1b;m=M0|null|ajcc8_stage=II",
        "ajcc8-stage|age=54.9;t=T4b;n=N1b;m=M0|null|ajcc8_stage=I",
        "ajcc8-stage|age=54;t=T1a;n=N0;m=M1|null|ajcc8_stage=II",
        "ajcc8-stage|age=70;t=T4;n=N0;m=M0|null|ajcc8_stage=",
        "ajcc8-stage|age=70;t=pT4a;n=cN0;m=cM0|null|ajcc8_stage=III",
        "ajcc7-t|size_cm=0.5;extension=microscopic|null|ajcc7_t=T3",
        "ajcc7-n|regions=VII|null|ajcc7_n=N1b",
        "ajcc7-stage|age=45;t=T1b;n=N1a;m=M0|null|ajcc7_stage=III",
        "ajcc7-stage|age=44;t=T4a;n=N1b;m=M0|null|ajcc7_stage=I",
        "ata-risk|histology=papillary;pn1_count=1;largest_node_cm=3.0|null|ata_risk=high",
        "ata-risk|histology=papillary;pn1_count=5;largest_node_cm=0.19|null|ata_risk=low",
        "ata-risk|histology=papillary;pn1_count=6;largest_node_cm=0.19|null|ata_risk=intermediate",
        "ata-risk|histology=papillary;variant=Tall cell|null|ata_risk=intermediate",
        "ata-risk|histology=follicular;vascular_invasion_foci=5|null|ata_risk=high",
        "ata-risk|histology=papillary;pn1_count=2|null|ata_risk=",
        "ata-response|imaging=negative;tg_suppressed=0.2;tgab=undetectable|null|ata_response=indeterminate",
        "ata-response|imaging=negative;tg_stimulated=10;tgab=undetectable|null|ata_response=indeterminate",
        "ata-response|imaging=negative;tg_stimulated=10.01;tgab=undetectable|null|ata_response=biochemical_incomplete",
        "ata-response|imaging=negative;tg_stimulated=0.9;tgab=undetectable|null|ata_response=excellent",
        "ata-response|imaging=structural_or_functional|null|ata_response=structural_incomplete",
        "ata-response|imaging=negative;tg_suppressed=1.0;tgab=undetectable|null|ata_response=indeterminate",
        "ata-response|imaging=negative;tg_suppressed=1.01;tgab=undetectable|null|ata_response=biochemical_incomplete",
        "ata-response|imaging=negative;tg_suppressed=0.5;tgab=undetectable;treatment=tt|edition=2025|ata_response=excellent",
        "ata-response|imaging=negative;tg_suppressed=2.5;tgab=undetectable;treatment=tt|edition=2025|ata_response=",
        "ata-risk|histology=papillary;extension=gross_strap_muscles|edition=2025|ata_risk=",
        "ata-risk|histology=papillary;extension=gross_strap_muscles|edition=2015|ata_risk=high",
        "local-treatment|site=lung;size_cm=2.9;distant_lesions=2;miliary=no;life_expectancy_months=12;progression_rate=slow|null|local_treatment=curative_candidate",
        "local-treatment|site=lung;size_cm=3.0;distant_lesions=2;miliary=no;life_expectancy_months=12;progression_rate=slow;symptomatic=no|null|local_treatment=not_a_candidate",
        "local-treatment|site=lung;size_cm=3.0;distant_lesions=2;miliary=no;life_expectancy_months=12;progression_rate=slow;symptomatic=yes|null|local_treatment=palliative",
        "local-treatment|site=lung;size_cm=2;distant_lesions=5;miliary=no;life_expectancy_months=11;progression_rate=slow;symptomatic=no|null|local_treatment=not_a_candidate",
        "local-treatment|site=lung;size_cm=2;distant_lesions=6;miliary=no;life_expectancy_months=40;progression_rate=slow;symptomatic=no|oligometastatic_max=6|local_treatment=curative_candidate",
        "local-treatment|site=bone;size_cm=8;distant_lesions=1;miliary=no;life_expectancy_months=40;progression_rate=slow|null|local_treatment=curative_candidate",
        "local-treatment|site=lung;miliary=yes|null|local_treatment=not_a_candidate",
        "local-treatment|site=lung;size_cm=2;distant_lesions=1;progression_rate=slow;life_expectancy_months=40|null|local_treatment=",
        "ata-response|imaging=negative;tg_suppressed=1.0;tgab=undetectable;treatment=total_thyroidectomy_without_rai|null|ata_response=indeterminate",
        "ata-response|imaging=negative;tg_suppressed=5;tgab=undetectable|treatment=total_thyroidectomy_without_rai|ata_response=indeterminate",
        "ata-response|imaging=negative;tg_suppressed=5.01;tgab=undetectable;treatment=tt|null|ata_response=biochemical_incomplete",
        "ata-response|imaging=negative;tg_suppressed=0.5;tgab=undetectable;tg_rising=yes;treatment=tt|null|ata_response=biochemical_incomplete",
        "ata-response|imaging=negative;tg_suppressed=29.99;tgab=undetectable;tg_rising=no;treatment=lobectomy|null|ata_response=excellent",
        "ata-response|imaging=negative;tg_suppressed=30;tgab=undetectable;tg_rising=no|treatment=lobectomy|ata_response=indeterminate",
        "ata-response|imaging=negative;tg_suppressed=30.01;tgab=undetectable;treatment=lobectomy|null|ata_response=biochemical_incomplete",
        "ata-response|imaging=negative;tg_suppressed=30.01;tgab=undetectable;treatment=NA|treatment=lobectomy|ata_response=biochemical_incomplete",
        "tg-response|tg_before=100;tg_after=75|null|tg_response=PR;tg_change_percent=-25",
        "tg-response|tg_before=100;tg_after=75|boundary=exclusive|tg_response=SD",
        "tg-response|tg_before=100;tg_after=125|null|tg_response=PD;tg_change_percent=25",
        "tg-response|tg_before=100;tg_after=60|threshold=50|tg_response=SD",
        "tg-response|tg_before=0;tg_after=3|null|tg_response=;tg_change_percent=",
        "recist-target|baseline_sum=100;current_sum=70|null|recist_target=PR;change_from_baseline_percent=-30",
        "recist-target|baseline_sum=25;current_sum=30|null|recist_target=PD;change_from_nadir_percent=20",
        "recist-target|baseline_sum=24.5;current_sum=29.4|null|recist_target=SD",
        "recist-target|baseline_sum=100;nadir_sum=50;current_sum=60|null|recist_target=PD;change_from_baseline_percent=-40",
        "recist-target|baseline_sum=40;current_sum=9;complete=yes|null|recist_target=CR",
        "recist-nontarget|all_gone=yes;marker_normal=no|null|recist_nontarget=non-CR/non-PD",
        "recist-nontarget|all_gone=no;unequivocal_progression=yes|null|recist_nontarget=PD",
        "recist-overall|target=CR;nontarget=non-CR/non-PD;new_lesions=no|null|recist_overall=PR",
        "recist-overall|nontarget=CR;new_lesions=no|null|recist_overall=CR",
        "recist-overall|target=SD;new_lesions=yes|null|recist_overall=PD",
        "rair|first_scan=none|null|rair=yes;rair_criteria=never_avid;rair_subtype=no_avidity",
        "rair|first_scan=all;last_scan=partial|null|rair=yes;rair_criteria=lost_avidity+mixed_avidity;rair_subtype=partial_or_lost_avidity",
        "rair|first_scan=partial|null|rair=yes;rair_criteria=mixed_avidity",
        "rair|first_scan=all;last_scan=all;progression_months=12|progression_within_12_months=true|rair=yes;rair_criteria=progression_despite_uptake+progression_within_12_months;rair_subtype=progression_despite_uptake",
        "rair|first_scan=all;progression_months=12.5|progression_within_12_months=true|rair_criteria=progression_despite_uptake",
        "rair|first_scan=all;last_scan=all|null|rair=no;rair_criteria=;rair_subtype=",
        "rair|first_scan=all;cumulative_activity=600;progression_months=3|cumulative_activity=true|rair_criteria=progression_despite_uptake",
        "rair|first_scan=all;last_scan=none;cumulative_activity=22.2;progression_months=3|cumulative_activity=true;activity_unit=GBq|rair_criteria=lost_avidity",
        "rair|first_scan=partial;last_scan=partial;cumulative_activity=600.1;progression_months=3|cumulative_activity=true|rair_criteria=mixed_avidity+cumulative_activity_above_600_mci",
        "uptake-pattern|first_scan=none;last_scan=all|null|uptake_pattern=primary_non_uptake",
        "uptake-pattern|first_scan=partial;last_scan=none|null|uptake_pattern=secondary_non_uptake",
        "uptake-pattern|first_scan=all|null|uptake_pattern=uptake",
        "metastasis-timing|diagnosis_date=2015-02-10;metastasis_date=2016-02-10|null|metastasis_timing=synchronous",
        "metastasis-timing|diagnosis_date=2015-02-10;metastasis_date=2016-02-11|null|metastasis_timing=metachronous",
        "metastasis-timing|interval_months=12|null|metastasis_timing=synchronous",
        "metastasis-timing|interval_months=12.1|null|metastasis_timing=metachronous",
        "metastasis-timing|null|null|metastasis_timing=",
        "local-disease|disease_free_from=2015-02-10;local_disease_date=2016-02-10|null|local_disease=persistent_disease",
        "local-disease|disease_free_from=2015-02-10;local_disease_date=2016-02-11|null|local_disease=local_recurrence",
        "local-disease|disease_free_months=30;ever_disease_free=no|null|local_disease=persistent_disease",
        "ellipsoid-volume|a=1;b=2;c=3|null|volume=3.141592654",
        "ellipsoid-volume|a=1;b=2;c=3|coefficient=0.524|volume=3.144",
        "vrr|initial_volume=2;current_volume=0.5|null|vrr_percent=75",
        "vrr|initial_volume=2;current_volume=3|null|vrr_percent=-50",
        "technical-success|days_to_ceus=3;residual_enhancement=no|null|technical_success=yes",
        "technical-success|days_to_ceus=4;residual_enhancement=no|null|technical_success=",
        "technical-success|days_to_ceus=1;residual_enhancement=yes|null|technical_success=no",
        "complication-grade|type=voice_change;therapy=none|null|sir_grade=A;cirse_grade=1;complication_class=major",
        "complication-grade|type=voice_change;therapy=none|convention=sir|complication_class=minor",
        "complication-grade|type=haematoma;therapy=none;extra_hours=48|null|sir_grade=B;cirse_grade=2;complication_class=minor",
        "complication-grade|type=haematoma;therapy=none;extra_hours=49|null|sir_grade=D;cirse_grade=3;complication_class=major",
        "charlson-age-adjusted|age=50;conditions=none|null|acci=1",
        "charlson-age-adjusted|age=49.99|null|acci=0",
        "charlson-age-adjusted|age=72;conditions=solid_tumour+metastatic_solid_tumour+chronic_pulmonary_disease|null|acci=10",
        "ecog|karnofsky=80|null|ecog_grade=1",
        "ecog|ecog=0;karnofsky=40|null|ecog_grade=0",
        "activity-units|activity=150|null|activity_mbq=5550;activity_gbq=5.55;activity_mci=150",
        "activity-units|activity=5.55;unit=GBq|null|activity_mci=150",
        "activity-units|activity=3700|unit=MBq|activity_mci=100",
        "tg-units|tg=528.5;unit=µg/L|null|tg_ng_ml=528.5",
        "tg-units|tg=1500|unit=ng/L|tg_ng_ml=1.5",
      })
  void rule(String name, String cells, String params, String expected) {
    RuleOutput out = RuleRegistry.get(name).apply(pairs(cells), pairs(params));
    pairs(expected)
        .forEach((k, v) -> assertThat(out.values()).as(out.reason()).containsEntry(k, v));
    assertThat(out.reason()).isNotBlank();
    // every applied rule states its convention; only a row the rule was not applied to (required
    // cell missing) has none
    if (out.reason().endsWith(" missing")) {
      assertThat(out.method()).isEmpty();
    } else {
      assertThat(out.method()).as(out.reason()).isNotBlank();
    }
  }

  @Test
  void everyRuleIsDescribedAndUnique() {
    Set<String> names = new HashSet<>();
    Set<String> columns = new HashSet<>();
    for (Rule r : RuleRegistry.all()) {
      assertThat(names.add(r.name())).as(r.name()).isTrue();
      assertThat(r.name()).matches("[a-z0-9]+(-[a-z0-9]+)*");
      assertThat(r.description()).isNotBlank();
      assertThat(r.source()).isNotBlank();
      assertThat(r.roles()).isNotEmpty();
      assertThat(r.outputs()).isNotEmpty().allMatch(o -> o.matches("[a-z0-9_]+"));
      for (String o : r.outputs()) {
        assertThat(columns.add(o)).as("output %s of %s", o, r.name()).isTrue();
      }
    }
    assertThat(names)
        .contains(
            "ajcc8-stage",
            "ajcc7-stage",
            "ata-risk",
            "ata-response",
            "rair",
            "recist-target",
            "recist-overall",
            "tg-response",
            "metastasis-timing",
            "local-disease",
            "ellipsoid-volume",
            "vrr",
            "technical-success",
            "complication-grade",
            "charlson-age-adjusted",
            "ecog",
            "activity-units",
            "tg-units",
            "uptake-pattern");
  }

  @Test
  void methodsNameTheEditionAndThresholdsUsed() {
    assertThat(
            RuleRegistry.get("ajcc8-stage")
                .apply(pairs("age=55;t=T1a;n=N0;m=M0"), Map.of())
                .method())
        .contains("8th")
        .contains("≥ 55");
    assertThat(
            RuleRegistry.get("ajcc7-stage")
                .apply(pairs("age=45;t=T1a;n=N0;m=M0"), Map.of())
                .method())
        .contains("7th")
        .contains("≥ 45");
    assertThat(
            RuleRegistry.get("tg-response")
                .apply(pairs("tg_before=10;tg_after=5"), pairs("threshold=30;boundary=exclusive"))
                .method())
        .contains("±30 % exclusive");
    assertThat(
            RuleRegistry.get("rair")
                .apply(pairs("first_scan=all"), pairs("cumulative_activity=true"))
                .method())
        .contains("ATA 2015 four patterns")
        .contains("cumulative activity > 600 mCi");
    assertThat(
            RuleRegistry.get("ata-response")
                .apply(pairs("imaging=negative;tg_suppressed=1;treatment=lobectomy"), Map.of())
                .method())
        .contains("after lobectomy");
    assertThat(
            RuleRegistry.get("ata-response")
                .apply(pairs("imaging=negative;tg_suppressed=1"), Map.of())
                .method())
        .contains("Table 13");
    assertThat(
            RuleRegistry.get("ellipsoid-volume")
                .apply(pairs("a=1;b=1;c=1"), pairs("coefficient=0.524"))
                .method())
        .contains("0.524");
    assertThatThrownBy(
            () ->
                RuleRegistry.get("ata-response")
                    .apply(pairs("imaging=negative;treatment=thyroidectomy"), Map.of()))
        .isInstanceOf(RuleInputException.class)
        .hasMessageContaining("role 'treatment': value 'thyroidectomy' is not a treatment");
    assertThatThrownBy(
            () ->
                RuleRegistry.get("ata-response")
                    .apply(pairs("imaging=negative"), pairs("treatment=x")))
        .isInstanceOf(RuleParameterException.class)
        .hasMessageContaining("parameter treatment='x': is not a treatment");
  }

  @Test
  void missingRequiredCellGivesEmptyOutputsWithTheReason() {
    RuleOutput out =
        RuleRegistry.get("ajcc8-stage").apply(pairs("age=NA;t=T1a;n=N0;m=M0"), Map.of());
    assertThat(out.values()).containsEntry("ajcc8_stage", "");
    assertThat(out.reason()).isEqualTo("age missing");
    assertThat(
            RuleRegistry.get("ajcc8-stage")
                .apply(pairs("age=.;t=T1a;n=N0;m=M0"), Map.of())
                .values())
        .containsEntry("ajcc8_stage", "");
  }

  @Test
  void unreadableCellsNameTheRoleAndValue() {
    assertThatThrownBy(
            () -> RuleRegistry.get("ajcc8-stage").apply(pairs("age=60;t=T9;n=N0;m=M0"), Map.of()))
        .isInstanceOf(RuleInputException.class)
        .hasMessageStartingWith("role 't': value 'T9' is not an AJCC T category")
        .satisfies(e -> assertThat(((RuleInputException) e).role()).isEqualTo("t"));
    assertThatThrownBy(
            () ->
                RuleRegistry.get("ajcc8-stage").apply(pairs("age=sixty;t=T1;n=N0;m=M0"), Map.of()))
        .hasMessage("role 'age': value 'sixty' is not a number");
    assertThatThrownBy(
            () -> RuleRegistry.get("ata-risk").apply(pairs("histology=papilary"), Map.of()))
        .hasMessageContaining("value 'papilary' is not one of papillary, follicular");
    assertThatThrownBy(
            () ->
                RuleRegistry.get("vrr").apply(pairs("initial_volume=0;current_volume=1"), Map.of()))
        .hasMessageContaining("must be positive");
    assertThatThrownBy(() -> RuleRegistry.get("tg-units").apply(pairs("tg=-1"), Map.of()))
        .hasMessageContaining("must not be negative");
    assertThatThrownBy(
            () -> RuleRegistry.get("recist-overall").apply(pairs("new_lesions=maybe"), Map.of()))
        .hasMessageContaining("not yes/no");
  }

  @Test
  void unknownRolesParametersAndRulesAreRejected() {
    assertThatThrownBy(() -> RuleRegistry.get("vrr").apply(pairs("volume=1"), Map.of()))
        .hasMessageContaining("has no role 'volume'");
    assertThatThrownBy(
            () ->
                RuleRegistry.get("vrr")
                    .apply(pairs("initial_volume=1;current_volume=1"), pairs("x=1")))
        .hasMessageContaining("has no parameter 'x'");
    assertThatThrownBy(
            () ->
                RuleRegistry.get("tg-response")
                    .apply(pairs("tg_before=1;tg_after=1"), pairs("boundary=sometimes")))
        .isInstanceOf(RuleParameterException.class)
        .hasMessage("parameter boundary='sometimes': must be one of inclusive, exclusive");
    assertThatThrownBy(
            () ->
                RuleRegistry.get("tg-response")
                    .apply(pairs("tg_before=1;tg_after=1"), pairs("threshold=0")))
        .isInstanceOf(RuleParameterException.class)
        .hasMessageContaining("must be a positive percentage");
    assertThatThrownBy(
            () ->
                RuleRegistry.get("rair")
                    .apply(
                        pairs("first_scan=all;cumulative_activity=100"), pairs("activity_unit=Ci")))
        .isInstanceOf(RuleParameterException.class)
        .hasMessageStartingWith("parameter activity_unit='Ci'");
    // a guideline class rejecting a combination of cells names every bound role
    assertThatThrownBy(
            () -> RuleRegistry.get("ajcc7-stage").apply(pairs("age=60;t=T3a;n=N0;m=M0"), Map.of()))
        .isInstanceOf(RuleInputException.class)
        .hasMessageContaining(
            "role 'age/t/n/m': value '60/T3a/N0/M0' rejected: T3a is an 8th edition category");
    assertThatThrownBy(() -> RuleRegistry.get("stage"))
        .hasMessageContaining("unknown rule 'stage'; rules: ajcc8-t");
  }

  @Test
  void excelDateSerialsAreDates() {
    // an XLSX date cell arrives as its serial number: 42045 is 2015-02-10, 42410 is 2016-02-10
    RuleOutput out =
        RuleRegistry.get("metastasis-timing")
            .apply(pairs("diagnosis_date=42045;metastasis_date=42410"), Map.of());
    assertThat(out.values()).containsEntry("metastasis_timing", "synchronous");
    assertThat(
            RuleRegistry.get("metastasis-timing")
                .apply(pairs("diagnosis_date=42045;metastasis_date=42411"), Map.of())
                .values())
        .containsEntry("metastasis_timing", "metachronous");
    assertThatThrownBy(
            () ->
                RuleRegistry.get("metastasis-timing")
                    .apply(pairs("diagnosis_date=20150210;metastasis_date=42411"), Map.of()))
        .hasMessageContaining("is not a date");
  }
}
