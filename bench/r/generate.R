# Generates the benchmark data sets (seeded, reproducible) into bench/data/.
#   cox_1e6.csv : n = 10^6, p = 10 covariates (7 normal, 3 binary), survival times in whole days
#                 (heavy ties, as registry data), about 35 % censored.
#   km_1e7.csv  : n = 10^7, time in whole days, status, group with 3 levels.
suppressMessages(library(data.table))
args <- commandArgs(trailingOnly = TRUE)
out <- if (length(args) > 0) args[1] else "bench/data"
dir.create(out, showWarnings = FALSE, recursive = TRUE)
set.seed(20261122)

n <- 1e6
X <- matrix(rnorm(n * 7), n, 7)
B <- matrix(rbinom(n * 3, 1, 0.4), n, 3)
beta <- c(0.5, -0.3, 0.2, 0.1, 0, -0.1, 0.25, 0.4, -0.2, 0.3)
lp <- cbind(X, B) %*% beta
t_event <- rexp(n, rate = exp(lp) / 1000)
t_cens <- runif(n, 0, 2500)
time <- pmax(1, ceiling(pmin(t_event, t_cens)))
status <- as.integer(t_event <= t_cens)
d <- data.table(time = time, status = status)
for (j in 1:7) d[[paste0("x", j)]] <- round(X[, j], 6)
for (j in 1:3) d[[paste0("b", j)]] <- B[, j]
fwrite(d, file.path(out, "cox_1e6.csv"))

n <- 1e7
group <- sample(c("A", "B", "C"), n, replace = TRUE)
rate <- c(A = 1 / 900, B = 1 / 1000, C = 1 / 1100)[group]
t_event <- rexp(n, rate)
t_cens <- runif(n, 0, 3000)
d <- data.table(time = pmax(1, ceiling(pmin(t_event, t_cens))),
                status = as.integer(t_event <= t_cens), group = group)
fwrite(d, file.path(out, "km_1e7.csv"))
