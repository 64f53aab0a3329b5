# Golden values for org.thyra.stats.survival.CoxRobust (robust / clustered Cox variance). R 4.2,
# survival 3.5. Run from the repository root:
#   Rscript thyra-stats/src/test/r/cox_robust_goldens.R
# Writes thyra-stats/src/test/resources/golden/coxrobust/robust.json: inputs (time, status, covariate
# columns as model.matrix codes them, strata and cluster codes) and coxph(..., cluster = ) results:
# coefficients, naive and robust SE, robust Wald test (fit$wald.test), robust score test
# (fit$rscore), z and p of summary().
suppressMessages({library(survival); library(jsonlite)})
out_dir <- "thyra-stats/src/test/resources/golden/coxrobust"
robust_case <- function(name, formula, data, cluster, strata = NULL, ties = "efron") {
  vars <- unique(c(all.vars(formula), cluster, strata))
  d <- data[complete.cases(data[, vars]), ]
  rhs <- paste(deparse(formula[[3]]), collapse = "")
  f2 <- as.formula(paste(deparse(formula[[2]]), "~", rhs,
                         if (!is.null(strata)) paste("+ strata(", strata, ")") else ""))
  fit <- coxph(f2, data = d, cluster = d[[cluster]], ties = ties)
  X <- model.matrix(fit)
  y <- fit$y
  s <- summary(fit)$coefficients
  list(name = name, ties = ties, time = unname(y[, 1]), status = unname(y[, 2]),
       columns = lapply(seq_len(ncol(X)), function(j) unname(X[, j])), names = colnames(X),
       strata = if (is.null(strata)) NULL else as.integer(factor(d[[strata]])) - 1L,
       cluster = as.integer(factor(d[[cluster]])) - 1L,
       coef = unname(coef(fit)), se = unname(sqrt(diag(fit$naive.var))),
       robust_se = unname(sqrt(diag(fit$var))), var = unname(fit$var),
       z = unname(s[, "z"]), p = unname(s[, "Pr(>|z|)"]),
       wald = as.numeric(fit$wald.test), wald_df = length(coef(fit)),
       wald_p = pchisq(as.numeric(fit$wald.test), length(coef(fit)), lower.tail = FALSE),
       score = as.numeric(fit$rscore),
       score_p = pchisq(as.numeric(fit$rscore), length(coef(fit)), lower.tail = FALSE),
       clusters = length(unique(d[[cluster]])))
}
colon <- survival::colon
rats <- survival::rats
lung <- survival::lung; lung$status <- lung$status - 1; lung$row <- seq_len(nrow(lung))
cases <- list(
  robust_case("colon: two events per patient, cluster(id)", Surv(time, status) ~ factor(rx) + extent + node4,
              colon, "id"),
  robust_case("colon, Breslow", Surv(time, status) ~ factor(rx) + extent + node4, colon, "id",
              ties = "breslow"),
  robust_case("rats: litters", Surv(time, status) ~ rx, rats, "litter"),
  robust_case("rats: litters, strata(sex)", Surv(time, status) ~ rx, rats, "litter", strata = "sex"),
  robust_case("lung: cluster(inst), missing inst dropped", Surv(time, status) ~ age + sex + ph.ecog,
              lung, "inst"),
  robust_case("lung: clusters of one row (robust = TRUE)", Surv(time, status) ~ age + sex, lung, "row")
)
write_json(list(robust = cases), file.path(out_dir, "robust.json"), digits = NA, auto_unbox = TRUE,
           null = "null", na = "null")
cat("wrote robust.json\n")
