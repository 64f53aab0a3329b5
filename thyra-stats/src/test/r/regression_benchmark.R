# R side of the regression / ROC / maxstat timings in docs/PERFORMANCE.md, on the SAME data as the
# Java side (org.thyra.stats.bench.RegressionBenchmark reads the files written here).
#
#   Rscript thyra-stats/src/test/r/regression_benchmark.R /tmp/regbench
#
# Writes DIR/*.f64 (little-endian doubles; the logistic design column-major) and DIR/r_results.txt
# (R's answers, which the Java side prints next to its own), and prints median and minimum
# wall-clock and CPU (user + system) time: 15 runs after one warm-up for maxstat, 5 for pROC,
# 3 for glm.
suppressPackageStartupMessages({ library(pROC); library(maxstat); library(survival) })
args <- commandArgs(trailingOnly = TRUE)
dir <- if (length(args)) args[1] else "/tmp/regbench"
dir.create(dir, recursive = TRUE, showWarnings = FALSE)
wb <- function(x, f) writeBin(as.double(x), file.path(dir, f), size = 8, endian = "little")
res <- character()
note <- function(...) res <<- c(res, paste(...))
timed <- function(label, expr, runs) {
  e <- substitute(expr); env <- parent.frame()
  f <- function() { s <- system.time(v <<- eval(e, env)); c(s[["elapsed"]], s[["user.self"]] + s[["sys.self"]]) }
  invisible(f()); r <- do.call(rbind, lapply(seq_len(runs), function(i) f()))
  cat(sprintf("%-44s wall median %8.4f s min %8.4f s | cpu median %8.4f s min %8.4f s\n", label,
              median(r[, 1]), min(r[, 1]), median(r[, 2]), min(r[, 2])))
  v
}
set.seed(20261122)
# maxstat, n = 1e5: x on a 0.01 grid (many ties), exponential times, 70% events
ns <- 1e5
x <- round(rnorm(ns) * 1000) / 100; t <- rexp(ns) / exp(0.1 * x); e <- as.integer(runif(ns) < 0.7)
wb(t, "maxstat_time.f64"); wb(e, "maxstat_event.f64"); wb(x, "maxstat_x.f64")
d <- data.frame(t, e, x)
m <- timed("maxstat LogRank + Lau94, n = 1e5",
           maxstat.test(Surv(t, e) ~ x, data = d, smethod = "LogRank", pmethod = "Lau94"), runs = 15)
note("maxstat statistic", format(m$statistic, digits = 15), "cutpoint", format(m$estimate, digits = 15),
     "p", format(m$p.value, digits = 15))
# ROC + DeLong, n = 1e6
n <- 1e6
y <- as.integer(runif(n) < 0.3); mk <- rnorm(n) + 0.8 * y
wb(y, "roc_y.f64"); wb(mk, "roc_marker.f64")
ci <- timed("pROC roc + ci.auc(delong), n = 1e6",
            { r <- roc(y, mk, quiet = TRUE); ci.auc(r, method = "delong") }, runs = 5)
note("roc auc", format(ci[2], digits = 15), "lower", format(ci[1], digits = 15), "upper", format(ci[3], digits = 15))
# logistic, n = 1e6, p = 20
p <- 20
X <- matrix(rnorm(n * p), n, p)
eta <- -0.5 + X %*% (0.05 * ((0:(p - 1)) %% 5))
yl <- as.integer(runif(n) < plogis(eta))
wb(yl, "logit_y.f64"); wb(X, "logit_x.f64")
fit <- timed("glm.fit binomial, n = 1e6, p = 20", glm.fit(cbind(1, X), yl, family = binomial()), runs = 3)
note("glm iterations", fit$iter, "deviance", format(fit$deviance, digits = 15), "coef1",
     format(fit$coefficients[2], digits = 15))
writeLines(res, file.path(dir, "r_results.txt"))
cat(res, sep = "\n")
