# The issue-16 speed case: n = 2*10^5, the same design as cox_1e6.csv (bench/r/generate.R: 7 normal
# and 3 binary covariates, times in whole days with heavy ties, about 35 % censored), seeded.
#   Rscript bench/r/generate_cox_2e5.R [outdir]
suppressMessages(library(data.table))
args <- commandArgs(trailingOnly = TRUE)
out <- if (length(args) > 0) args[1] else "bench/data"
dir.create(out, showWarnings = FALSE, recursive = TRUE)
set.seed(20261205)
n <- 2e5
X <- matrix(rnorm(n * 7), n, 7)
B <- matrix(rbinom(n * 3, 1, 0.4), n, 3)
beta <- c(0.5, -0.3, 0.2, 0.1, 0, -0.1, 0.25, 0.4, -0.2, 0.3)
lp <- cbind(X, B) %*% beta
t_event <- rexp(n, rate = exp(lp) / 1000)
t_cens <- runif(n, 0, 2500)
d <- data.table(time = pmax(1, ceiling(pmin(t_event, t_cens))), status = as.integer(t_event <= t_cens))
for (j in 1:7) d[[paste0("x", j)]] <- round(X[, j], 6)
for (j in 1:3) d[[paste0("b", j)]] <- B[, j]
fwrite(d, file.path(out, "cox_2e5.csv"))
