package org.thyra.studies.protocol;

/**
 * Each kind of protocol analysis: its record, the {@code thyra} subcommand it runs and one line
 * saying what it computes (one table, so the records do not each repeat the same two methods).
 */
enum AnalysisKind {
  KM(Analysis.Km.class, "km", "Kaplan–Meier estimates (thyra km)"),
  LOGRANK(Analysis.Logrank.class, "logrank", "log-rank / G-rho test (thyra logrank)"),
  COX(Analysis.Cox.class, "cox", "Cox proportional hazards model (thyra cox)"),
  LOGISTIC(Analysis.Logistic.class, "logistic", "logistic regression (thyra logistic)"),
  SCREEN(
      Analysis.Screen.class,
      "screen",
      "univariable screen then multivariable model (thyra screen)"),
  ROC(Analysis.Roc.class, "roc", "ROC curve, AUC with DeLong CI, Youden threshold (thyra roc)"),
  CONCORDANCE(Analysis.Concordance.class, "concordance", "Harrell's C (thyra concordance)"),
  CUTPOINT(
      Analysis.Cutpoint.class,
      "cutpoint",
      "maximally selected log-rank cut-point (thyra cutpoint)"),
  TDROC(Analysis.Tdroc.class, "tdroc", "time-dependent ROC (thyra tdroc)"),
  TABLE1(Analysis.Table1.class, "table1", "descriptive table with tests (thyra table1)"),
  PAIRED(Analysis.Paired.class, "paired", "paired comparison of two columns (thyra paired)"),
  MATCH(Analysis.Match.class, "match", "propensity-score matching (thyra match)"),
  WEIGHT(
      Analysis.Weight.class,
      "weight",
      "inverse probability of treatment weights and balance (thyra weight)"),
  IMPUTE(
      Analysis.Impute.class, "impute", "multiple imputation by chained equations (thyra impute)"),
  NOMOGRAM(Analysis.Nomogram.class, "nomogram", "nomogram points and predictions (thyra nomogram)"),
  VALIDATE(
      Analysis.Validate.class, "validate", "bootstrap validation and calibration (thyra validate)"),
  CUMINC(
      Analysis.Cuminc.class,
      "cuminc",
      "cumulative incidence of competing risks, Gray's test (thyra cuminc)"),
  CRR(Analysis.Crr.class, "crr", "Fine–Gray competing-risks regression (thyra crr)"),
  RMST(Analysis.Rmst.class, "rmst", "restricted mean survival time (thyra rmst)"),
  INVALID(Analysis.Invalid.class, "invalid", "not an analysis");

  private final Class<? extends Analysis> type;
  private final String command;
  private final String description;

  AnalysisKind(Class<? extends Analysis> type, String command, String description) {
    this.type = type;
    this.command = command;
    this.description = description;
  }

  String command() {
    return command;
  }

  String description() {
    return description;
  }

  static AnalysisKind of(Analysis a) {
    for (AnalysisKind k : values()) {
      if (k.type == a.getClass()) {
        return k;
      }
    }
    throw new IllegalStateException("no kind for " + a.getClass());
  }
}
