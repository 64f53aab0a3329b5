# Golden values for org.thyra.stats.regression.FirthLogistic. R 4.2, brglm2 0.9. Run from the
# repository root:
#   Rscript thyra-stats/src/test/r/firth_goldens.R
# Writes thyra-stats/src/test/resources/golden/regression/firth.json.
#
# Reference: glm(..., family = binomial, method = "brglmFit", type = "AS_mean") — for the logit
# link, mean-bias reduction is Firth's penalised likelihood. brglmControl(epsilon = 1e-12,
# maxit = 500) so that R's estimate is the converged maximum (brglm2's default epsilon 1e-6 stops
# earlier than 6 significant digits need). SE, z, p and Wald limits from summary(); logLik and AIC as
# brglm2 reports them (unpenalised, at the estimate). The penalised log-likelihood
# l(b) + 1/2 log det(X'WX) and the penalised likelihood-ratio test against the Firth intercept-only
# fit are computed here by hand from brglm2's fits (recorded, not used: thyra reports no LR test for
# Firth fits, since logistf's version restricts the full-model penalty and cannot be checked here).
# (birthwt low ~ lwt + factor(ftv) is left out: brglmFit does not converge on it at epsilon 1e-12.)
suppressMessages({library(brglm2); library(jsonlite); library(MASS)})
out_dir <- "thyra-stats/src/test/resources/golden/regression"
dir.create(out_dir, recursive = TRUE, showWarnings = FALSE)
ctl <- brglmControl(epsilon = 1e-12, maxit = 500)
penalised <- function(fit) {
  X <- model.matrix(fit); p <- fitted(fit); w <- p * (1 - p)
  y <- fit$y
  sum(y * log(p) + (1 - y) * log(1 - p)) + 0.5 * determinant(crossprod(X, w * X))$modulus[1]
}
firth_case <- function(name, formula, data) {
  mf <- data[complete.cases(data[, all.vars(formula)]), ]
  fit <- glm(formula, family = binomial, data = mf, method = "brglmFit", type = "AS_mean",
             control = ctl)
  fit0 <- glm(update(formula, . ~ 1), family = binomial, data = mf, method = "brglmFit",
              type = "AS_mean", control = ctl)
  s <- summary(fit)$coefficients
  X <- model.matrix(fit)
  q <- qnorm(0.975)
  lr <- 2 * (penalised(fit) - penalised(fit0))
  list(name = name, y = unname(fit$y), columns = lapply(2:ncol(X), function(j) unname(X[, j])),
       names = colnames(X)[-1], assign = attr(X, "assign")[-1] - 1L,
       coef = unname(s[, 1]), se = unname(s[, 2]), z = unname(s[, 3]), p = unname(s[, 4]),
       lower = unname(s[, 1] - q * s[, 2]), upper = unname(s[, 1] + q * s[, 2]),
       loglik = as.numeric(logLik(fit)), aic = AIC(fit),
       penalized_loglik = penalised(fit), lr = lr, lr_df = ncol(X) - 1,
       lr_p = pchisq(lr, ncol(X) - 1, lower.tail = FALSE))
}
data(endometrial, package = "brglm2")
bw <- MASS::birthwt
lung <- survival::lung
lung$dead <- lung$status - 1
cases <- list(
  firth_case("endometrial HG ~ NV + PI + EH (quasi-complete separation in NV)",
             HG ~ NV + PI + EH, endometrial),
  firth_case("birthwt low ~ age + lwt + factor(race) + smoke", low ~ age + lwt + factor(race) + smoke, bw),
  firth_case("lung dead ~ age + sex + ph.ecog (missing dropped)", dead ~ age + sex + ph.ecog, lung),
  firth_case("endometrial HG ~ NV (one covariate, separated)", HG ~ NV, endometrial)
)
write_json(list(firth = cases), file.path(out_dir, "firth.json"), digits = NA, auto_unbox = TRUE)
cat("wrote firth.json\n")
