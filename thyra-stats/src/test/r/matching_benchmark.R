# Benchmark data and MatchIt timing for 1:1 nearest-neighbour caliper matching at scale.
# Usage: Rscript thyra-stats/src/test/r/matching_benchmark.R N_TREATED N_CONTROL OUT_DIR [REPS]
# Writes OUT_DIR/psm_bench.csv (treat, ps), OUT_DIR/psm_bench_pairs.csv (treated row, control row,
# 1-based; NA when unmatched) and prints MatchIt's elapsed and CPU time (seconds).
suppressPackageStartupMessages(library(MatchIt))
args <- commandArgs(trailingOnly = TRUE)
n1 <- as.integer(args[1]); n0 <- as.integer(args[2]); out <- args[3]
set.seed(20261122)
treat <- c(rep(1L, n1), rep(0L, n0))
x1 <- rnorm(n1 + n0, mean = 0.4 * treat); x2 <- rbinom(n1 + n0, 1, 0.3 + 0.2 * treat)
ps <- fitted(glm(treat ~ x1 + x2, family = binomial))
d <- data.frame(treat = treat, x1 = x1, x2 = x2)
write.csv(data.frame(treat = treat, ps = sprintf("%.17g", ps)), file.path(out, "psm_bench.csv"), row.names = FALSE, quote = FALSE)
reps <- if (length(args) > 3) as.integer(args[4]) else 1L
for (rep in seq_len(reps)) {
  st <- system.time(m <- matchit(treat ~ x1 + x2, data = d, distance = unname(ps), caliper = 0.05))
  cat(sprintf("MatchIt %s nearest 1:1 caliper 0.05 SD, n1 = %d, n0 = %d: elapsed %.2f s, cpu %.2f s (matched treated %d)\n",
              packageVersion("MatchIt"), n1, n0, st[["elapsed"]], st[["user.self"]] + st[["sys.self"]],
              sum(!is.na(m$match.matrix[, 1]))))
}
write.csv(data.frame(treated = as.integer(rownames(m$match.matrix)), control = as.integer(m$match.matrix[, 1])),
          file.path(out, "psm_bench_pairs.csv"), row.names = FALSE, quote = FALSE)
