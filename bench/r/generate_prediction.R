# Generates the issue-4 prediction benchmark cohorts (seeded, reproducible) into bench/data/.
#   Rscript bench/r/generate_prediction.R [OUT_DIR] [N_VALIDATE] [N_TDROC]
#   validate_<N_VALIDATE>.csv (default n = 10000) : bootstrap validation / calibration (issue 4 item 8)
#   tdroc_<N_TDROC>.csv       (default n = 100000): the time-dependent AUC
# Columns: time (months, 2 decimals), status (0/1), x1..x4 numeric (x1 an age in years), f1 a factor
# with levels A/B/C, f2 yes/no, and risk = the true linear predictor plus noise (a marker for tdroc:
# higher = higher risk). Times are Weibull (shape 1.3, median about 60 months at the mean risk),
# censored by a uniform accrual over 0-120 months: about 35-40 % censored.
suppressMessages(library(data.table))
args <- commandArgs(trailingOnly = TRUE)
out <- if (length(args) > 0) args[1] else "bench/data"
n_validate <- if (length(args) > 1) as.integer(args[2]) else 10000L
n_tdroc <- if (length(args) > 2) as.integer(args[3]) else 100000L
dir.create(out, showWarnings = FALSE, recursive = TRUE)

cohort <- function(n, seed) {
  set.seed(seed)
  x1 <- round(rnorm(n, 62, 11), 1)           # age
  x2 <- round(rnorm(n), 4)
  x3 <- round(rexp(n, 1), 4)                 # skewed, e.g. a biomarker
  x4 <- round(runif(n, 0, 10), 3)
  f1 <- sample(c("A", "B", "C"), n, replace = TRUE, prob = c(0.5, 0.3, 0.2))
  f2 <- sample(c("no", "yes"), n, replace = TRUE, prob = c(0.6, 0.4))
  lp <- 0.03 * (x1 - 62) + 0.4 * x2 + 0.25 * x3 - 0.05 * x4 +
        c(A = 0, B = 0.35, C = 0.8)[f1] + 0.3 * (f2 == "yes")
  shape <- 1.3
  scale <- 60 / log(2)^(1 / shape)           # median 60 months at lp = 0
  t_event <- scale * (-log(runif(n)) / exp(lp))^(1 / shape)
  t_cens <- runif(n, 0, 120)
  time <- round(pmax(0.01, pmin(t_event, t_cens)), 2)
  status <- as.integer(t_event <= t_cens)
  data.table(time = time, status = status, x1 = x1, x2 = x2, x3 = x3, x4 = x4, f1 = f1, f2 = f2,
             risk = round(unname(lp) + rnorm(n, 0, 0.5), 5))
}

for (spec in list(list(what = "validate", n = n_validate, seed = 20261122L),
                  list(what = "tdroc", n = n_tdroc, seed = 20261123L))) {
  d <- cohort(spec$n, spec$seed)
  f <- file.path(out, sprintf("%s_%d.csv", spec$what, spec$n))
  fwrite(d, f)
  cat(sprintf("%s: n = %d, events = %d (%.0f %% censored)\n", f, nrow(d), sum(d$status),
              100 * mean(d$status == 0)))
}
