# Golden values for the weighted logistic solver (LogisticRegression.fitWeighted) and for
# ChainedEquations' logreg step (mice.impute.logreg: augment() + glm.fit(quasibinomial, weights)).
# Run from the module directory:  Rscript src/test/r/logreg_goldens.R
# R 4.x, mice 3.15.0. Every fixture carries its input data so the Java tests need no R.
suppressPackageStartupMessages({ library(jsonlite); library(mice) })
out <- "src/test/resources/golden"
dir.create(file.path(out, "regression"), recursive = TRUE, showWarnings = FALSE)
dir.create(file.path(out, "imputation"), recursive = TRUE, showWarnings = FALSE)
write_json_full <- function(x, file) {
  writeLines(toJSON(x, digits = NA, auto_unbox = TRUE, na = "null", null = "null"), file.path(out, file))
}
cols <- function(m) lapply(seq_len(ncol(m)), function(j) unname(m[, j]))
glm_fixture <- function(name, x, y, w, family = binomial()) {
  fit <- suppressWarnings(glm.fit(cbind(1, x), y, weights = w, family = family))
  list(name = name, y = unname(y), weights = unname(w), columns = cols(x),
       coef = unname(coef(fit)), cov_unscaled = unname(summary.glm(fit)$cov.unscaled),
       deviance = fit$deviance, iterations = fit$iter, converged = fit$converged)
}

## ------------------------------------------------ glm(..., weights) on real data
# esoph (Breslow & Day): cases / (cases + controls) with the group size as prior weight,
# as glm(cbind(ncases, ncontrols) ~ ...); age group as treatment dummies, alcohol and tobacco as
# scores 1..4.
d <- esoph
n <- d$ncases + d$ncontrols
xe <- cbind(model.matrix(~ factor(as.integer(agegp)), d)[, -1],
            alc = as.integer(d$alcgp), tob = as.integer(d$tobgp))
# birthwt (MASS): low birth weight with the number of physician visits + 1 as a frequency weight
bw <- MASS::birthwt
xb <- cbind(age = bw$age, lwt = bw$lwt, smoke = bw$smoke, ht = bw$ht)
write_json_full(list(
  glm_fixture("esoph: cbind(ncases, ncontrols) ~ agegp + alc + tob", xe, d$ncases / n, n),
  glm_fixture("birthwt: low ~ age + lwt + smoke + ht, weights ftv + 1", xb, bw$low, bw$ftv + 1),
  glm_fixture("birthwt, quasibinomial, weights ftv + 1, rows with ptl > 0 weight 0", xb, bw$low,
              ifelse(bw$ptl > 0, 0, bw$ftv + 1), quasibinomial())
), "regression/logistic_weighted.json")

## ------------------------------------------------ mice.impute.logreg on nhanes2
# One completed nhanes2 (mice's own data) as the current state of the chain; hyp is the target.
imp <- mice(nhanes2, m = 1, maxit = 5, seed = 1, print = FALSE)
cd <- complete(imp, 1)
ry <- !is.na(nhanes2$hyp)
logreg_fixture <- function(name, x, y, ry) {
  aug <- mice:::augment(y, ry, x, !ry)
  xa <- as.matrix(aug$x)
  fit <- glm.fit(cbind(1, xa[aug$ry, , drop = FALSE]), aug$y[aug$ry],
                 family = quasibinomial(link = logit), weights = aug$w[aug$ry])
  list(name = name, columns = cols(x), y = as.integer(y) - 1L, ry = ry,
       aug_columns = cols(xa[-seq_len(nrow(x)), , drop = FALSE]),
       aug_y = as.integer(aug$y[-seq_len(nrow(x))]) - 1L,
       aug_weight = aug$w[length(y) + 1],
       coef = unname(coef(fit)),
       cov_unscaled = unname(summary.glm(fit)$cov.unscaled))
}
xn <- model.matrix(~ age + bmi + chl, cd)[, -1]
# lung (survival): sex (2 -> 1) from age, ph.karno and wt.loss, 20 values deleted at fixed rows
lu <- na.omit(survival::lung[, c("sex", "age", "ph.karno", "wt.loss")])
ry2 <- !(seq_len(nrow(lu)) %% 10 == 3)
xl <- as.matrix(lu[, c("age", "ph.karno", "wt.loss")])
write_json_full(list(
  logreg_fixture("nhanes2: hyp ~ age + bmi + chl (mice completion, seed 1)", xn, cd$hyp, ry),
  logreg_fixture("lung: sex ~ age + ph.karno + wt.loss (every 10th row from 3 missing)", xl,
                 factor(lu$sex), ry2)
), "imputation/logreg.json")
