# R side of the timings in docs/performance/regression.md (same sizes and data-generating
# model as org.thyra.stats.bench.RegressionBenchmark; median and minimum wall-clock and CPU (user + system) time of 5 runs after one warm-up;
# 3 runs for glm).
suppressPackageStartupMessages({ library(pROC); library(maxstat); library(survival) })
med3 <- function(label, expr, runs = 5) {
  e <- substitute(expr); env <- parent.frame()
  f <- function() { s <- system.time(eval(e, env)); c(s[["elapsed"]], s[["user.self"]] + s[["sys.self"]]) }
  invisible(f()); r <- do.call(rbind, lapply(seq_len(runs), function(i) f()))
  cat(sprintf("%-40s wall median %8.4f s min %8.4f s | cpu median %8.4f s min %8.4f s\n", label,
              median(r[, 1]), min(r[, 1]), median(r[, 2]), min(r[, 2])))
}
set.seed(20261122)
n <- 1e6
y <- as.integer(runif(n) < 0.3); m <- rnorm(n) + 0.8 * y
med3("pROC roc + ci.auc(delong), n = 1e6", { r <- roc(y, m, quiet = TRUE); ci.auc(r, method = "delong") })
ns <- 1e5
x <- round(rnorm(ns) * 1000) / 100; t <- rexp(ns) / exp(0.1 * x); e <- as.integer(runif(ns) < 0.7)
d <- data.frame(t, e, x)
med3("maxstat LogRank + Lau94, n = 1e5", maxstat.test(Surv(t, e) ~ x, data = d, smethod = "LogRank", pmethod = "Lau94"), runs = 15)
p <- 20
X <- matrix(rnorm(n * p), n, p)
eta <- -0.5 + X %*% (0.05 * ((0:(p - 1)) %% 5))
yl <- as.integer(runif(n) < plogis(eta))
med3("glm binomial, n = 1e6, p = 20", glm.fit(cbind(1, X), yl, family = binomial()), runs = 3)
