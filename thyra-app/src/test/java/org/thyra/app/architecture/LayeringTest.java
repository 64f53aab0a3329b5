package org.thyra.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering of SPEC §3 as a build rule: app → report → analysis → stats / frame / clinical, and
 * nothing below the command line knows picocli or the command line. Maven's module graph already
 * refuses an import of a module that is not a dependency; these rules also catch what a dependency
 * allows but the architecture does not (thyra-stats reading files, a new dependency added to a pom
 * to make a back edge compile). thyra-app's test class path sees every module, so the rules live
 * here.
 */
class LayeringTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.thyra");
  }

  @Test
  void statisticsKnowNoClinicalNoFrameNoFilesNoUpperLayer() {
    noClasses()
        .that()
        .resideInAPackage("org.thyra.stats..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.thyra.clinical..",
            "org.thyra.frame..",
            "org.thyra.analysis..",
            "org.thyra.report..",
            "org.thyra.app..",
            "java.nio.file..",
            "picocli..")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.io.File")
        .because("SPEC §3: thyra-stats holds numerical methods on primitive arrays, no files")
        .check(classes);
  }

  @Test
  void frameAndClinicalDependOnNoOtherThyraModule() {
    noClasses()
        .that()
        .resideInAPackage("org.thyra.frame..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.thyra.stats..",
            "org.thyra.clinical..",
            "org.thyra.analysis..",
            "org.thyra.report..",
            "org.thyra.app..",
            "picocli..")
        .check(classes);
    noClasses()
        .that()
        .resideInAPackage("org.thyra.clinical..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.thyra.stats..",
            "org.thyra.frame..",
            "org.thyra.analysis..",
            "org.thyra.report..",
            "org.thyra.app..",
            "picocli..")
        .check(classes);
  }

  @Test
  void analysisKnowsNeitherPresentationNorCommandLine() {
    noClasses()
        .that()
        .resideInAPackage("org.thyra.analysis..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.thyra.report..", "org.thyra.app..", "picocli..")
        .because("SPEC §3: analyses return report records; the web app and studies call them too")
        .check(classes);
  }

  @Test
  void reportKnowsNoCommandLine() {
    noClasses()
        .that()
        .resideInAPackage("org.thyra.report..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.thyra.app..", "picocli..")
        .check(classes);
  }

  /**
   * Issue 10: no class of thyra-app calls thyra-stats — every command's workflow is an analysis of
   * thyra-analysis (its statistics, its result types) and its rendering a writer of thyra-report.
   */
  @Test
  void commandsCallAnalysesNotStatistics() {
    noClasses()
        .that()
        .resideInAPackage("org.thyra.app..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.thyra.stats..")
        .because("issue 10: a command parses options, calls one analysis and hands its report on")
        .check(classes);
  }

  @Test
  void nothingDependsOnTheCommandLine() {
    noClasses()
        .that()
        .resideOutsideOfPackage("org.thyra.app..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.thyra.app..")
        .check(classes);
  }
}
