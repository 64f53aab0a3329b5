# Golden values for the end-to-end CLI test of `thyra logistic --firth` (FirthCliGoldenTest). Run
# from the repository root:
#
#   Rscript thyra-app/src/test/r/firth_cli_goldens.R
#
# R 4.2, brglm2 0.9: glm(..., method = "brglmFit", type = "AS_mean") with
# brglmControl(epsilon = 1e-12, maxit = 500) (converged maximum; the default 1e-6 stops early).
# Writes golden/firth/data/*.csv (brglm2 endometrial, MASS birthwt, survival lung) and
# golden/firth/NAME.json = {name, args, expected} named as thyra's JSON: terms (coef, se, or, Wald
# limits on the OR scale, z, p), intercept, loglik (model: brglm2's logLik, unpenalised),
# aic (AIC(fit)); likelihood_ratio null (no test for Firth fits).
suppressMessages({library(brglm2); library(jsonlite)})
out <- "thyra-app/src/test/resources/golden/firth"
datadir <- file.path(out, "data")
dir.create(datadir, recursive = TRUE, showWarnings = FALSE)
wr <- function(d, f) write.csv(d, file.path(datadir, f), row.names = FALSE, na = "")
data(endometrial, package = "brglm2"); wr(endometrial, "endometrial.csv")
bw <- MASS::birthwt; wr(bw, "birthwt.csv")
lung <- survival::lung; lung$dead <- lung$status - 1; wr(lung, "lung.csv")
ctl <- brglmControl(epsilon = 1e-12, maxit = 500)
q <- qnorm(0.975)
expected <- function(formula, data) {
  d <- data[complete.cases(data[, all.vars(formula)]), ]
  fit <- glm(formula, family = binomial, data = d, method = "brglmFit", type = "AS_mean",
             control = ctl)
  stopifnot(fit$converged)
  s <- summary(fit)$coefficients
  row <- function(j) list(coef = s[j, 1], se = s[j, 2], or = exp(s[j, 1]),
                          lower = exp(s[j, 1] - q * s[j, 2]), upper = exp(s[j, 1] + q * s[j, 2]),
                          z = s[j, 3], p = s[j, 4])
  list(n = nrow(d), events = sum(fit$y), dropped_missing = nrow(data) - nrow(d),
       intercept = row(1), terms = lapply(2:nrow(s), row),
       loglik = list(model = as.numeric(logLik(fit))), aic = AIC(fit),
       tests = list(likelihood_ratio = list(statistic = NA, p = NA)))
}
cases <- list(
  list(name = "firth_endometrial_separation",
       args = list("logistic", "--data", "{data}/endometrial.csv", "--formula", "HG ~ NV + PI + EH", "--firth"),
       expected = expected(HG ~ NV + PI + EH, endometrial)),
  list(name = "firth_birthwt_race",
       args = list("logistic", "--data", "{data}/birthwt.csv", "--formula",
                   "low ~ age + lwt + factor(race) + smoke", "--firth"),
       expected = expected(low ~ age + lwt + factor(race) + smoke, bw)),
  list(name = "firth_lung_missing",
       args = list("logistic", "--data", "{data}/lung.csv", "--formula", "dead ~ age + sex + ph.ecog",
                   "--firth"),
       expected = expected(dead ~ age + sex + ph.ecog, lung))
)
for (c in cases) write_json(c, file.path(out, paste0(c$name, ".json")), auto_unbox = TRUE,
                            digits = NA, null = "null", na = "null", pretty = TRUE)
cat("wrote", length(cases), "cases\n")
