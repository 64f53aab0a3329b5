package org.thyra.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.thyra.stats.Result;

/**
 * One result vocabulary (issue 10, item 3): every result type of thyra-stats states its method and
 * warnings through {@link Result}, so any presentation can show both.
 */
class ResultVocabularyTest {
  private static final JavaClasses STATS =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.thyra.stats");

  @Test
  void everyResultTypeImplementsResult() {
    classes()
        .that()
        .haveSimpleNameEndingWith("Result")
        .and()
        .arePublic()
        .and()
        .areNotInterfaces()
        // one of a Cox fit's three tests (statistic, df, p): the fit states their method
        .and()
        .doNotHaveSimpleName("CoxTestResult")
        .should()
        .implement(Result.class)
        .check(STATS);
  }

  @Test
  void theFittedModelsAndCurvesAreResultsToo() {
    classes()
        .that()
        .haveSimpleName("CoxFit")
        .or()
        .haveSimpleName("KaplanMeierCurve")
        .or()
        .haveSimpleName("BalanceTable")
        .or()
        .haveSimpleName("GroupTest")
        .should()
        .implement(Result.class)
        .check(STATS);
  }
}
