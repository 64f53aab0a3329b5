# Golden values for org.thyra.stats.survival.FirthCox (Firth's penalised Cox model, as coxphf).
# R 4.2, survival 3.5. Run from the repository root:
#   Rscript thyra-stats/src/test/r/firth_cox_goldens.R
# Writes thyra-stats/src/test/resources/golden/firthcox/firth_cox.json.
#
# coxphf is not in Debian, so this script computes Firth's estimate itself, independently of the
# Java code's analytic modified score: the penalised log partial likelihood
#   l*(b) = l(b) + 1/2 log det I(b)   (Breslow ties)
# is evaluated through coxph(..., init = b, control = coxph.control(iter.max = 0)), whose
# loglik[2] is l(b) and whose var is I(b)^-1, and maximised numerically (BFGS on a central-
# difference gradient, then Newton steps with optimHess) to about 1e-10. SE = sqrt(diag I(b)^-1)
# at the estimate (coxphf's var). Profile penalised-likelihood limits (coxphf's default CI):
# the b_j where 2 (l*(b^) - max_{b_-j} l*(b_j, b_-j)) = qchisq(0.95, 1), by uniroot (tol 1e-11);
# p from the same penalised likelihood-ratio statistic at b_j = 0 (coxphf's p-values); the global
# test 2 (l*(b^) - l*(0)).
suppressMessages({library(survival); library(jsonlite)})
out_dir <- "thyra-stats/src/test/resources/golden/firthcox"
dir.create(out_dir, recursive = TRUE, showWarnings = FALSE)

firth_case <- function(name, formula, d) {
  d <- d[complete.cases(d[, all.vars(formula)]), ]
  X <- coxph(formula, data = d, ties = "breslow", x = TRUE)$x
  p <- ncol(X)
  pl <- function(b) {
    fit <- suppressWarnings(coxph(formula, data = d, init = b, ties = "breslow",
                                  control = coxph.control(iter.max = 0)))
    fit$loglik[2] + 0.5 * determinant(solve(fit$var))$modulus[1]
  }
  ml <- suppressWarnings(coxph(formula, data = d, ties = "breslow"))
  scale <- pmin(sqrt(diag(ml$var)), 1)  # optim's parscale: coefficients on comparable scales
  maximise <- function(f, start, ps = scale) {
    grad <- function(b) sapply(seq_along(b), function(j) {
      h <- 1e-5 * max(1, abs(b[j])); e <- replace(0 * b, j, h)
      (f(b + e) - f(b - e)) / (2 * h)
    })
    o <- optim(start, f, grad, method = "BFGS",
               control = list(fnscale = -1, reltol = 1e-15, maxit = 5000, parscale = ps))
    b <- o$par
    for (k in 1:3) b <- b - solve(optimHess(b, f, grad), grad(b))
    b
  }
  # from the ML estimate where it is finite (it is the Firth estimate's neighbour), else from 0
  start <- ifelse(abs(coef(ml)) < 10, unname(coef(ml)), 0)
  bhat <- maximise(pl, start)
  lmax <- pl(bhat)
  fit <- suppressWarnings(coxph(formula, data = d, init = bhat, ties = "breslow",
                                control = coxph.control(iter.max = 0)))
  se <- sqrt(diag(fit$var))
  crit <- qchisq(0.95, 1)
  prof <- function(j, c, start) {
    f1 <- function(bo) { b <- numeric(p); b[j] <- c; b[-j] <- bo; pl(b) }
    f1(maximise(f1, start, scale[-j]))
  }
  lower <- upper <- lr <- numeric(p)
  for (j in 1:p) {
    g <- function(c) 2 * (lmax - prof(j, c, bhat[-j])) - crit
    lower[j] <- uniroot(g, c(bhat[j] - 3 * se[j], bhat[j]), extendInt = "downX", tol = 1e-11)$root
    upper[j] <- uniroot(g, c(bhat[j], bhat[j] + 3 * se[j]), extendInt = "upX", tol = 1e-11)$root
    lr[j] <- 2 * (lmax - prof(j, 0, bhat[-j]))
  }
  y <- fit$y
  list(name = name, time = unname(y[, 1]), status = unname(as.integer(y[, 2])),
       columns = lapply(1:p, function(j) unname(X[, j])), names = colnames(X),
       coef = bhat, se = unname(se), lower = lower, upper = upper,
       lr = lr, p = pchisq(lr, 1, lower.tail = FALSE),
       penalized_loglik = lmax, loglik = fit$loglik[2],
       penalized_loglik_null = pl(rep(0, p)),
       global_lr = 2 * (lmax - pl(rep(0, p))), global_df = p,
       global_p = pchisq(2 * (lmax - pl(rep(0, p))), p, lower.tail = FALSE),
       ml_coef = unname(coef(ml)))
}

lung <- survival::lung
ov <- survival::ovarian
# monotone likelihood: the seven deaths up to day 365 are exactly the rows with early = 1, so at
# every death before then the dying subject has early = 1 and the ML estimate diverges
ov$early <- as.integer(ov$futime <= 365 & ov$fustat == 1)
cases <- list(
  firth_case("lung Surv(time, status) ~ age + sex + ph.ecog (missing dropped)",
             Surv(time, status) ~ age + sex + ph.ecog, lung),
  firth_case("ovarian Surv(futime, fustat) ~ early + age (monotone likelihood in early)",
             Surv(futime, fustat) ~ early + age, ov),
  firth_case("ovarian Surv(futime, fustat) ~ rx + age (small sample)",
             Surv(futime, fustat) ~ rx + age, ov)
)
write_json(list(firth_cox = cases), file.path(out_dir, "firth_cox.json"), digits = NA,
           auto_unbox = TRUE)
cat("wrote firth_cox.json\n")
