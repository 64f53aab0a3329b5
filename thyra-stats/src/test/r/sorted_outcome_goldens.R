# Golden values for SortedOutcomeTest: the coefficient of a one-covariate Cox model (the calibration
# slope that rms::validate.cph refits in every bootstrap replicate) and Harrell's C, on real data.
# Run from the repository root:
#
#   Rscript thyra-stats/src/test/r/sorted_outcome_goldens.R
#
# R 4.2, survival 3.5. Writes golden/refit/NAME.json = {time, status, z, coef_efron,
# coef_breslow, c_reverse, c_se_reverse}: coef(coxph(Surv(time, status) ~ z, ties = ...)) and
# concordance(Surv(time, status) ~ z, reverse = TRUE).
suppressPackageStartupMessages({library(jsonlite); library(survival)})
out <- "thyra-stats/src/test/resources/golden/refit"
dir.create(out, recursive = TRUE, showWarnings = FALSE)
put <- function(name, time, status, z) {
  ce <- coxph(Surv(time, status) ~ z, ties = "efron")
  cb <- coxph(Surv(time, status) ~ z, ties = "breslow")
  cc <- concordance(Surv(time, status) ~ z, reverse = TRUE)
  writeLines(toJSON(list(time = time, status = status, z = z, coef_efron = unname(coef(ce)),
                         coef_breslow = unname(coef(cb)), iter_efron = ce$iter,
                         c_reverse = unname(cc$concordance), c_se_reverse = sqrt(unname(cc$var))),
                    digits = NA, auto_unbox = TRUE), file.path(out, paste0(name, ".json")))
}
lung <- survival::lung
lk <- complete.cases(lung[, c("age", "sex", "ph.ecog")])
l <- lung[lk, ]
fl <- coxph(Surv(time, status) ~ age + sex + ph.ecog, data = l)
# a linear predictor as a bootstrap replicate produces it: other coefficients than the fit's own
lp <- drop(as.matrix(l[, c("age", "sex", "ph.ecog")]) %*% (coef(fl) * c(1.3, 0.7, 0.9)))
put("lung_lp", l$time, l$status - 1L, lp)
p <- survival::pbc[!is.na(survival::pbc$protime), ]
put("pbc_protime", p$time, as.integer(p$status == 2), p$protime)     # many tied times and values
v <- survival::veteran
put("veteran_karno", v$time, v$status, v$karno)                        # tied marker, negative slope
put("veteran_celltype", v$time, v$status, as.numeric(v$celltype == "smallcell"))  # binary

# coxph started from given coefficients (CoxModel.fitFrom): coefficients, loglik at the start and at
# the maximum, iterations
lungInit <- function(name, init) {
  f <- coxph(Surv(time, status) ~ age + sex + ph.ecog, data = l, init = init)
  writeLines(toJSON(list(time = l$time, status = l$status - 1L,
                         columns = list(l$age, l$sex, l$ph.ecog), init = init,
                         coef = unname(coef(f)), loglik_start = f$loglik[1], loglik = f$loglik[2],
                         score = unname(f$score), iter = f$iter),
                    digits = NA, auto_unbox = TRUE), file.path(out, paste0(name, ".json")))
}
lungInit("lung_init_near", c(0.01, -0.5, 0.45))
lungInit("lung_init_far", c(0.2, 1, -1))
