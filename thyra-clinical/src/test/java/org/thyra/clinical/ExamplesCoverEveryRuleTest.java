package org.thyra.clinical;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.thyra.clinical.course.Examples;
import org.thyra.clinical.refractory.RairCriterion;
import org.thyra.clinical.refractory.RairOptions;
import org.thyra.clinical.response.InitialTherapy;
import org.thyra.clinical.rules.Rule;
import org.thyra.clinical.rules.RuleRegistry;

/**
 * Issue 6, item 4: the example courses in {@code examples/courses} (through {@code thyra classify})
 * and the commands in {@code examples/derive/README.md} (through {@code thyra derive}) exercise
 * every rule, every endpoint and every switchable criterion.
 */
class ExamplesCoverEveryRuleTest {

  static List<Finding> allFindings() {
    CourseClassifier.Options all =
        new CourseClassifier.Options(
            RairOptions.all(),
            CourseClassifier.Options.defaults().complicationConvention(),
            CourseClassifier.Options.defaults().tgThresholdPercent(),
            CourseClassifier.Options.defaults().tgBoundary());
    List<Finding> out = new ArrayList<>();
    for (Path p : Examples.files()) {
      out.addAll(CourseClassifier.classify(Examples.load(p.getFileName().toString()), all));
    }
    return out;
  }

  @Test
  void everyRegistryRuleIsExercisedByAnExampleCourseOrADeriveExample() throws IOException {
    Set<String> covered = new LinkedHashSet<>();
    allFindings().stream().filter(f -> !f.value().isEmpty()).forEach(f -> covered.add(f.rule()));
    Matcher m =
        Pattern.compile("--rule ([a-z0-9-]+)")
            .matcher(Files.readString(Path.of("..", "examples", "derive", "README.md")));
    while (m.find()) {
      covered.add(m.group(1));
    }
    assertThat(covered).containsAll(RuleRegistry.all().stream().map(Rule::name).toList());
    // classify-only derivations: M at staging and the endpoints
    assertThat(covered)
        .contains("ajcc8-m", "os", "pfs", "time-to-new-nodal-metastasis", "time-to-disappearance");
  }

  @Test
  void everyRairCriterionFiresAndEveryAtaResponseTableIsUsedInTheExamples() {
    List<Finding> f = allFindings();
    for (RairCriterion c : RairCriterion.values()) {
      assertThat(f)
          .as(c.name())
          .anyMatch(
              x ->
                  x.rule().equals("rair")
                      && x.subject()
                          .equals("criterion " + c.name().toLowerCase(java.util.Locale.ROOT))
                      && x.value().equals("fired"));
    }
    for (InitialTherapy t : InitialTherapy.values()) {
      assertThat(f)
          .as(t.name())
          .anyMatch(
              x ->
                  x.rule().equals("ata-response")
                      && x.method()
                          .equals(org.thyra.clinical.response.AtaResponseToTherapy.method(t)));
    }
    for (String subtype :
        List.of("no_avidity", "partial_or_lost_avidity", "progression_despite_uptake")) {
      assertThat(f)
          .as(subtype)
          .anyMatch(
              x ->
                  x.rule().equals("rair")
                      && x.subject().equals("subtype")
                      && x.value().equals(subtype));
    }
  }
}
